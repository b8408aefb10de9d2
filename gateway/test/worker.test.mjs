// The fetch-platform adapter (gateway/dist/worker.mjs, Workers style: export default { fetch(request, env) }),
// exercised by calling its fetch handler with web-standard Requests, as such a platform would.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startUpstream } from './helpers/upstream.mjs';

const ORIGIN = 'https://www.city.example';
let upstream, worker, env;
before(async () => {
  upstream = await startUpstream({ format: 'xml' });
  worker = (await import('../dist/worker.mjs')).default;
  env = {
    UPSTREAM: upstream.base,
    API_KEY: 'secret-key',
    JURISDICTION_ID: 'city.example',
    ALLOW_ORIGINS: ORIGIN,
    PUBLIC_URL: 'https://gateway.city.example',
    LOG_LEVEL: 'silent',
  };
});
after(() => upstream?.close());

test('GET services through the fetch handler (XML upstream, JSON answer, CORS)', async () => {
  const res = await worker.fetch(
    new Request('https://gateway.city.example/services.json', { headers: { Origin: ORIGIN } }),
    env,
  );
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
  const list = await res.json();
  assert.deepEqual(
    list.map((s) => s.service_code),
    ['POTHOLE', '101'],
  );
});

test('POST requests through the fetch handler: the key is added, the client address comes from CF-Connecting-IP', async () => {
  upstream.reset();
  const res = await worker.fetch(
    new Request('https://gateway.city.example/requests.json', {
      method: 'POST',
      headers: {
        Origin: ORIGIN,
        'CF-Connecting-IP': '203.0.113.9',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ service_code: 'POTHOLE', address_string: '1 Main St', api_key: 'x' }),
    }),
    env,
  );
  assert.equal(res.status, 201);
  assert.match((await res.json())[0].service_request_id, /^\d+$/);
  assert.deepEqual(upstream.received.find((r) => r.method === 'POST').body.getAll('api_key'), ['secret-key']);
});

test('refusals and what this platform cannot do: other origins, photos (no sharp here)', async () => {
  const refused = await worker.fetch(
    new Request('https://gateway.city.example/requests.json', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    }),
    env,
  );
  assert.equal(refused.status, 403);
  const media = await worker.fetch(
    new Request('https://gateway.city.example/media', { method: 'POST', body: new FormData() }),
    env,
  );
  assert.equal(media.status, 501);
  const d = await worker.fetch(new Request('https://gateway.city.example/discovery.json'), env).then((r) => r.json());
  assert.equal(d.gateway.media, null);
  assert.equal(d.endpoints[0].url, 'https://gateway.city.example');
});

test('a configuration error answers 500 without details, and says why in the log', async () => {
  const errors = [];
  const orig = console.error;
  console.error = (m) => errors.push(String(m));
  try {
    const res = await worker.fetch(new Request('https://gateway.city.example/services.json'), {
      ALLOW_ORIGINS: ORIGIN,
    });
    assert.equal(res.status, 500);
    assert.equal((await res.json())[0].description, 'The gateway is not configured.');
  } finally {
    console.error = orig;
  }
  assert.match(errors.join('\n'), /UPSTREAM \(upstream\): is required/);
});
