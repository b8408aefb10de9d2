// custom-elements.json (dist/), so editors and frameworks autocomplete <citizen-portal>'s attributes, events,
// parts and custom properties. Generated from the JSDoc on the CitizenPortal class by `npm run build`.
import { readFileSync } from 'node:fs';

// Every `name: { state: true }` in the element's static properties.
const source = readFileSync(new URL('./src/elements/citizen-portal.ts', import.meta.url), 'utf8');
const internal = new Set([...source.matchAll(/(\w+): \{ state: true \}/g)].map((m) => m[1]));

export default {
  globs: ['src/elements/citizen-portal.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [
    {
      // lit's internal state (`static properties = { tab: { state: true } }`) is not an attribute or an API.
      name: 'drop-lit-state',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const d of mod.declarations ?? []) {
            d.attributes = d.attributes?.filter((a) => !internal.has(a.name));
            d.members = d.members?.filter((m) => !internal.has(m.name));
          }
        }
      },
    },
  ],
};
