// The gateway is a package of its own (citizen-portal-gateway, an npm workspace in gateway/), so the widget's
// package carries none of its server dependencies (sharp, the AWS SDK, Redis, Hono). These tests pack both the way
// `npm publish` would, check what each tarball holds, then install the gateway's tarball into an empty folder
// (only its declared dependencies, from npm's cache) and run its CLI there in front of a city's server: a bundle
// that still imported something from this checkout, or a dependency it forgot to declare, fails here.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCli } from './helpers/gateway.mjs';
import { startUpstream } from './helpers/upstream.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SERVER_DEPENDENCIES = ['sharp', '@aws-sdk/client-s3', 'ioredis', 'hono', '@hono/node-server', '@xmldom/xmldom'];
const npm = (args, cwd = root) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const packed = (json) => JSON.parse(json.slice(json.indexOf('[')))[0];

let dir;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'cp-gw-package-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("the widget's package holds the widget only: no gateway files, no server dependencies", () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const dep of SERVER_DEPENDENCIES) assert.equal(manifest.dependencies[dep], undefined, dep);
  assert.equal(manifest.bin, undefined);
  const files = packed(npm(['pack', '--dry-run', '--json', '--ignore-scripts'])).files.map((f) => f.path);
  assert.deepEqual(
    files.filter((f) => f.startsWith('gateway/')),
    [],
  );
  assert.ok(files.includes('dist/citizen-portal.js'), 'the widget bundle is in its package');
});

test("the gateway's package: built on pack, its bin and bundles, no sources or tests; installed alone, it runs", async () => {
  // `npm pack` builds it first (prepack); here the build already ran (npm run test:gateway), and rebuilding would
  // pull gateway/dist from under the tests running beside this one.
  const manifest = JSON.parse(readFileSync(join(root, 'gateway', 'package.json'), 'utf8'));
  assert.equal(manifest.scripts.prepack, 'node build.mjs');
  const gateway = packed(
    npm(['pack', '--json', '--ignore-scripts', '--workspace', 'citizen-portal-gateway', '--pack-destination', dir]),
  );
  const files = gateway.files.map((f) => f.path).sort();
  for (const f of [
    'bin/citizen-portal-gateway.mjs',
    'dist/cli.mjs',
    'dist/node.mjs',
    'dist/worker.mjs',
    'package.json',
  ])
    assert.ok(files.includes(f), `${f} in ${files.join(', ')}`);
  assert.deepEqual(
    files.filter((f) => /^(src|test)\//.test(f)),
    [],
  );

  // An empty project that installs only the tarball: what a city gets from `npm install citizen-portal-gateway`.
  const app = join(dir, 'city');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'city', private: true }));
  npm(['install', '--prefer-offline', '--no-audit', '--no-fund', join(dir, gateway.filename)], app);
  assert.ok(!existsSync(join(app, 'node_modules', 'lit')), "the widget's dependencies are not the gateway's");

  const upstream = await startUpstream();
  const cli = join(app, 'node_modules', 'citizen-portal-gateway', 'bin', 'citizen-portal-gateway.mjs');
  let gw;
  try {
    gw = await startCli(
      ['--upstream', upstream.base, '--allow-origin', 'https://www.city.example'],
      { API_KEY: 'secret-key', JURISDICTION_ID: 'city.example' },
      { cli },
    );
    assert.equal((await fetch(`${gw.url}/health`)).status, 200);
    const services = await (await fetch(`${gw.url}/services.json`)).json();
    assert.deepEqual(
      services.map((s) => s.service_code),
      ['POTHOLE', '101'],
    );
  } finally {
    await gw?.stop();
    await upstream.close();
  }
});
