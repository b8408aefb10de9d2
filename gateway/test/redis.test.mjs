// Two gateway processes (the CLI, as a city would run them behind a load balancer) sharing one Redis (Debian's
// redis-server, installed by the test setup when missing): one rate limit and one services cache between them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startRedis } from '../../scripts/check/ensure-services.mjs';
import { startCli } from './helpers/gateway.mjs';
import { startUpstream } from './helpers/upstream.mjs';

let redis, upstream, a, b;
before(async () => {
  redis = await startRedis();
  upstream = await startUpstream();
  const env = {
    REDIS_URL: redis.url,
    API_KEY: 'secret-key',
    JURISDICTION_ID: 'city.example',
    RATE_LIMIT_CAPACITY: '3',
    RATE_LIMIT_PER_MINUTE: '6',
    CACHE_TTL_SECONDS: '60',
    MEDIA_STORAGE: 'none',
  };
  [a, b] = await Promise.all([
    startCli(['--upstream', upstream.base], env),
    startCli(['--upstream', upstream.base], env),
  ]);
});
after(async () => {
  await a?.stop();
  await b?.stop();
  await upstream?.close();
  await redis?.stop();
});

test('one services cache: the second process answers from what the first fetched', async () => {
  upstream.reset();
  const first = await fetch(`${a.url}/services.json`);
  assert.equal(first.status, 200);
  const second = await fetch(`${b.url}/services.json`);
  assert.deepEqual(await second.json(), await first.json());
  assert.equal(
    upstream.count((r) => r.path === '/v2/services.json'),
    1,
  );
  assert.ok(b.logs().some((l) => l.path === '/services.json' && l.cache === 'HIT'));
  assert.equal((await fetch(`${a.url}/health`).then((r) => r.json())).redis, 'ok');
});

test('one rate limit: 3 POSTs across both processes, the 4th refused by either', async () => {
  upstream.reset();
  const report = () => new URLSearchParams({ service_code: 'POTHOLE', address_string: '1 Main St' });
  const post = (gw) => fetch(`${gw.url}/requests.json`, { method: 'POST', body: report() });
  assert.equal((await post(a)).status, 201);
  assert.equal((await post(b)).status, 201);
  assert.equal((await post(a)).status, 201);
  for (const gw of [b, a]) {
    const res = await post(gw);
    assert.equal(res.status, 429);
    assert.ok(Number(res.headers.get('retry-after')) >= 1);
  }
  assert.equal(
    upstream.count((r) => r.method === 'POST'),
    3,
  );
});
