// A tiny static server standing in for a CDN: serves the repository's dist/ (and nothing else) on its own
// origin, with CORS headers, the way jsDelivr or unpkg would. Used by the cross-origin tests and `npm start`.
import http from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../dist/', import.meta.url));
export const contentTypes = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.geojson': 'application/geo+json',
  '.ts': 'text/plain; charset=utf-8',
};

/** Resolves a URL path inside `base`, refusing anything that climbs out. */
export function safeJoin(base, urlPath) {
  const decoded = decodeURIComponent(urlPath.split('?')[0]);
  const full = normalize(join(base, decoded));
  return full.startsWith(base.endsWith(sep) ? base : base + sep) || full === base ? full : undefined;
}

export function startCdnServer({ port = 0, host = '127.0.0.1' } = {}) {
  const server = http.createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    const path = safeJoin(root, (req.url || '/').replace(/^\/dist\//, '/'));
    let stat;
    try {
      stat = path && statSync(path);
    } catch {
      stat = undefined;
    }
    if (!stat || !stat.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': contentTypes[extname(path)] || 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    createReadStream(path).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({ origin: `http://${host}:${actual}`, close: () => server.close() });
    });
  });
}
