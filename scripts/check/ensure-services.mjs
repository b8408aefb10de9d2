// The real services the gateway's tests need, on 127.0.0.1 only: Debian's redis-server (installed with apt-get when
// missing, as root: `apt-get update` first) and an S3-protocol server (s3rver, an npm devDependency, run in the
// calling process). Whoever starts one stops it: every start function returns { url…, stop() }.
//
//   node scripts/check/ensure-services.mjs          installs what is missing (redis-server), then exits
//   import { startRedis, startS3 } from '…/ensure-services.mjs'   in a test's before(); stop() in after()
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/** Debian packages behind the commands we need. */
const PACKAGES = { 'redis-server': 'redis-server' };

let updated = false;
/** Installs the Debian package of each missing command (root only; otherwise says what to install). */
export function ensureInstalled(commands = Object.keys(PACKAGES)) {
  const missing = commands.filter((c) => !has(c));
  if (!missing.length) return;
  const packages = missing.map((c) => PACKAGES[c] ?? c);
  if (process.getuid?.() !== 0) {
    throw new Error(`missing ${missing.join(', ')}: install ${packages.join(' ')} (e.g. apt-get install -y …)`);
  }
  const run = (args) => {
    const r = spawnSync('apt-get', args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status})`);
  };
  console.error(`ensure-services: installing ${packages.join(' ')} from Debian`);
  if (!updated) run(['update', '-qq']);
  updated = true;
  run(['install', '-y', '-qq', '--no-install-recommends', ...packages]);
  const still = missing.filter((c) => !has(c));
  if (still.length) throw new Error(`still missing after apt-get install: ${still.join(', ')}`);
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts connections on the port (or rejects after `ms`). */
export async function waitForPort(port, ms = 10_000) {
  const until = Date.now() + ms;
  for (;;) {
    const ok = await new Promise((resolve) => {
      const sock = net.connect(port, '127.0.0.1', () => {
        sock.destroy();
        resolve(true);
      });
      sock.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`nothing listens on 127.0.0.1:${port} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A throw-away redis-server on 127.0.0.1 (no persistence). */
export async function startRedis() {
  ensureInstalled(['redis-server']);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'cp-redis-'));
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await Promise.race([
    waitForPort(port),
    exited.then((code) => Promise.reject(new Error(`redis-server exited (${code})`))),
  ]);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** s3rver (an S3-protocol server) on 127.0.0.1 with the given buckets, its files in a temporary folder. */
export async function startS3({ buckets = ['media'] } = {}) {
  const { default: S3rver } = await import('s3rver');
  const dir = mkdtempSync(join(tmpdir(), 'cp-s3-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: dir,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    directory: dir,
    // s3rver's fixed development credentials
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    async stop() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureInstalled();
  console.error('ensure-services: redis-server present');
}
