// The three origins of a city page, as the benchmark loads it (all on 127.0.0.1, each its own port):
//   host     the city's page: /product (the widget), /floor (the floor element), /empty (neither; the other
//            benches put what they need on it), and the demo's offline map under /demo/map/
//   cdn      dist/ at /dist/, the floor element at /floor/, bench-only modules at /bench/; CORS and
//            Timing-Allow-Origin on, gzip when the browser asks for it (as jsDelivr or unpkg would serve it)
//   open311  the demo's Open311 server (scripts/dev/open311-server.mjs: the demo's ~25 services)
// Every host page starts with the probe (probe.js, inlined), which records when the page became usable.
import http from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { contentTypes, safeJoin } from '../dev/cdn-server.mjs';
import { startOpen311Server } from '../dev/open311-server.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
export const benchCacheDir = `${repo}node_modules/.cache/citizen-portal/bench/`;
const probe = readFileSync(new URL('./probe.js', import.meta.url), 'utf8');

function listen(server) {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)),
  );
}

/** Serves files from `mounts` ({ prefix: dir }), gzipped when asked (kept in memory by path and mtime). */
function fileServer(mounts, headers = {}) {
  const gzipped = new Map();
  return http.createServer((req, res) => {
    const pathname = new URL(req.url || '/', 'http://x').pathname;
    const prefix = Object.keys(mounts).find((p) => pathname.startsWith(p));
    const path = prefix && safeJoin(mounts[prefix], pathname.slice(prefix.length - 1));
    let stat;
    try {
      stat = path && statSync(path);
    } catch {
      stat = undefined;
    }
    if (!stat?.isFile()) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    const head = {
      ...headers,
      'Content-Type': contentTypes[extname(path)] || 'application/octet-stream',
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
    };
    if (/\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      const key = `${path}:${stat.mtimeMs}`;
      let body = gzipped.get(key);
      if (!body) gzipped.set(key, (body = gzipSync(readFileSync(path), { level: 9 })));
      res.writeHead(200, { ...head, 'Content-Encoding': 'gzip', 'Content-Length': body.length }).end(body);
    } else res.writeHead(200, { ...head, 'Content-Length': stat.size }).end(readFileSync(path));
  });
}

const escapeAttr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The README's reservation of the widget's first screen (keep the two the same). */
export const RESERVE = 'citizen-portal { display: block; min-height: 22rem }';

/**
 * A city's page: a header, then the embed (script tag and element, as the README shows it), then content that
 * moves if the embed grows while it loads (so the layout-shift observer sees it).
 */
function hostPage({ variant, embed }) {
  return `<!doctype html>
<html lang="en" data-variant="${variant}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>City of Benchville</title>
<style>body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 0 auto; padding: 1rem; }</style>
<script>${probe}</script>
</head>
<body>
<header><h1>City of Benchville</h1><p>Report a problem to city hall, or check a request you made.</p></header>
<main>
${embed}
<p id="after-widget">Content after the widget: opening hours, news, how to reach us. If the widget grows while it
loads, this paragraph moves, and the page records a layout shift.</p>
</main>
<footer><p>City of Benchville, 1 Main Street.</p></footer>
</body>
</html>`;
}

/**
 * @returns {Promise<{ host: string, cdn: string, open311: { origin: string, base: string }, pageUrl: (name: string,
 *   options?: Record<string, string>) => string, close: () => void }>}
 */
export async function startBenchServers() {
  const cdnServer = fileServer(
    { '/dist/': `${repo}dist`, '/floor/': `${repo}scripts/bench/floor`, '/bench/': benchCacheDir },
    { 'Access-Control-Allow-Origin': '*', 'Timing-Allow-Origin': '*' },
  );
  const cdn = await listen(cdnServer);
  const open311 = await startOpen311Server();
  const files = fileServer({ '/demo/map/': `${repo}demo/map` });
  const hostServer = http.createServer((req, res) => {
    const url = new URL(req.url || '/', 'http://x');
    const attrs = Object.entries({ endpoint: open311.base, ...Object.fromEntries(url.searchParams) })
      .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
      .join('');
    const pages = {
      // As the README shows it: the script, the element, and the box reserved for the first screen (README, "Embed
      // it"), so the page does not move when the script arrives after the page's first paint.
      '/product': () =>
        hostPage({
          variant: 'product',
          embed: `<style>${RESERVE}</style>\n<script type="module" src="${cdn}/dist/citizen-portal.js"></script>\n<citizen-portal${attrs}></citizen-portal>`,
        }),
      // The same without the reserved box: what the page's first paint before the script costs.
      '/product-bare': () =>
        hostPage({
          variant: 'product',
          embed: `<script type="module" src="${cdn}/dist/citizen-portal.js"></script>\n<citizen-portal${attrs}></citizen-portal>`,
        }),
      '/floor': () =>
        hostPage({
          variant: 'floor',
          embed: `<script type="module" src="${cdn}/floor/floor-services.js"></script>\n<floor-services${attrs}></floor-services>`,
        }),
      '/empty': () => hostPage({ variant: 'empty', embed: '' }),
    };
    const page = pages[url.pathname];
    if (page)
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(page());
    else files.emit('request', req, res);
  });
  const host = await listen(hostServer);
  return {
    host,
    cdn,
    open311: { origin: open311.origin, base: open311.base },
    /** `/product?map-style=…` puts that attribute on the element. */
    pageUrl: (name, options = {}) =>
      `${host}/${name}${Object.keys(options).length ? `?${new URLSearchParams(options)}` : ''}`,
    close: () => {
      cdnServer.close();
      hostServer.close();
      open311.close();
    },
  };
}
