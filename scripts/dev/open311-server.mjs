// The demo's Open311 GeoReport v2 backend (demo/backend, the same msw handlers the demo runs in the browser),
// served by Node on its own origin with CORS, as a city's server would be. The end-to-end tests use it to put
// the host page, the CDN and the backend on three different origins. `node scripts/dev/open311-server.mjs` runs it.
import http from 'node:http';
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { getResponse } from 'msw';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Compiles demo/backend (TypeScript) for Node; msw stays an import so both sides share its classes. */
async function loadHandlersModule() {
  const outdir = `${root}node_modules/.cache/citizen-portal`;
  mkdirSync(outdir, { recursive: true });
  const outfile = `${outdir}/open311-handlers.mjs`;
  await build({
    entryPoints: [`${root}demo/backend/index.ts`],
    bundle: true,
    format: 'esm',
    platform: 'node',
    external: ['msw'],
    outfile,
    logLevel: 'silent',
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

const cors = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Accept, Accept-Language, Content-Type',
  'Access-Control-Max-Age': '600',
};

/**
 * @param {{ port?: number, host?: string, onRequest?: (r: { method: string, url: string, body: string }) => void }} options
 * @returns {Promise<{ origin: string, base: string, store: unknown, close: () => void }>}
 */
export async function startOpen311Server({ port = 0, host = '127.0.0.1', onRequest } = {}) {
  const backend = await loadHandlersModule();
  const store = backend.createMemoryStore();
  let handlers = [];
  const server = http.createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', origin);
    onRequest?.({ method: req.method ?? 'GET', url: url.href, body: body.toString('utf8') });
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    const request = new Request(url, {
      method: req.method,
      headers: Object.entries(req.headers).flatMap(([k, v]) =>
        Array.isArray(v) ? v.map((x) => [k, x]) : v ? [[k, v]] : [],
      ),
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
    });
    const response = await getResponse(handlers, request);
    if (!response) {
      res.writeHead(404, { ...cors, 'Content-Type': 'application/json' });
      res.end(JSON.stringify([{ code: 404, description: 'Not found' }]));
      return;
    }
    res.writeHead(response.status, { ...Object.fromEntries(response.headers), ...cors });
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const origin = `http://${host}:${server.address().port}`;
  const base = `${origin}/open311/v2`;
  handlers = backend.createOpen311Handlers({ base, store });
  return { origin, base, store, close: () => server.close() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startOpen311Server({ port: Number(process.env.PORT || 5180) });
  console.log(`Open311 GeoReport v2 demo server: ${server.base}  (Ctrl+C to stop)`);
}
