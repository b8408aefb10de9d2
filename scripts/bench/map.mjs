// From the location step to a drawn map: a cold page with <citizen-portal map-style=…> (the demo's offline basemap,
// demo/map/style.json, from the host page's origin), a category chosen, then Continue pressed (in the page, the
// time taken there): when the step's heading shows, and when the map has drawn (maplibre's first 'load': the step
// shows its crosshair and "Set location here"), each right after the frame that painted it.
import { MAP_OPTIONS, usablePage } from './memory.mjs';
import { kb, spread, table } from './stats.mjs';

async function once(browser, srv, cpu) {
  const { page, close } = await usablePage(browser, srv.pageUrl('product', MAP_OPTIONS), { cacheOff: true });
  try {
    await page.evaluate(() => window.__drive.pick('graffiti on public', 'Graffiti on Public Property'));
    if (cpu > 1) await page.emulateCPUThrottling(cpu);
    return await page.evaluate(async () => {
      const d = window.__drive;
      const since = performance.getEntriesByType('resource').length;
      const start = performance.now();
      d.button('Continue').click();
      let step;
      for (;;) {
        const at = await d.painted();
        if (step === undefined && d.heading().includes('Location')) step = at - start;
        if (d.mapDrawn()) {
          const loaded = performance.getEntriesByType('resource').slice(since);
          return {
            step,
            map: at - start,
            bytes: loaded.reduce((s, r) => s + r.transferSize, 0),
            files: loaded.length,
          };
        }
        if (at - start > 30_000) throw new Error('no map after 30 s');
      }
    });
  } finally {
    await close();
  }
}

/** @returns {Promise<string>} markdown */
export async function benchMap(
  browser,
  srv,
  {
    profiles = [
      { cpu: 1, runs: 5 },
      { cpu: 4, runs: 3 },
    ],
    log,
  } = {},
) {
  const rows = [];
  let first;
  for (const { cpu, runs } of profiles) {
    const out = [];
    for (let i = 0; i < runs; i++) out.push(await once(browser, srv, cpu));
    log?.(`map at ${cpu}× CPU done`);
    first ??= out[0];
    rows.push([`${cpu}×`, spread(out.map((o) => o.step)), spread(out.map((o) => o.map)), runs]);
  }
  return [
    table(['CPU', 'Continue → step 2 shown, median (min–max)', 'Continue → map drawn, median (min–max)', 'runs'], rows),
    '',
    `Cold: a new incognito context, cache off. Continue loads the later steps and maplibre, the map's worker, ` +
      `style and basemap (${first.files} files, ${kb(first.bytes)} on the wire, gzip). WebGL is SwiftShader ` +
      `(software) here, outside the throttled main thread.`,
  ].join('\n');
}
