// Abuse limits on POST: a per-IP token bucket (429 with Retry-After), a honeypot field, a minimum fill time
// (signed form tokens), and a CAPTCHA checked with a siteverify-style service. None of the refused POSTs reaches
// the city's server.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startUpstream } from './helpers/upstream.mjs';
import { startInProcess } from './helpers/gateway.mjs';

const post = (url, fields, headers = {}) =>
  fetch(`${url}/requests.json`, { method: 'POST', body: new URLSearchParams(fields), headers });
const report = { service_code: 'POTHOLE', address_string: '1 Main St' };

describe('rate limit', () => {
  let upstream, gw;
  before(async () => {
    upstream = await startUpstream();
    gw = await startInProcess({
      upstream: upstream.base,
      apiKey: 'secret-key',
      jurisdictionId: 'city.example',
      rateLimitCapacity: 3,
      rateLimitPerMinute: 6,
      mediaStorage: 'none',
    });
  });
  after(async () => {
    await gw?.close();
    await upstream?.close();
  });

  test('the 4th POST within seconds gets 429 with Retry-After; GETs are not limited', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await post(gw.url, report)).status, 201, `POST ${i + 1}`);
    const res = await post(gw.url, report);
    assert.equal(res.status, 429);
    const wait = Number(res.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 10, `Retry-After ${wait}`);
    const [err] = await res.json();
    assert.equal(err.code, 429);
    assert.equal(err.kind, 'rate-limited');
    assert.equal(
      upstream.count((r) => r.method === 'POST'),
      3,
    );
    for (let i = 0; i < 5; i++) assert.equal((await fetch(`${gw.url}/services.json`)).status, 200);
  });
});

describe('honeypot and minimum fill time', () => {
  let upstream, gw;
  before(async () => {
    upstream = await startUpstream();
    gw = await startInProcess({
      upstream: upstream.base,
      apiKey: 'secret-key',
      jurisdictionId: 'city.example',
      minFillSeconds: 1,
      formSecret: 'a-test-secret-of-some-length',
      mediaStorage: 'none',
    });
  });
  after(async () => {
    await gw?.close();
    await upstream?.close();
  });

  test('a filled honeypot field is refused', async () => {
    upstream.reset();
    const { token } = await fetch(`${gw.url}/form-token`).then((r) => r.json());
    await new Promise((r) => setTimeout(r, 1100));
    const res = await post(gw.url, { ...report, cp_form_token: token, cp_website: 'http://spam.example' });
    assert.equal(res.status, 400);
    assert.equal((await res.json())[0].kind, 'trap');
    assert.equal(upstream.received.length, 0);
  });

  test('a form sent quicker than a person can fill it gets 429 + Retry-After; later it goes through', async () => {
    upstream.reset();
    const tokenAnswer = await fetch(`${gw.url}/form-token`).then((r) => r.json());
    assert.equal(tokenAnswer.field, 'cp_form_token');
    const fast = await post(gw.url, { ...report, cp_form_token: tokenAnswer.token });
    assert.equal(fast.status, 429);
    assert.equal(fast.headers.get('retry-after'), '1');
    assert.equal((await fast.json())[0].kind, 'too-fast');
    await new Promise((r) => setTimeout(r, 1100));
    const ok = await post(gw.url, { ...report, cp_form_token: tokenAnswer.token, cp_website: '' });
    assert.equal(ok.status, 201);
    // no token, or a forged one
    assert.equal((await post(gw.url, report)).status, 400);
    const forged = tokenAnswer.token.replace(/^\d+/, String(Date.now() - 60_000));
    assert.equal((await post(gw.url, { ...report, cp_form_token: forged })).status, 400);
    assert.equal(
      upstream.count((r) => r.method === 'POST'),
      1,
    );
  });
});

describe('CAPTCHA (siteverify)', () => {
  let upstream, gw, verifier, verifications;
  before(async () => {
    upstream = await startUpstream();
    verifications = [];
    verifier = http.createServer(async (req, res) => {
      let body = '';
      for await (const c of req) body += c;
      const p = new URLSearchParams(body);
      verifications.push(Object.fromEntries(p));
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ success: p.get('secret') === 'captcha-secret' && p.get('response') === 'good-token' }));
    });
    await new Promise((r) => verifier.listen(0, '127.0.0.1', r));
    gw = await startInProcess({
      upstream: upstream.base,
      apiKey: 'secret-key',
      jurisdictionId: 'city.example',
      captchaSecret: 'captcha-secret',
      captchaSiteKey: 'site-key-1',
      captchaVerifyUrl: `http://127.0.0.1:${verifier.address().port}/siteverify`,
      mediaStorage: 'none',
    });
  });
  after(async () => {
    await gw?.close();
    await upstream?.close();
    verifier?.close();
  });

  test('discovery tells the widget a CAPTCHA is required, with its site key', async () => {
    const d = await fetch(`${gw.url}/discovery.json`).then((r) => r.json());
    assert.deepEqual(d.gateway.captcha, { provider: 'turnstile', siteKey: 'site-key-1' });
  });

  test("without form tokens, /form-token says none is needed (200, no token), not 404 in every page's console", async () => {
    const res = await fetch(`${gw.url}/form-token`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { token: null });
    assert.equal((await fetch(`${gw.url}/discovery.json`).then((r) => r.json())).gateway.formToken, null);
  });

  test('without or with a wrong answer: 403; with the right one the report goes through', async () => {
    upstream.reset();
    const none = await post(gw.url, report);
    assert.equal(none.status, 403);
    assert.equal((await none.json())[0].kind, 'captcha-required');
    const wrong = await post(gw.url, { ...report, 'cf-turnstile-response': 'bad' });
    assert.equal(wrong.status, 403);
    assert.equal((await wrong.json())[0].kind, 'captcha-failed');
    assert.equal(upstream.received.length, 0);
    const good = await post(gw.url, { ...report, 'h-captcha-response': 'good-token' });
    assert.equal(good.status, 201);
    assert.equal(verifications.at(-1).remoteip, '127.0.0.1');
    const sent = upstream.received.find((r) => r.method === 'POST').body;
    assert.equal(sent.get('h-captcha-response'), null, 'the CAPTCHA answer is not sent to the city');
  });
});
