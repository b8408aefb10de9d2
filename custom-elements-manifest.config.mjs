// custom-elements.json (dist/), so editors and frameworks autocomplete <citizen-portal>'s attributes, events,
// parts and custom properties. Generated from the JSDoc on the CitizenPortal class by `npm run build`.
export default {
  globs: ['src/elements/citizen-portal.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [
    {
      // lit's internal state (`static properties = { tab: { state: true } }`) is not an attribute or an API.
      name: 'drop-lit-state',
      packageLinkPhase({ customElementsManifest }) {
        const internal = new Set(['tab']);
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
