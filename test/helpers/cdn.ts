/**
 * The built bundle as a city loads it: dist/ from another origin (a second local server standing in for a CDN,
 * served by a plugin in web-test-runner.config.mjs), by a <script type="module"> tag.
 */
// A non-literal specifier keeps tsc and esbuild off it.
const cdnModule = '/__cdn-origin.js';
export const { CDN_ORIGIN } = (await import(cdnModule)) as { CDN_ORIGIN: string };

/**
 * Adds a module script for `path` (under the CDN origin) to `parent`, with `data` as its data- attributes, and
 * resolves once it has run; rejects when it cannot be loaded.
 */
export function loadFromCdn(
  path: string,
  { data = {}, parent = document.head }: { data?: Record<string, string>; parent?: Element } = {},
): Promise<HTMLScriptElement> {
  const script = Object.assign(document.createElement('script'), { type: 'module', src: `${CDN_ORIGIN}${path}` });
  Object.assign(script.dataset, data);
  const loaded = new Promise<HTMLScriptElement>((resolve, reject) => {
    script.onload = () => resolve(script);
    script.onerror = () => reject(new Error(`could not load ${script.src}`));
  });
  parent.append(script);
  return loaded;
}
