// Dependency-free static server for the demo city site (`npm start`, `node scripts/dev/serve.mjs`).
// Serves the page with the strict CSP a careful city would use, so the demo proves the widget works under it.
import http from 'node:http';
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentTypes, safeJoin } from './cdn-server.mjs';

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

function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed');
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
  res.writeHead(200, {
    'Content-Type': type,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...(type.startsWith('text/html') ? { 'Content-Security-Policy': csp, 'Referrer-Policy': 'no-referrer' } : {}),
    ...target.headers,
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(target.file).pipe(res);
}

/** Starts the demo server; `port: 0` picks a free port. Resolves to `{ origin, close }`. */
export function startDemoServer({ port = 5173, host = '127.0.0.1' } = {}) {
  const server = http.createServer(handle);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({
        origin: `http://${host}:${actual}`,
        // Browsers keep connections alive; drop them so close() actually finishes.
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
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
    ({ origin }) => console.log(`Citizen portal demo: ${origin}/  (Ctrl+C to stop)`),
    (error) => {
      const why = error.code === 'EADDRINUSE' ? `port ${port} is in use (set PORT to another one)` : error.message;
      console.error(`Could not start the demo server: ${why}`);
      process.exit(1);
    },
  );
}
