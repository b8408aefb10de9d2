/**
 * Photos: EXIF GPS is read from real-shaped EXIF (both byte orders, all hemispheres), the EXIF reader survives
 * truncated, random and hostile bytes, and preparePhoto/thumbnail produce EXIF-free JPEGs of the right size from
 * photos made in the test (canvas → JPEG/PNG, EXIF spliced in by test/helpers/exif-writer.ts).
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  DEFAULT_QUALITY,
  DEFAULT_TARGET_BYTES,
  hasExif,
  MIN_QUALITY,
  MIN_SIDE,
  PhotoError,
  preparePhoto,
  readExifGps,
  thumbnail,
  type PhotoProblem,
} from '../../src/photo/index';
import { exifSegment, spliceSegments, withExif, xmpSegment, type ByteOrder } from '../helpers/exif-writer';

const OSLO = { lat: 59.9133301, long: 10.7389701 }; // N, E
const BUENOS_AIRES = { lat: -34.6036844, long: -58.3815591 }; // S, W
const HONOLULU = { lat: 21.3069444, long: -157.8583333 }; // N, W
const SYDNEY = { lat: -33.8688197, long: 151.2092955 }; // S, E

/** A photo-like picture: gradients and shapes, so the JPEG has real content to compress. */
async function makeImage(
  width: number,
  height: number,
  type = 'image/jpeg',
  transparent = false,
  noisy = false,
): Promise<Uint8Array<ArrayBuffer>> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  if (!transparent) {
    const sky = ctx.createLinearGradient(0, 0, width, height);
    sky.addColorStop(0, '#4a90d9');
    sky.addColorStop(1, '#f5d76e');
    ctx.fillStyle = sky;
    ctx.fillRect(0, 0, width, height);
  }
  ctx.fillStyle = '#333';
  ctx.fillRect(width * 0.1, height * 0.6, width * 0.8, height * 0.3); // the road
  ctx.fillStyle = '#111';
  ctx.beginPath();
  ctx.ellipse(width * 0.5, height * 0.75, width * 0.12, height * 0.06, 0, 0, Math.PI * 2); // the pothole
  ctx.fill();
  for (let i = 0; i < 40; i++) {
    ctx.fillStyle = `hsl(${i * 37} 70% 50%)`;
    ctx.fillRect(((i * 97) % 100) * width * 0.01, ((i * 53) % 50) * height * 0.01, width * 0.03, height * 0.03);
  }
  if (noisy) {
    // Sensor-like grain, so the JPEG is as big (and as slow to decode) as a real phone photo.
    const tile = new ImageData(256, 256);
    for (let i = 0; i < tile.data.length; i++) tile.data[i] = i % 4 === 3 ? 60 : Math.floor(Math.random() * 256);
    const tileCanvas = new OffscreenCanvas(256, 256);
    tileCanvas.getContext('2d')!.putImageData(tile, 0, 0);
    ctx.fillStyle = ctx.createPattern(tileCanvas, 'repeat')!;
    ctx.fillRect(0, 0, width, height);
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, 0.92));
  canvas.width = canvas.height = 0;
  if (!blob) throw new Error(`canvas could not encode ${type}`);
  return new Uint8Array(await blob.arrayBuffer());
}

const fileOf = (bytes: Uint8Array<ArrayBuffer>, name: string, type: string) => new File([bytes], name, { type });

const isJpeg = (bytes: Uint8Array) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;

async function bytesOf(blob: Blob): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await blob.arrayBuffer());
}

async function sizeOf(blob: Blob): Promise<{ width: number; height: number }> {
  const bitmap = await createImageBitmap(blob);
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return size;
}

interface Encode {
  longSide: number;
  quality: number;
  bytes: number;
}

