// The gateway in front of a city's server that speaks JSON, and one that speaks only XML: GeoReport v2 calls
// answered in normalised JSON, api_key and jurisdiction_id added server-side, services cached, CORS for the
// configured origins only, upstream failures as errors the widget's own client reads, logs without personal data.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startUpstream } from './helpers/upstream.mjs';
import { startInProcess } from './helpers/gateway.mjs';
import { loadWidgetClient } from './helpers/client.mjs';

const ORIGIN = 'https://www.city.example';

for (const format of ['json', 'xml']) {
  describe(`gateway in front of a ${format.toUpperCase()} upstream`, () => {
    let upstream, gw, client;
    before(async () => {
      upstream = await startUpstream({ format });
      gw = await startInProcess({
        upstream: upstream.base,
        apiKey: 'secret-key',
        jurisdictionId: 'city.example',
        allowOrigins: [ORIGIN],
        cacheTtlSeconds: 60,
        upstreamTimeoutMs: 800,
        mediaStorage: 'none',
      });
      const { createOpen311Backend } = await loadWidgetClient();
      client = createOpen311Backend({ endpoint: gw.url, retries: 0, timeoutMs: 5000 });
    });
    after(async () => {
      await gw?.close();
      await upstream?.close();
    });

    test('services: normalised JSON (codes as strings, metadata as booleans), cached', async () => {
      upstream.reset();
      const res = await fetch(`${gw.url}/services.json`, { headers: { Origin: ORIGIN } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
      assert.match(res.headers.get('content-type'), /application\/json/);
      const list = await res.json();
      assert.deepEqual(
        list.map((s) => [s.service_code, s.service_name, s.metadata, s.type]),
        [
          ['POTHOLE', 'Pothole', true, 'realtime'],
          ['101', 'Graffiti', false, 'batch'],
        ],
      );
      const again = await fetch(`${gw.url}/services.json`);
      assert.deepEqual(await again.json(), list);
      assert.equal(
        upstream.count((r) => r.path === `/v2/services.${format}`),
        1,
        'the second GET came from the cache',
      );
      assert.equal(upstream.received.at(-1).query.jurisdiction_id, 'city.example');
    });

    test('service definition, request, requests and tokens through the widget client', async () => {
      const def = await client.serviceDefinition('POTHOLE');
      assert.equal(def.attributes[0].code, 'SIZE');
      assert.deepEqual(
        def.attributes[0].values.map((v) => v.key),
        ['s', 'l'],
      );
      const r = await client.request('638344');
      assert.equal(r.service_request_id, '638344');
      assert.equal(r.statusFamily, 'in-progress');
      assert.equal(r.lat, 37.76);
      assert.equal(r.media_url, 'https://city.example/p.jpg');
      const list = await client.requests({ ids: ['638344', '638345'] });
      assert.deepEqual(
        list.map((x) => x.status),
        ['in_progress', 'closed'],
      );
      await assert.rejects(client.request('999'), (e) => e.kind === 'not-found');
      await assert.rejects(client.serviceDefinition('NOPE'), (e) => e.kind === 'not-found');
    });

    test('POST requests: api_key and jurisdiction_id added by the gateway, client-sent ones stripped', async () => {
      upstream.reset();
      const body = new URLSearchParams({
        service_code: 'POTHOLE',
        lat: '37.7',
        long: '-122.4',
        description: 'Deep hole by the school',
        email: 'resident@example.org',
        api_key: 'browser-guess',
        jurisdiction_id: 'other.example',
        'attribute[SIZE]': 'l',
        evil_field: 'x',
      });
      body.append('attribute[KINDS][]', 'a');
      body.append('attribute[KINDS][]', 'b');
      const res = await fetch(`${gw.url}/requests.json`, { method: 'POST', body, headers: { Origin: ORIGIN } });
      assert.equal(res.status, 201);
      const answer = await res.json();
      assert.match(answer[0].service_request_id, /^\d+$/);
      assert.equal(answer[0].service_notice, 'Thanks');
      const posts = upstream.received.filter((r) => r.method === 'POST');
      assert.equal(posts.length, 1);
      const sent = posts[0].body;
      assert.deepEqual(sent.getAll('api_key'), ['secret-key']);
      assert.deepEqual(sent.getAll('jurisdiction_id'), ['city.example']);
      assert.equal(sent.get('attribute[SIZE]'), 'l');
      assert.deepEqual(sent.getAll('attribute[KINDS][]'), ['a', 'b']);
      assert.equal(sent.get('description'), 'Deep hole by the school');
      assert.equal(sent.get('evil_field'), null);
      // the widget's client files through the gateway, and a batch service gets a token that resolves
      const submitted = await client.submit({ service_code: '101', address_string: '1 Main St', attributes: {} });
      assert.match(submitted.token, /^tok-/);
      const tokens = await fetch(`${gw.url}/tokens/${submitted.token}.json`).then((r) => r.json());
      assert.match(tokens[0].service_request_id, /^\d+$/);
    });

    test('upstream failures: timeout 504, 5xx and HTML pages 502, each an Open311 error the widget reads', async () => {
      const cases = [
        ['timeout', () => (upstream.state.delayMs = 1500), 504, 'upstream-timeout', /did not answer in time/],
        ['500', () => (upstream.state.fail = '500'), 502, 'upstream-error', /failed \(HTTP 500\)/],
        ['html', () => (upstream.state.fail = 'html'), 502, 'upstream-invalid', /not GeoReport v2/],
        ['503 html', () => (upstream.state.fail = '503-html'), 502, 'upstream-error', /HTTP 503/],
      ];
      for (const [name, setup, status, kind, text] of cases) {
        upstream.reset();
        setup();
        const res = await fetch(`${gw.url}/requests/638344.json`, { headers: { Origin: ORIGIN } });
        assert.equal(res.status, status, name);
        assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN, `${name}: errors carry CORS too`);
        const [err] = await res.json();
        assert.equal(err.code, status, name);
        assert.equal(err.kind, kind, name);
        assert.match(err.description, text, name);
        await assert.rejects(client.request('638344'), (e) => {
          assert.equal(e.kind, 'http', name);
          assert.equal(e.details.status, status, name);
          assert.match(e.details.serverMessage, text, name);
          return true;
        });
      }
      upstream.reset();
    });

    test('a POST whose upstream answer is lost is not retried', async () => {
      upstream.reset();
      upstream.state.delayMs = 1500;
      const res = await fetch(`${gw.url}/requests.json`, {
        method: 'POST',
        body: new URLSearchParams({ service_code: 'POTHOLE', address_string: '1 Main St' }),
      });
      assert.equal(res.status, 504);
      await new Promise((r) => setTimeout(r, 1600));
      assert.equal(
        upstream.count((r) => r.method === 'POST'),
        1,
      );
      upstream.reset();
    });
  });
}

describe('CORS, health and logs', () => {
  let upstream, gw;
  before(async () => {
    upstream = await startUpstream();
    gw = await startInProcess({
      upstream: upstream.base,
      apiKey: 'secret-key',
      jurisdictionId: 'city.example',
      allowOrigins: [ORIGIN, 'http://127.0.0.1:9999'],
      mediaStorage: 'none',
    });
  });
  after(async () => {
    await gw?.close();
    await upstream?.close();
  });

  test('an origin not configured is refused, on GET, POST and preflight alike', async () => {
    const evil = 'https://evil.example';
    for (const init of [{}, { method: 'POST', body: new URLSearchParams({ service_code: 'POTHOLE' }) }]) {
      upstream.reset();
      const res = await fetch(`${gw.url}/services.json`.replace('services', init.method ? 'requests' : 'services'), {
        ...init,
        headers: { Origin: evil },
      });
      assert.equal(res.status, 403);
      assert.equal(res.headers.get('access-control-allow-origin'), null);
      assert.equal((await res.json())[0].kind, 'origin-refused');
      assert.equal(upstream.received.length, 0, 'nothing reached the city');
    }
    const pre = await fetch(`${gw.url}/requests.json`, {
      method: 'OPTIONS',
      headers: { Origin: evil, 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(pre.status, 403);
    assert.equal(pre.headers.get('access-control-allow-origin'), null);
  });

  test('a configured origin gets its preflight', async () => {
    const pre = await fetch(`${gw.url}/requests.json`, {
      method: 'OPTIONS',
      headers: {
        Origin: ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(pre.headers.get('access-control-allow-methods'), /POST/);
    assert.match(pre.headers.get('vary'), /Origin/);
    const odd = await fetch(`${gw.url}/requests.json`, {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'DELETE' },
    });
    assert.equal(odd.status, 403);
  });

  test('GET /health and discovery', async () => {
    const res = await fetch(`${gw.url}/health`);
    assert.equal(res.status, 200);
    assert.equal((await res.json()).status, 'ok');
    const d = await fetch(`${gw.url}/discovery.json`).then((r) => r.json());
    assert.equal(d.gateway.media, null);
    assert.equal(d.gateway.captcha, null);
  });

  test('logs: one JSON line per request with a request id, and no personal data', async () => {
    gw.logs.length = 0;
    const res = await fetch(`${gw.url}/requests.json`, {
      method: 'POST',
      headers: { Origin: ORIGIN, 'X-Request-Id': 'test-req-1' },
      body: new URLSearchParams({
        service_code: 'POTHOLE',
        lat: '37.123456',
        long: '-122.654321',
        description: 'Secret description text',
        email: 'jane.doe@example.org',
        first_name: 'Janedoe',
        phone: '555-0134',
      }),
    });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('x-request-id'), 'test-req-1');
    const line = gw.logs.find((l) => l.requestId === 'test-req-1');
    assert.equal(line.msg, 'request');
    assert.equal(line.status, 201);
    assert.equal(line.method, 'POST');
    const all = JSON.stringify(gw.logs);
    for (const secret of [
      'Secret description',
      'jane.doe',
      'Janedoe',
      '555-0134',
      '37.123456',
      '122.654321',
      'secret-key',
    ])
      assert.ok(!all.includes(secret), `logs hold ${secret}`);
  });
});
