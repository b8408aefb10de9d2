// A 12-megapixel photo through the photo pipeline (src/photo: preparePhoto — type sniff, EXIF GPS read, decode,
// scale to <= 2048 px, re-encode as JPEG without metadata, within a 400 KB budget) in Chromium. The photo is made in the page: a
// 4000×3000 canvas of gradients, shapes and per-pixel sensor-like noise (so that it does not compress to nothing),
// encoded as a JPEG of a phone camera's size. Nothing comes from the network but the code.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { benchCacheDir } from './servers.mjs';
import { kb, spread, table } from './stats.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const PHOTO_GOALS = { ms: 600, bytes: 400 * 1024 };

/** src/photo as one minified ES module, served by the bench's CDN at /bench/photo.mjs. */
export async function buildPhotoModule() {
  mkdirSync(benchCacheDir, { recursive: true });
  await build({
    entryPoints: [`${root}src/photo/index.ts`],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: `${benchCacheDir}photo.mjs`,
    logLevel: 'silent',
  });
}

/** In the page: a noisy 12 MP JPEG (a File, as the file picker gives it). */
async function makePhoto(width, height, seed) {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const sky = ctx.createLinearGradient(0, 0, 0, height);
  sky.addColorStop(0, '#6d9fd6');
  sky.addColorStop(0.45, '#dfe8ef');
  sky.addColorStop(0.5, '#7b7d72');
  sky.addColorStop(1, '#3b3a35');
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, width, height);
  // A street of things: blobs, slabs and lines in many colours and sizes.
  for (let i = 0; i < 2500; i++) {
    const x = rand() * width;
    const y = rand() * height;
    const r = 8 + rand() ** 3 * 400;
    ctx.fillStyle = `hsla(${rand() * 360}, ${20 + rand() * 60}%, ${15 + rand() * 70}%, ${0.3 + rand() * 0.7})`;
    if (i % 3 === 0) ctx.fillRect(x, y, r * (0.5 + rand() * 2), r * (0.5 + rand()));
    else if (i % 3 === 1) {
      ctx.beginPath();
      ctx.ellipse(x, y, r, r * (0.3 + rand()), rand() * Math.PI, 0, 2 * Math.PI);
      ctx.fill();
    } else {
      ctx.strokeStyle = ctx.fillStyle;
      ctx.lineWidth = 1 + rand() * 12;
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.lineTo(x + (rand() - 0.5) * 1500, y + (rand() - 0.5) * 1500);
      ctx.stroke();
    }
  }
  // Sensor noise, ±10 per channel, as a phone's small sensor leaves it.
  const image = ctx.getImageData(0, 0, width, height);
  const px = image.data;
  for (let i = 0; i < px.length; i += 4) {
    const n = ((rand() * 21) | 0) - 10;
    px[i] += n;
    px[i + 1] += n + (((rand() * 7) | 0) - 3);
    px[i + 2] += n;
  }
  ctx.putImageData(image, 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
  return new File([blob], 'IMG_0001.JPG', { type: 'image/jpeg', lastModified: Date.now() });
}

/** @returns {Promise<string>} markdown */
export async function benchPhoto(browser, srv, { cpus = [1, 4], runs = 5, log = () => {} } = {}) {
  await buildPhotoModule();
  const rows = [];
  const context = await browser.createBrowserContext();
  let input;
  try {
    const page = await context.newPage();
    await page.goto(srv.pageUrl('empty'));
    input = await page.evaluate(
      async (module, make) => {
        window.__photo = await import(module);
        // eslint-disable-next-line no-new-func -- the generator's source, sent from Node
        window.__file = await new Function(`return (${make})`)()(4000, 3000, 12);
        return { bytes: window.__file.size };
      },
      `${srv.cdn}/bench/photo.mjs`,
      makePhoto.toString(),
    );
    for (const cpu of cpus) {
      await page.emulateCPUThrottling(cpu > 1 ? cpu : null);
      const out = await page.evaluate(async (runs) => {
        await window.__photo.preparePhoto(window.__file); // warm-up: the code's first run
        const times = [];
        let last;
        for (let i = 0; i < runs; i++) {
          const t = performance.now();
          last = await window.__photo.preparePhoto(window.__file);
          times.push(performance.now() - t);
        }
        return { times, bytes: last.blob.size, width: last.width, height: last.height };
      }, runs);
      log(`photo at ${cpu}× CPU done`);
      const ok = (x, goal) => (cpu === 1 ? (x <= goal ? ' ✓' : ' ✗') : '');
      rows.push([
        `${cpu}×`,
        `${spread(out.times)}${ok(out.times.sort((a, b) => a - b)[runs >> 1], PHOTO_GOALS.ms)}`,
        `${kb(out.bytes)}${ok(out.bytes, PHOTO_GOALS.bytes)}`,
        `${out.width}×${out.height}`,
      ]);
    }
    await page.emulateCPUThrottling(null);
  } finally {
    await context.close();
  }
  return [
    table(['CPU', `preparePhoto, median of ${runs} (min–max)`, 'output', 'output size'], rows),
    '',
    `Input: a 4000×3000 JPEG made in the page (gradients, 2,500 shapes, ±10 noise per pixel; ${kb(input.bytes)}, ` +
      `as a phone camera's). Goals at 1×: ≤ ${PHOTO_GOALS.ms} ms, ≤ ${PHOTO_GOALS.bytes / 1024} KB (the pipeline's ` +
      `default budget: over it, a second encode at a lower quality, not below 0.7, or a shorter side, not below ` +
      `1600 px). The pipeline is src/photo bundled by esbuild. CPU throttling slows the page's main thread only (image decoding may run ` +
      `on other threads).`,
  ].join('\n');
}