/** Records every OffscreenCanvas JPEG encode while `run` runs (the photo pipeline's encodes, in order). */
async function encodesOf<T>(run: () => Promise<T>): Promise<{ result: T; encodes: Encode[] }> {
  const encodes: Encode[] = [];
  const original = Object.getOwnPropertyDescriptor(OffscreenCanvas.prototype, 'convertToBlob')!;
  const convert = original.value as OffscreenCanvas['convertToBlob'];
  OffscreenCanvas.prototype.convertToBlob = async function (this: OffscreenCanvas, options?: ImageEncodeOptions) {
    const blob = await convert.call(this, options);
    encodes.push({ longSide: Math.max(this.width, this.height), quality: options?.quality ?? NaN, bytes: blob.size });
    return blob;
  };
  try {
    return { result: await run(), encodes };
  } finally {
    Object.defineProperty(OffscreenCanvas.prototype, 'convertToBlob', original);
  }
}

/** The PhotoError problem a promise rejects with, or a description of what it did instead. */
async function problemOf(promise: Promise<unknown>): Promise<PhotoProblem | string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (error instanceof PhotoError) {
      expect(error.name).to.equal('PhotoError');
      expect(error.message).to.be.a('string').and.not.empty;
      return error.problem;
    }
    return `other error: ${String(error)}`;
  }
}

const expectNear = (actual: { lat: number; long: number } | undefined, expected: { lat: number; long: number }) => {
  expect(actual, 'a GPS position').to.not.equal(undefined);
  expect(actual!.lat).to.be.closeTo(expected.lat, 1e-6);
  expect(actual!.long).to.be.closeTo(expected.long, 1e-6);
};

