// web-test-runner plugin: vite's `import css from 'x.css?inline'` (a module whose default export is the CSS
// text), so modules that adopt CSS into a shadow root (src/map/css.ts) run unbundled in the browser tests too.
//
//   import { cssInline } from './scripts/check/wtr-css-inline.mjs';
//   plugins: [cssInline(), …]
export function cssInline() {
  return {
    name: 'css-inline',
    // The file server has read the .css; hand it over as JavaScript instead.
    transform(context) {
      if (!context.path.endsWith('.css') || !context.URL.searchParams.has('inline')) return undefined;
      return {
        body: `export default ${JSON.stringify(String(context.body))};`,
        headers: { 'content-type': 'text/javascript; charset=utf-8' },
      };
    },
  };
}
