// Configuration: one schema for environment variables, a JSON file and the command line, checked at start-up;
// a mistake stops the gateway with a non-zero exit and names the setting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliToExit, startCli } from './helpers/gateway.mjs';
import { startUpstream } from './helpers/upstream.mjs';

test('no upstream: exit 2, naming UPSTREAM', async () => {
  const { code, stderr } = await runCliToExit([]);
  assert.equal(code, 2);
  assert.match(stderr, /configuration error/);
  assert.match(stderr, /UPSTREAM \(upstream\): is required/);
});

test('bad values name each setting: an origin with a path, a port that is not a number, s3 without a bucket', async () => {
  const { code, stderr } = await runCliToExit(['--upstream', 'https://city.example/open311/v2'], {
    ALLOW_ORIGINS: 'https://www.city.example/contact',
    PORT: 'eighty',
  });
  assert.equal(code, 2);
  assert.match(stderr, /ALLOW_ORIGINS \(allowOrigins\)/);
  assert.match(stderr, /PORT \(port\): must be a number/);
  const s3 = await runCliToExit(['--upstream', 'https://city.example/open311/v2'], { MEDIA_STORAGE: 's3' });
  assert.equal(s3.code, 2);
  assert.match(s3.stderr, /S3_BUCKET \(s3Bucket\): is required when mediaStorage is s3/);
});

test('a JSON file with an unknown key, or one that is not JSON, is refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cp-gw-config-'));
  try {
    writeFileSync(join(dir, 'typo.json'), JSON.stringify({ upstream: 'https://city.example/v2', alowOrigins: ['x'] }));
    const typo = await runCliToExit(['--config', join(dir, 'typo.json')]);
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /unknown setting\(s\): alowOrigins/);
    writeFileSync(join(dir, 'bad.json'), '{ upstream: ');
    const bad = await runCliToExit([], { CONFIG_FILE: join(dir, 'bad.json') });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /CONFIG_FILE: .*bad\.json is not a JSON object/);
    assert.equal((await runCliToExit(['--no-such-option', '1'])).code, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the CLI runs from a JSON file, the environment and flags together (flags win)', async () => {
  const upstream = await startUpstream();
  const dir = mkdtempSync(join(tmpdir(), 'cp-gw-config-'));
  writeFileSync(
    join(dir, 'gateway.json'),
    JSON.stringify({ upstream: 'https://wrong.example/v2', jurisdictionId: 'city.example', mediaStorage: 'none' }),
  );
  const gw = await startCli(
    ['--config', join(dir, 'gateway.json'), '--upstream', upstream.base, '--allow-origin', 'https://www.city.example'],
    { API_KEY: 'secret-key' },
  );
  try {
    const res = await fetch(`${gw.url}/services.json`, { headers: { Origin: 'https://www.city.example' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), 'https://www.city.example');
    assert.equal((await res.json()).length, 2);
    const logs = gw.logs();
    assert.ok(logs.some((l) => l.msg === 'listening'));
    assert.ok(logs.some((l) => l.msg === 'request' && l.path === '/services.json' && l.status === 200));
  } finally {
    await gw.stop();
    await upstream.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
