// The demo's Open311 GeoReport v2 backend (demo/backend, the same msw handlers the demo runs in the browser),
// served by Node with CORS, as a city's server would be. The end-to-end tests use it on its own origin to put the
// host page, the CDN and the backend on three different origins; `npm start`'s server (serve.mjs) mounts it too,
// with the demo's photo store and geocoder, so the configurator's snippet works when pasted into another site.
// `node scripts/dev/open311-server.mjs` runs it alone.
import http from 'node:http';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { getResponse } from 'msw';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Compiles demo/backend (TypeScript) for Node; msw stays an import so both sides share its classes. */
async function loadHandlersModule() {
  const outdir = `${root}node_modules/.cache/citizen-portal`;
  mkdirSync(outdir, { recursive: true });
  // One file per process: test files run in parallel, and one must not import another's half-written file.
  const outfile = `${outdir}/open311-handlers-${process.pid}-${Date.now()}.mjs`;
  await build({
    entryPoints: [`${root}demo/backend/index.ts`],
    bundle: true,
    format: 'esm',
    platform: 'node',
    external: ['msw'],
    outfile,
    logLevel: 'silent',
  });
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(outfile, { force: true });
  }
}

export const cors = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Accept, Accept-Language, Content-Type',
  'Access-Control-Max-Age': '600',
  // Chrome asks before a public site reads from this machine (Private Network Access): the demo says yes.
  'Access-Control-Allow-Private-Network': 'true',
};

/** The paths the demo's servers answer on an origin: the same as the in-browser mock's. */
export const API_PATHS = { open311: '/open311/v2', media: '/media-upload', geocoder: '/geocoder' };

/**
 * The demo's backends as a Node request handler for `origin`: Open311 at /open311/v2, and with `extras` the photo
 * store at /media-upload and the geocoder at /geocoder. `handle` answers (and resolves true) only requests under
 * those paths, so a server can serve other things beside it.
 *
 * @param {{ origin: string, extras?: boolean, onRequest?: (r: { method: string, url: string, body: string }) => void }} options
 */
export async function createDemoApi({ origin, extras = false, onRequest }) {
  const backend = await loadHandlersModule();
  const store = backend.createMemoryStore();
  const base = `${origin}${API_PATHS.open311}`;
  const handlers = [
    ...backend.createOpen311Handlers({ base, store }),
    ...(extras
      ? [
          ...backend.createMediaHandlers({ path: `${origin}${API_PATHS.media}` }),
          ...backend.createGeocoderHandlers({ base: `${origin}${API_PATHS.geocoder}` }),
        ]
      : []),
  ];
  const prefixes = extras ? Object.values(API_PATHS) : [API_PATHS.open311];

  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
  async function handle(req, res) {
    const path = (req.url ?? '/').split('?')[0];
    if (!prefixes.some((p) => path === p || path.startsWith(`${p}/`))) return false;
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    // Always this origin, whatever Host the browser used (localhost or 127.0.0.1): the handlers match on it.
    const url = new URL(req.url ?? '/', origin);
    onRequest?.({ method: req.method ?? 'GET', url: url.href, body: body.toString('utf8') });
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return true;
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
      return true;
    }
    // Lower-case keys, as Headers gives them: the geocoder sets its own CORS header, and two would be invalid.
    const headers = Object.fromEntries(response.headers);
    for (const [k, v] of Object.entries(cors)) headers[k.toLowerCase()] = v;
    res.writeHead(response.status, headers);
    res.end(Buffer.from(await response.arrayBuffer()));
    return true;
  }
  return { base, store, handle };
}

/**
 * @param {{ port?: number, host?: string, onRequest?: (r: { method: string, url: string, body: string }) => void }} options
 * @returns {Promise<{ origin: string, base: string, store: unknown, close: () => void }>}
 */
export async function startOpen311Server({ port = 0, host = '127.0.0.1', onRequest } = {}) {
  let api;
  const server = http.createServer(async (req, res) => {
    if (api && (await api.handle(req, res))) return;
    res.writeHead(404, { ...cors, 'Content-Type': 'application/json' });
    res.end(JSON.stringify([{ code: 404, description: 'Not found' }]));
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const origin = `http://${host}:${server.address().port}`;
  api = await createDemoApi({ origin, onRequest });
  return { origin, base: api.base, store: api.store, close: () => server.close() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startOpen311Server({ port: Number(process.env.PORT || 5180) });
  console.log(`Open311 GeoReport v2 demo server: ${server.base}  (Ctrl+C to stop)`);
}