describe('photo', function () {
  this.timeout(60000);

  let big: Uint8Array<ArrayBuffer>; // 4000×3000 JPEG, no EXIF
  let small: Uint8Array<ArrayBuffer>; // 640×480 JPEG, no EXIF

  before(async () => {
    big = await makeImage(4000, 3000, 'image/jpeg', false, true);
    small = await makeImage(640, 480);
  });

  describe('readExifGps / hasExif', () => {
    for (const order of ['II', 'MM'] as ByteOrder[]) {
      it(`reads N/E, S/W, N/W and S/E positions in ${order} byte order`, () => {
        for (const place of [OSLO, BUENOS_AIRES, HONOLULU, SYDNEY]) {
          const jpeg = withExif(small, { ...place, byteOrder: order });
          expectNear(readExifGps(jpeg.buffer), place);
          expect(hasExif(jpeg.buffer)).to.equal(true);
        }
      });
    }

    it('signs by the reference letters: S and W are negative', () => {
      const south = readExifGps(withExif(small, BUENOS_AIRES).buffer)!;
      expect(south.lat).to.be.below(0);
      expect(south.long).to.be.below(0);
      const north = readExifGps(withExif(small, OSLO).buffer)!;
      expect(north.lat).to.be.above(0);
      expect(north.long).to.be.above(0);
    });

    it('finds the EXIF segment behind an XMP one, and reads from a typed array view or a head slice', () => {
      const jpeg = spliceSegments(small, xmpSegment(), exifSegment({ ...SYDNEY, byteOrder: 'MM', orientation: 1 }));
      expectNear(readExifGps(jpeg.buffer), SYDNEY);
      expectNear(readExifGps(jpeg), SYDNEY);
      expectNear(readExifGps(jpeg.slice(0, 1024).buffer), SYDNEY);
    });

    it('returns undefined without EXIF, without GPS, and for other formats', async () => {
      expect(readExifGps(small.buffer)).to.equal(undefined);
      expect(hasExif(small.buffer)).to.equal(false);
      const noGps = withExif(small, { orientation: 6 });
      expect(hasExif(noGps.buffer)).to.equal(true);
      expect(readExifGps(noGps.buffer)).to.equal(undefined);
      const png = await makeImage(32, 32, 'image/png');
      expect(readExifGps(png.buffer)).to.equal(undefined);
      expect(hasExif(png.buffer)).to.equal(false);
      expect(readExifGps(new ArrayBuffer(0))).to.equal(undefined);
    });

    it('rejects 0,0 (no fix) and out-of-range positions', () => {
      expect(readExifGps(withExif(small, { lat: 0, long: 0 }).buffer)).to.equal(undefined);
      expect(readExifGps(withExif(small, { lat: 91, long: 10 }).buffer)).to.equal(undefined);
      expect(readExifGps(withExif(small, { lat: 10, long: -181 }).buffer)).to.equal(undefined);
    });

    it('survives hostile structures: huge entry counts, self-pointing IFDs, offsets past the end', () => {
      const base = withExif(small, { ...OSLO, byteOrder: 'II' });
      const tiff = 2 + 4 + 6; // SOI, APP1 marker + length, "Exif\0\0"
      const patch = (at: number, value: number, size: 2 | 4) => {
        const copy = base.slice();
        const view = new DataView(copy.buffer);
        if (size === 2) view.setUint16(tiff + at, value, true);
        else view.setUint32(tiff + at, value, true);
        return copy;
      };
      const ifd0 = 8;
      const gpsPointerValue = ifd0 + 2 + 8; // IFD0 holds only the GPS pointer
      const gpsIfd = ifd0 + 2 + 12 + 4;
      const hostile = [
        patch(4, 0xffffffff, 4), // IFD0 offset past the end
        patch(ifd0, 0xffff, 2), // 65535 entries in IFD0
        patch(gpsPointerValue, ifd0, 4), // GPS pointer points back at IFD0
        patch(gpsPointerValue, 0xfffffff0, 4), // GPS IFD past the end
        patch(gpsIfd, 0xffff, 2), // 65535 entries in the GPS IFD
        patch(gpsIfd + 2 + 2 * 12 + 4, 0xffffffff, 4), // latitude count 2^32−1
        patch(gpsIfd + 2 + 2 * 12 + 8, 0xfffffff8, 4), // latitude data offset past the end
        patch(gpsIfd + 2 + 2 * 12 + 2, 7, 2), // latitude type UNDEFINED
        patch(2, 43, 2), // bad TIFF magic
      ];
      expectNear(readExifGps(base.buffer), OSLO); // the unpatched original is fine
      for (const [i, bytes] of hostile.entries()) {
        expect(() => readExifGps(bytes.buffer)).to.not.throw();
        expect(readExifGps(bytes.buffer), `hostile case ${i}`).to.equal(undefined);
        expect(() => hasExif(bytes.buffer)).to.not.throw();
      }
      // A zero denominator in the degrees is nonsense; 0/0 in the seconds is what some cameras write.
      const latData = gpsIfd + 2 + 5 * 12 + 4;
      expect(readExifGps(patch(latData + 4, 0, 4).buffer)).to.equal(undefined);
      const zeroSeconds = patch(latData + 20, 0, 4);
      new DataView(zeroSeconds.buffer).setUint32(tiff + latData + 16, 0, true);
      expect(readExifGps(zeroSeconds.buffer)!.lat).to.be.closeTo(59 + 54 / 60, 1e-9);
      // A segment length that runs past the end, and a marker stream of nothing but fill bytes.
      const longSegment = base.slice(0, 100);
      expect(readExifGps(longSegment.buffer)).to.equal(undefined);
      expect(hasExif(longSegment.buffer)).to.equal(true);
      expect(readExifGps(new Uint8Array([0xff, 0xd8, ...new Array<number>(5000).fill(0xff)]).buffer)).to.equal(
        undefined,
      );
    });

    it('never throws on any truncation of a JPEG head with EXIF (both byte orders)', () => {
      let found = 0;
      for (const order of ['II', 'MM'] as ByteOrder[]) {
        const jpeg = spliceSegments(
          small,
          xmpSegment(),
          exifSegment({ ...HONOLULU, byteOrder: order, orientation: 3 }),
        );
        const exifEnd = 2 + xmpSegment().length + exifSegment({ ...HONOLULU, byteOrder: order, orientation: 3 }).length;
        for (let length = 0; length <= exifEnd + 16; length++) {
          const cut = jpeg.slice(0, length);
          const gps = readExifGps(cut.buffer);
          hasExif(cut.buffer);
          if (gps) {
            expectNear(gps, HONOLULU);
            found++;
          }
        }
        // Whole data present ⇒ found; so at least the last 17 lengths of each order found it.
      }
      expect(found).to.be.at.least(2 * 17);
    });

    it('never throws on random bytes, random bytes behind a valid EXIF prefix, or mutated EXIF (fuzz)', () => {
      const valid = withExif(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), { ...SYDNEY, byteOrder: 'MM', orientation: 8 });
      const prefix = valid.slice(0, 2 + 4 + 6 + 8); // SOI, APP1 header, "Exif\0\0", TIFF header
      const check = (bytes: Uint8Array) => {
        const gps = readExifGps(bytes);
        if (gps) {
          expect(gps.lat).to.be.within(-90, 90);
          expect(gps.long).to.be.within(-180, 180);
        }
        expect(hasExif(bytes)).to.be.a('boolean');
      };
      fc.assert(fc.property(fc.uint8Array({ maxLength: 512 }), check), { numRuns: 300 });
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 400 }), (tail) => {
          const bytes = new Uint8Array(prefix.length + tail.length);
          bytes.set(prefix);
          bytes.set(tail, prefix.length);
          check(bytes);
        }),
        { numRuns: 300 },
      );
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 0, max: 255 })), {
            minLength: 1,
            maxLength: 8,
          }),
          fc.nat({ max: valid.length }),
          (flips, cut) => {
            const bytes = valid.slice(0, cut);
            for (const [at, value] of flips) if (at < bytes.length) bytes[at] = value;
            check(bytes);
          },
        ),
        { numRuns: 400 },
      );
    });
  });

  describe('preparePhoto', () => {
    it('scales a 4000×3000 JPEG with GPS to 2048×1536, keeps the position and drops the EXIF', async () => {
      const input = withExif(big, { ...BUENOS_AIRES, byteOrder: 'MM' });
      expect(hasExif(input.buffer)).to.equal(true);
      const file = fileOf(input, 'IMG_0001.JPG', 'image/jpeg');

      const runs: number[] = [];
      let photo = await preparePhoto(file);
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        photo = await preparePhoto(file);
        runs.push(performance.now() - t0);
      }
      console.log(
        `preparePhoto 4000×3000 (${(file.size / 1024).toFixed(0)} KiB in → ${(photo.blob.size / 1024).toFixed(0)} KiB out): ` +
          runs.map((ms) => `${ms.toFixed(0)} ms`).join(', '),
      );

      expect(photo.width).to.equal(2048);
      expect(photo.height).to.equal(1536);
      expect(photo.name).to.equal('IMG_0001.jpg');
      expectNear(photo.gps, BUENOS_AIRES);
      expect(photo.blob.type).to.equal('image/jpeg');
      const out = await bytesOf(photo.blob);
      expect(isJpeg(out)).to.equal(true);
      expect(hasExif(out.buffer)).to.equal(false);
      expect(readExifGps(out.buffer)).to.equal(undefined);
      expect(await sizeOf(photo.blob)).to.deep.equal({ width: 2048, height: 1536 });
    });

    it('brings a grainy 12 MP photo within the 400 KB budget at 2048 px, with one re-encode', async () => {
      const file = fileOf(withExif(big, { ...OSLO, byteOrder: 'II' }), 'IMG_0003.JPG', 'image/jpeg');
      const unbounded = await preparePhoto(file, { targetBytes: Infinity });
      expect(unbounded.blob.size, 'the photo is over the budget at quality 0.85').to.be.above(DEFAULT_TARGET_BYTES);

      const { result: photo, encodes } = await encodesOf(() => preparePhoto(file));
      console.log(
        `budget: ${(unbounded.blob.size / 1024).toFixed(0)} KiB → ` +
          encodes.map((e) => `${e.longSide} px q${e.quality} ${(e.bytes / 1024).toFixed(0)} KiB`).join(' → '),
      );
      expect(photo.blob.size).to.be.at.most(DEFAULT_TARGET_BYTES);
      expect(encodes).to.have.length(2);
      expect(encodes[0]).to.include({ longSide: 2048, quality: DEFAULT_QUALITY });
      // Grain goes at a lower quality alone, at or above the floor: the long side stays 2048 px.
      expect(encodes[1]!.quality).to.be.within(MIN_QUALITY, DEFAULT_QUALITY - 0.01);
      expect(photo).to.include({ width: 2048, height: 1536, name: 'IMG_0003.jpg' });
      expect(await sizeOf(photo.blob)).to.deep.equal({ width: 2048, height: 1536 });
      expectNear(photo.gps, OSLO);
      const out = await bytesOf(photo.blob);
      expect(isJpeg(out)).to.equal(true);
      expect(hasExif(out.buffer)).to.equal(false);
    });

    it('encodes a photo under the budget once, at the set quality, as before', async () => {
      const file = fileOf(small, 'small.jpg', 'image/jpeg');
      const { result: photo, encodes } = await encodesOf(() => preparePhoto(file));
      expect(encodes).to.deep.equal([{ longSide: 640, quality: DEFAULT_QUALITY, bytes: encodes[0]!.bytes }]);
      expect(photo).to.include({ width: 640, height: 480 });
      expect(photo.blob.size).to.equal((await preparePhoto(file, { targetBytes: Infinity })).blob.size);
      expect(photo.blob.size).to.be.below(DEFAULT_TARGET_BYTES / 4);
      // Nor does a large photo with room left under the budget lose anything.
      const roomy = await preparePhoto(fileOf(big, 'big.jpg', 'image/jpeg'), { targetBytes: 4 * 1024 * 1024 });
      expect(roomy.blob.size).to.equal(
        (await preparePhoto(fileOf(big, 'big.jpg', 'image/jpeg'), { targetBytes: Infinity })).blob.size,
      );
    });

    it('honours targetBytes: a smaller budget is met above the floors; Infinity and nonsense values', async () => {
      const file = fileOf(big, 'IMG_0004.JPG', 'image/jpeg');
      const target = 150 * 1024;
      const { result: photo, encodes } = await encodesOf(() => preparePhoto(file, { targetBytes: target }));
      expect(photo.blob.size).to.be.at.most(target);
      expect(encodes.length).to.be.within(2, 3);
      for (const e of encodes) {
        expect(e.quality).to.be.at.least(MIN_QUALITY);
        expect(e.longSide).to.be.at.least(MIN_SIDE);
      }
      expect(Math.max(photo.width, photo.height)).to.be.within(MIN_SIDE, 2048);
      expect(photo.width / photo.height).to.be.closeTo(4 / 3, 0.01);
      expect(await sizeOf(photo.blob)).to.deep.equal({ width: photo.width, height: photo.height });

      const off = await encodesOf(() => preparePhoto(file, { targetBytes: Infinity }));
      expect(off.encodes).to.have.length(1);
      expect(off.result.blob.size).to.be.above(DEFAULT_TARGET_BYTES);
      // 0, negative and NaN mean the default budget, as for the other options.
      for (const targetBytes of [0, -1, NaN]) {
        expect((await preparePhoto(file, { targetBytes })).blob.size).to.be.at.most(DEFAULT_TARGET_BYTES);
      }
    });

    it('stops at quality 0.7 and 1600 px: a budget it cannot meet leaves the photo over it, not unreadable', async () => {
      const file = fileOf(withExif(big, HONOLULU), 'IMG_0005.JPG', 'image/jpeg');
      const { result: photo, encodes } = await encodesOf(() => preparePhoto(file, { targetBytes: 1 }));
      expect(encodes.length).to.be.within(2, 4);
      for (const e of encodes) {
        expect(e.quality).to.be.at.least(MIN_QUALITY);
        expect(e.longSide).to.be.at.least(MIN_SIDE);
      }
      expect(encodes.at(-1)).to.include({ longSide: MIN_SIDE, quality: MIN_QUALITY });
      expect(photo).to.include({ width: 1600, height: 1200 });
      expect(photo.blob.size).to.equal(Math.min(...encodes.map((e) => e.bytes)));
      expect(await sizeOf(photo.blob)).to.deep.equal({ width: 1600, height: 1200 });
      expectNear(photo.gps, HONOLULU);
      expect(hasExif(await photo.blob.arrayBuffer())).to.equal(false);

      // A quality or a long side set below the floors is never raised, and nothing goes below them either.
      const low = await encodesOf(() => preparePhoto(file, { targetBytes: 1, quality: 0.5, maxSide: 1000 }));
      expect(low.encodes.map(({ longSide, quality }) => ({ longSide, quality }))).to.deep.equal([
        { longSide: 1000, quality: 0.5 },
      ]);
      expect(low.result).to.include({ width: 1000, height: 750 });
    });

    it('keeps the aspect ratio of a portrait photo and honours maxSide', async () => {
      const portrait = await makeImage(900, 1600);
      const photo = await preparePhoto(fileOf(portrait, 'tall.png', 'image/jpeg'), { maxSide: 800 });
      expect(photo).to.include({ width: 450, height: 800, name: 'tall.jpg' });
      expect(await sizeOf(photo.blob)).to.deep.equal({ width: 450, height: 800 });
    });

    it('applies the EXIF orientation before scaling (orientation 6: rotate 90°)', async () => {
      const landscape = await makeImage(400, 300);
      const rotated = withExif(landscape, { orientation: 6, ...OSLO });
      const photo = await preparePhoto(fileOf(rotated, 'sideways.jpg', 'image/jpeg'));
      expect(photo).to.include({ width: 300, height: 400 });
      expectNear(photo.gps, OSLO);
      expect(hasExif(await photo.blob.arrayBuffer())).to.equal(false);
    });

    it('does not scale up a small photo, and leaves gps out when there is none', async () => {
      const photo = await preparePhoto(fileOf(small, 'small.jpeg', 'image/jpeg'));
      expect(photo).to.include({ width: 640, height: 480 });
      expect('gps' in photo).to.equal(false);
      expect(await sizeOf(photo.blob)).to.deep.equal({ width: 640, height: 480 });
    });

    it('takes a PNG (flattening transparency onto white), even with no declared type', async () => {
      const png = await makeImage(300, 200, 'image/png', true);
      for (const type of ['image/png', '']) {
        const photo = await preparePhoto(fileOf(png, 'screenshot.png', type));
        expect(photo).to.include({ width: 300, height: 200, name: 'screenshot.jpg' });
        const out = await bytesOf(photo.blob);
        expect(isJpeg(out)).to.equal(true);
        const bitmap = await createImageBitmap(photo.blob);
        const canvas = new OffscreenCanvas(1, 1);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 299, 199, 1, 1, 0, 0, 1, 1); // the bottom-right pixel was transparent
        bitmap.close();
        const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
        expect(Math.min(r!, g!, b!)).to.be.above(240);
      }
    });

    it('takes a WebP and a GIF', async () => {
      const webp = await makeImage(120, 90, 'image/webp');
      expect(String.fromCharCode(...webp.subarray(8, 12))).to.equal('WEBP');
      expect(await preparePhoto(fileOf(webp, 'a.webp', 'image/webp'))).to.include({ width: 120, height: 90 });
      // A 1×1 GIF.
      const gif = Uint8Array.from(atob('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=='), (c) =>
        c.charCodeAt(0),
      );
      expect(await preparePhoto(fileOf(gif, 'dot.gif', 'image/gif'))).to.include({ width: 1, height: 1 });
    });

    it('falls back to a <canvas> without OffscreenCanvas, and to plain decoding where imageOrientation is unknown', async () => {
      const saved = { offscreen: globalThis.OffscreenCanvas, decode: globalThis.createImageBitmap };
      const calls: unknown[] = [];
      try {
        (globalThis as { OffscreenCanvas?: unknown }).OffscreenCanvas = undefined;
        globalThis.createImageBitmap = ((source: ImageBitmapSource, options?: ImageBitmapOptions) => {
          calls.push(options);
          if (options)
            return Promise.reject(new TypeError("The provided value 'from-image' is not a valid enum value"));
          return Reflect.apply(saved.decode, globalThis, [source]) as Promise<ImageBitmap>;
        }) as typeof createImageBitmap;
        const photo = await preparePhoto(fileOf(withExif(big, SYDNEY), 'old.jpg', 'image/jpeg'));
        expect(photo).to.include({ width: 2048, height: 1536 });
        expectNear(photo.gps, SYDNEY);
        expect(hasExif(await photo.blob.arrayBuffer())).to.equal(false);
        expect((await thumbnail(photo)).startsWith('data:image/jpeg;base64,')).to.equal(true);
        expect(calls).to.have.length(4);
      } finally {
        globalThis.OffscreenCanvas = saved.offscreen;
        globalThis.createImageBitmap = saved.decode;
      }
    });

    it('refuses a text file as not-an-image', async () => {
      const text = new TextEncoder().encode('Dear city, there is a pothole on Main St.');
      expect(await problemOf(preparePhoto(fileOf(text, 'letter.txt', 'text/plain')))).to.equal('not-an-image');
      expect(await problemOf(preparePhoto(fileOf(text, 'letter', '')))).to.equal('not-an-image');
      const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
      expect(await problemOf(preparePhoto(fileOf(svg, 'x.svg', 'image/svg+xml')))).to.equal('not-an-image');
      expect(await problemOf(preparePhoto(fileOf(new Uint8Array(0), 'empty', '')))).to.equal('not-an-image');
    });

    it('refuses a file over maxBytes as too-large', async () => {
      const file = fileOf(small, 'small.jpg', 'image/jpeg');
      expect(await problemOf(preparePhoto(file, { maxBytes: file.size - 1 }))).to.equal('too-large');
      expect(await problemOf(preparePhoto(file, { maxBytes: file.size }))).to.equal('resolved');
      const huge = new File([new Uint8Array(25 * 1024 * 1024 + 1)], 'huge.jpg', { type: 'image/jpeg' });
      expect(await problemOf(preparePhoto(huge))).to.equal('too-large');
    });

    it('refuses what claims to be an image but cannot be decoded as unreadable', async () => {
      const random = fc.sample(fc.uint8Array({ minLength: 2048, maxLength: 2048 }), { numRuns: 1, seed: 42 })[0]!;
      expect(await problemOf(preparePhoto(fileOf(random, 'x.jpg', 'image/jpeg')))).to.equal('unreadable');
      // JPEG magic, then garbage; a truncated real JPEG.
      const fake = new Uint8Array(2048);
      fake.set([0xff, 0xd8, 0xff, 0xe0]);
      expect(await problemOf(preparePhoto(fileOf(fake, 'fake.jpg', '')))).to.equal('unreadable');
      expect(await problemOf(preparePhoto(fileOf(small.slice(0, 300), 'cut.jpg', 'image/jpeg')))).to.equal(
        'unreadable',
      );
      // An empty "image/jpeg", and an HEIC header Chromium has no decoder for.
      expect(await problemOf(preparePhoto(fileOf(new Uint8Array(0), 'e.jpg', 'image/jpeg')))).to.equal('unreadable');
      const heic = new Uint8Array(64);
      heic.set([
        0,
        0,
        0,
        24,
        ...new TextEncoder().encode('ftypheic'),
        0,
        0,
        0,
        0,
        ...new TextEncoder().encode('mif1heic'),
      ]);
      expect(await problemOf(preparePhoto(fileOf(heic, 'IMG_0002.HEIC', '')))).to.equal('unreadable');
    });
  });

  describe('thumbnail', () => {
    it('gives a data:image/jpeg URL at most 160 px on the long side', async () => {
      const photo = await preparePhoto(fileOf(withExif(big, OSLO), 'p.jpg', 'image/jpeg'));
      const url = await thumbnail(photo);
      expect(url.startsWith('data:image/jpeg;base64,')).to.equal(true);
      const blob = await (await fetch(url)).blob();
      expect(hasExif(await blob.arrayBuffer())).to.equal(false);
      expect(await sizeOf(blob)).to.deep.equal({ width: 160, height: 120 });
    });

    it('takes a plain Blob and a custom side, and never scales up', async () => {
      const blob = new Blob([small], { type: 'image/jpeg' });
      expect(await sizeOf(await (await fetch(await thumbnail(blob, 64))).blob())).to.deep.equal({
        width: 64,
        height: 48,
      });
      expect(await sizeOf(await (await fetch(await thumbnail(blob, 1000))).blob())).to.deep.equal({
        width: 640,
        height: 480,
      });
    });

    it('rejects a blob that is not an image as unreadable', async () => {
      expect(await problemOf(thumbnail(new Blob(['hello'], { type: 'text/plain' })))).to.equal('unreadable');
    });
  });
});
