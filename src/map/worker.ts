/**
 * maplibre's worker, loaded so that a city's CSP needs only `worker-src blob:` (issue #5).
 *
 * maplibre 6 starts its workers from maplibre-gl-worker.mjs, next to its own module. When that module sits on a
 * CDN, maplibre wraps the worker in a blob: module that *imports* the CDN file, which `worker-src blob:` alone
 * blocks (and only the browser log says so). Instead we fetch the worker's code (a plain fetch, allowed by
 * `connect-src <cdn>`), wrap the whole code in a Blob and hand its URL to maplibre before the first map.
 * The worker file has no imports of its own, so nothing inside the blob reaches back to the CDN.
 *
 * scripts/build/vite-maplibre-worker.mjs emits the file next to the chunk this module is built into.
 */
import { getVersion, getWorkerUrl, setWorkerUrl } from 'maplibre-gl';
import { trustedScriptUrl } from '../trusted-types';

/** The file name the build emits next to the map chunk (and the name maplibre itself looks for). */
export const WORKER_FILE = 'maplibre-gl-worker.mjs';

let installed: Promise<string> | undefined;

/** Where the worker file is by default: next to this module once built, versioned against stale caches. */
export function defaultWorkerUrl(): string {
  // A non-literal first argument keeps vite's new URL(…, import.meta.url) asset handling off it: the file is
  // emitted by our plugin, not by vite.
  const url = new URL(WORKER_FILE, import.meta.url);
  url.searchParams.set('v', getVersion());
  return url.href;
}

/**
 * Fetches the worker code once per page and points maplibre at a blob: copy of it. Resolves to the URL the code
 * came from. A page that configured maplibre's worker itself (setWorkerUrl) is left alone. On failure, the next
 * call tries again.
 */
export function installBlobWorker(url?: string): Promise<string> {
  const existing = getWorkerUrl();
  if (!installed && existing) return Promise.resolve(existing);
  installed ??= (async () => {
    const href = url ? new URL(url, document.baseURI).href : defaultWorkerUrl();
    const response = await fetch(href, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`maplibre worker: HTTP ${response.status} for ${href}`);
    const code = await response.text();
    // sourceURL names the blob after its origin in the developer tools and in error stacks.
    const blob = new Blob([code, `\n//# sourceURL=${href}\n`], { type: 'text/javascript' });
    // Never revoked: maplibre starts workers again later (after a WebGL context loss, for a new pool).
    const blobUrl = URL.createObjectURL(blob);
    trustWorker(blobUrl);
    setWorkerUrl(blobUrl);
    return href;
  })();
  installed.catch(() => {
    installed = undefined;
  });
  return installed;
}

/**
 * Under Trusted Types (issue #15): maplibre starts its workers with `new Worker(url)` from the string we gave
 * setWorkerUrl, which a page requiring them refuses. `Worker` is wrapped so that this one URL (and no other)
 * becomes the TrustedScriptURL of our policy; every other worker on the page is made exactly as before. (No test
 * of whether the page requires them: a probe would itself be reported as a violation.)
 */
function trustWorker(blobUrl: string): void {
  const trusted = trustedScriptUrl(blobUrl);
  // No Trusted Types here, or the page does not allow our policy (then the map says it is unavailable).
  if (trusted === blobUrl) return;
  const Native = globalThis.Worker;
  globalThis.Worker = class extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(String(url) === blobUrl ? trusted : url, options);
    }
  };
}
