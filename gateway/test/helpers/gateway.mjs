// Starting the built gateway for tests: in this process (startGateway from gateway/dist/node.mjs), or as a
// process of its own through the CLI (as a city would run it), with its JSON log lines collected.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../../scripts/check/ensure-services.mjs';

const root = fileURLToPath(new URL('../../..', import.meta.url));
export const CLI = `${root}gateway/bin/citizen-portal-gateway.mjs`;

/** In-process: returns { url, logs, close }. `settings` are camelCase (the JSON file's keys). */
export async function startInProcess(settings) {
  const { startGateway } = await import('../../dist/node.mjs');
  const { loadConfig } = await import('../../dist/node.mjs');
  const port = settings.port ?? (await freePort());
  const logs = [];
  const config = loadConfig({ overrides: { host: '127.0.0.1', port, logLevel: 'debug', ...settings } });
  const gw = await startGateway(config, { log: (level, msg, fields) => logs.push({ level, msg, ...fields }) });
  return { ...gw, logs };
}

/**
 * The CLI as a child process; resolves once it listens (or rejects with its stderr when it exits). `cli` is the
 * script to run: this checkout's by default, or one installed from the package.
 */
export async function startCli(args, env = {}, { cli = CLI } = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [cli, ...args], {
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d) => (out.stdout += d));
  child.stderr.on('data', (d) => (out.stderr += d));
  const exited = new Promise((r) => child.once('exit', (code) => r(code)));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start: ${out.stderr}`)), 15_000);
    child.stdout.on('data', () => {
      if (out.stdout.includes('"listening"')) {
        clearTimeout(timer);
        resolve();
      }
    });
    exited.then((code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`gateway exited (${code}): ${out.stderr}`), { code, stderr: out.stderr }));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    out,
    logs: () =>
      out.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Runs the CLI expecting it to fail at start-up: { code, stderr }. */
export function runCliToExit(args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}
