// The container, without a container engine: this machine (and CI) has no Docker and cannot pull
// node:20-bookworm-slim, so this test plays gateway/Dockerfile's steps itself. Each stage is a folder standing for
// the image's file system; COPY copies from the build context (honouring Dockerfile.dockerignore) or from an
// earlier stage; RUN runs its npm and node commands in WORKDIR with the stage's ENV (on this machine's Node 20, the
// image's Node); then CMD starts the gateway in front of a city's server and HEALTHCHECK's own command must pass.
// What it cannot check: the base image itself, `chown` to the image's node user, and `npm cache clean` (skipped,
// as it would empty this machine's cache). What it does catch: a file the build needs but COPY forgot, a
// dependency missing from the gateway's workspace, a CMD that does not start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../scripts/check/ensure-services.mjs';
import { startUpstream } from './helpers/upstream.mjs';

const context = fileURLToPath(new URL('../..', import.meta.url));
const read = (f) => readFileSync(join(context, 'gateway', f), 'utf8');

/** The Dockerfile's instructions, continuation lines joined, comments dropped. */
function instructions(text) {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [, op, rest] = l.match(/^(\S+)\s+(.*)$/);
      return { op: op.toUpperCase(), rest };
    });
}

/** Dockerfile.dockerignore's patterns: a path, or `**` + a name anywhere. */
function ignored(patterns, rel) {
  return patterns.some((p) =>
    p.startsWith('**/') ? rel.split('/').includes(p.slice(3)) : rel === p || rel.startsWith(`${p}/`),
  );
}

test('gateway/Dockerfile, played step by step: it builds, and its CMD serves /health', async () => {
  const ignore = read('Dockerfile.dockerignore')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const work = mkdtempSync(join(tmpdir(), 'cp-gw-docker-'));
  const stages = new Map();
  let stage;
  const inStage = (p) => join(stage.root, p);
  const upstream = await startUpstream();
  let child;
  try {
    for (const { op, rest } of instructions(read('Dockerfile'))) {
      if (op === 'FROM') {
        const name = rest.match(/\bAS\s+(\S+)/i)?.[1] ?? `stage${stages.size}`;
        stage = { root: join(work, name), cwd: '/', env: {} };
        mkdirSync(stage.root, { recursive: true });
        stages.set(name, stage);
      } else if (op === 'WORKDIR') {
        stage.cwd = rest.startsWith('/') ? rest : join(stage.cwd, rest);
        mkdirSync(inStage(stage.cwd), { recursive: true });
      } else if (op === 'ENV') {
        for (const [, k, v] of rest.matchAll(/(\w+)=(\S+)/g)) stage.env[k] = v;
      } else if (op === 'COPY') {
        const words = rest.split(/\s+/);
        const from = words[0].startsWith('--from=') ? stages.get(words.shift().slice(7)) : undefined;
        const dest = words.pop();
        const target = inStage(dest.startsWith('/') ? dest : join(stage.cwd, dest));
        for (const src of words) {
          const source = from ? join(from.root, src) : join(context, src);
          assert.ok(existsSync(source), `COPY ${src}: not there`);
          const into = dest.endsWith('/') && !statSync(source).isDirectory() ? join(target, basename(src)) : target;
          cpSync(source, into, {
            recursive: true,
            filter: (f) => from !== undefined || !ignored(ignore, relative(context, f)),
          });
        }
      } else if (op === 'RUN') {
        for (const command of rest.split('&&').map((c) => c.trim())) {
          if (/^npm cache /.test(command) || /^chown /.test(command)) continue;
          const sh = command.replace(/(^|\s)\/(data|app)\b/g, (_, sp, dir) => `${sp}${join(stage.root, dir)}`);
          execSync(sh, {
            cwd: inStage(stage.cwd),
            env: { ...process.env, ...stage.env },
            stdio: ['ignore', 'pipe', 'pipe'],
          });
        }
      } else if (op === 'CMD' || op === 'HEALTHCHECK') {
        stage[op] = rest;
      }
    }

    const image = stage;
    assert.ok(!existsSync(join(image.root, 'app', 'src')), 'the image carries the build, not the sources');
    assert.ok(!existsSync(join(image.root, 'app', 'node_modules', 'lit')), "the widget's dependencies stay out");
    const port = await freePort();
    const env = {
      PATH: process.env.PATH,
      ...image.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      MEDIA_DIR: join(image.root, 'data', 'media'),
      UPSTREAM: upstream.base,
      ALLOW_ORIGINS: 'https://www.city.example',
      API_KEY: 'secret-key',
      JURISDICTION_ID: 'city.example',
    };
    const [cmd, ...args] = JSON.parse(image.CMD);
    child = spawn(cmd, args, { cwd: inStage(image.cwd), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`CMD did not start: ${out}`)), 15_000);
      child.stdout.on('data', () => out.includes('"listening"') && (clearTimeout(timer), resolve()));
      child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`CMD exited (${code}): ${out}`))));
    });
    const health = image.HEALTHCHECK.replace(/^.*?\bCMD\s+/, '');
    execSync(health, { env, stdio: 'ignore' }); // throws unless it exits 0
    const services = await (await fetch(`http://127.0.0.1:${port}/services.json`)).json();
    assert.deepEqual(
      services.map((s) => s.service_code),
      ['POTHOLE', '101'],
    );
  } finally {
    child?.kill('SIGTERM');
    await upstream.close();
    rmSync(work, { recursive: true, force: true });
  }
});
