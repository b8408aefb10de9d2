// The demo city site's server (`npm start`, `node scripts/dev/serve.mjs`). Serves the page with the strict CSP a
// careful city would use, so the demo proves the widget works under it. It also stands in for what a webmaster
// trying the configurator's snippet on another site needs (issue #13): dist/ and the map files with CORS, as a
// CDN serves them, and the demo's Open311 server, photo store and geocoder answered by Node at the same paths as
// the in-browser mock (/open311/v2, /media-upload, /geocoder), with CORS. On the demo's own pages the mock (a
// service worker) answers those paths first; from any other origin, Node does.
import http from 'node:http';
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentTypes, safeJoin } from './cdn-server.mjs';
import { createDemoApi } from './open311-server.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const widgetBundle = `${repo}dist/citizen-portal.js`;
const BUILD_HINT = 'run npm run build first';

export const csp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: https:",
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** URL prefix → directory it maps to. Build outputs are listed so a missing one can say how to make it. */
const mounts = [
  { prefix: '/demo/', dir: `${repo}demo` },
  { prefix: '/dist/', dir: `${repo}dist`, built: true },
  { prefix: '/dist-demo/', dir: `${repo}dist-demo`, built: true },
];

/** Maps a request path to a file (or undefined), plus whether a missing file means "not built yet". */
function resolveFile(pathname) {
  if (pathname === '/') return { file: `${repo}demo/index.html` };
  if (pathname === '/mockServiceWorker.js') {
    return { file: `${repo}node_modules/msw/lib/mockServiceWorker.js`, headers: { 'Service-Worker-Allowed': '/' } };
  }
  const mount = mounts.find((m) => pathname.startsWith(m.prefix));
  if (!mount) return {};
  return { file: safeJoin(mount.dir, pathname.slice(mount.prefix.length - 1)), built: mount.built };
}

function isFile(path) {
  try {
    return Boolean(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}

function serveFile(req, res) {
  if (req.method === 'OPTIONS') {
    // A preflight, which Chrome sends before a public site reads from this machine (Private Network Access).
    res.writeHead(204, {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Private-Network': 'true',
      'Access-Control-Max-Age': '600',
    });
    res.end();
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res
      .writeHead(405, { Allow: 'GET, HEAD, OPTIONS', 'Content-Type': 'text/plain; charset=utf-8' })
      .end('Method not allowed');
    return;
  }
  let target;
  try {
    target = resolveFile(new URL(req.url || '/', 'http://localhost').pathname);
  } catch {
    target = {}; // malformed %-escapes and the like
  }
  if (!isFile(target.file)) {
    const body = target.built ? `Not found: ${req.url} (${BUILD_HINT})` : `Not found: ${req.url}`;
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(body);
    return;
  }
  const type = contentTypes[extname(target.file)] || 'application/octet-stream';
  const page = type.startsWith('text/html');
  res.writeHead(200, {
    'Content-Type': type,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    // Pages get the strict CSP; everything else (the bundle, its chunks, the map style and boundary) may be read
    // from any origin, as from a CDN: a snippet pasted into another site loads them from here.
    ...(page
      ? { 'Content-Security-Policy': csp, 'Referrer-Policy': 'no-referrer' }
      : { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' }),
    ...target.headers,
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(target.file).pipe(res);
}

/**
 * Starts the demo server; `port: 0` picks a free port. Resolves to `{ origin, close }`; `onApiRequest` hears every
 * request to the Node-side Open311 server, photo store and geocoder.
 */
export async function startDemoServer({ port = 5173, host = '127.0.0.1', onApiRequest } = {}) {
  let apiReady;
  const server = http.createServer((req, res) => {
    // The API needs the origin, known once listening: a request in that instant waits for it.
    apiReady
      .then((api) => api.handle(req, res))
      .then(
        (done) => done || serveFile(req, res),
        (error) => {
          console.error('demo server:', error);
          if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
          res.end('Internal error');
        },
      );
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const origin = `http://${host}:${server.address().port}`;
  apiReady = createDemoApi({ origin, extras: true, onRequest: onApiRequest });
  await apiReady.catch((error) => {
    server.close();
    throw error;
  });
  return {
    origin,
    // Browsers keep connections alive; drop them so close() actually finishes.
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

function runDirectly() {
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false; // no argv[1] (e.g. a REPL), or an extensionless path
  }
}

if (runDirectly()) {
  if (!existsSync(widgetBundle)) {
    console.error(`dist/citizen-portal.js is missing: ${BUILD_HINT}.`);
    process.exit(1);
  }
  const port = Number(process.env.PORT || 5173);
  startDemoServer({ port }).then(
    ({ origin }) =>
      console.log(
        `Citizen portal demo: ${origin}/  (Ctrl+C to stop)\n` +
          `  configurator: ${origin}/demo/configure.html\n` +
          `  for other sites (CORS): the bundle ${origin}/dist/citizen-portal.js, ` +
          `the demo's Open311 server ${origin}/open311/v2`,
      ),
    (error) => {
      const why = error.code === 'EADDRINUSE' ? `port ${port} is in use (set PORT to another one)` : error.message;
      console.error(`Could not start the demo server: ${why}`);
      process.exit(1);
    },
  );
}
