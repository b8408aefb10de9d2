/**
 * Turns a resident's photo (camera or file picker) into something fit to send to the city: a JPEG whose long side
 * is at most 2048 px, decoded and re-encoded in the browser so that no EXIF metadata survives — but the EXIF GPS
 * position is read first, so the form can offer "Use the photo's location".
 *
 * The JPEG aims at a byte budget (400 KB by default; the bench's grainy 12 MP street photo came out at 490 KB at
 * 2048 px and quality 0.85). Over it, the photo is encoded once more at a lower quality and, if that would not be enough, a
 * shorter long side — never below quality 0.7 and 1600 px, where a pothole or a sign is still plain to see; a photo
 * still over the budget there is sent as it is. The second encode is chosen from the first one's size, so it is
 * usually the only one.
 *
 * Browser APIs only: createImageBitmap to decode (it honours EXIF orientation and needs no <img>, so a CSP without
 * `blob:` in img-src is fine), OffscreenCanvas (or a <canvas>) to scale and encode, FileReader for data: URLs.
 */
import { findExifSegments, readExifGps, type GpsPosition } from './exif';

export type PhotoProblem = 'not-an-image' | 'too-large' | 'unreadable';

/** Why a photo was refused. `problem` is stable (the form turns it into a sentence); `message` is for developers. */
export class PhotoError extends Error {
  override name = 'PhotoError';

  constructor(
    readonly problem: PhotoProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const isPhotoError = (value: unknown): value is PhotoError => value instanceof PhotoError;

export interface PreparedPhoto {
  /** Always image/jpeg, without EXIF. */
  blob: Blob;
  width: number;
  height: number;
  /** Where the photo was taken, if its EXIF said so (signed decimal degrees). */
  gps?: GpsPosition;
  /** The original file name with a .jpg extension. */
  name: string;
}

export interface PreparePhotoOptions {
  /** Longest side of the output, in pixels; smaller photos are never scaled up. Default 2048. */
  maxSide?: number;
  /** Largest input file accepted, in bytes. Default 25 MB. */
  maxBytes?: number;
  /** JPEG quality, 0–1. Default 0.85. */
  quality?: number;
  /**
   * The output's byte budget. A larger JPEG is encoded again at a lower quality (down to 0.7, or `quality` if that is
   * lower), then at a shorter long side (down to 1600 px, or the first long side if that is shorter); a photo still
   * over the budget there comes out over it. Default 400 KB; `Infinity` turns it off (0, negative or NaN: the default).
   */
  targetBytes?: number;
}

export const DEFAULT_MAX_SIDE = 2048;
export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;
export const DEFAULT_QUALITY = 0.85;
export const DEFAULT_THUMBNAIL_SIDE = 160;
export const DEFAULT_TARGET_BYTES = 400 * 1024;
/** The floors of the byte budget's re-encodes: below them a city crew might no longer read a sign. */
export const MIN_QUALITY = 0.7;
export const MIN_SIDE = 1600;

/** Bytes read from the start of a file: enough for the type sniff and for any real camera's EXIF block. */
const HEAD_BYTES = 256 * 1024;

type ImageKind = 'jpeg' | 'png' | 'gif' | 'webp' | 'heif' | 'avif' | 'bmp';

const ascii = (bytes: Uint8Array, at: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(at, at + length));

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
const BMP_DIB_SIZES = new Set([12, 40, 52, 56, 64, 108, 124]);

/** The image format the first bytes announce, or undefined. */
function sniffImageType(head: Uint8Array): ImageKind | undefined {
  const at = (i: number): number | undefined => head[i];
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'jpeg';
  if (ascii(head, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  const gif = ascii(head, 0, 6);
  if (gif === 'GIF87a' || gif === 'GIF89a') return 'gif';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return 'webp';
  // "BM", then a DIB header whose size (little-endian u32 at 14) is one of the known ones.
  if (ascii(head, 0, 2) === 'BM' && BMP_DIB_SIZES.has(at(14) ?? 0) && !at(15) && !at(16) && !at(17)) return 'bmp';
  // ISO-BMFF: a size, "ftyp", a major brand, a minor version, then compatible brands.
  if (ascii(head, 4, 4) === 'ftyp') {
    const boxSize = ((at(0) ?? 0) << 24) | ((at(1) ?? 0) << 16) | ((at(2) ?? 0) << 8) | (at(3) ?? 0);
    const end = Math.min(head.length, boxSize >= 16 ? boxSize : 16, 256);
    const brands = [ascii(head, 8, 4)];
    for (let i = 16; i + 4 <= end; i += 4) brands.push(ascii(head, i, 4));
    if (brands.some((b) => AVIF_BRANDS.has(b))) return 'avif';
    if (brands.some((b) => HEIF_BRANDS.has(b))) return 'heif';
  }
  return undefined;
}

/** A declared type under which an unrecognised file may still be a raster image the browser can decode. */
const declaredAsImage = (type: string): boolean => {
  const t = type.toLowerCase();
  return t.startsWith('image/') && !t.startsWith('image/svg');
};

const positive = (value: number | undefined, fallback: number): number =>
  value !== undefined && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;

/** "IMG_1234.HEIC" → "IMG_1234.jpg"; no usable name → "photo.jpg". */
function jpegName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const stem = (dot > 0 ? base.slice(0, dot) : base).trim();
  return `${stem || 'photo'}.jpg`;
}

/** Decodes with EXIF orientation applied; falls back to plain decoding where the option is unknown. */
async function decode(blob: Blob): Promise<ImageBitmap> {
  if (typeof createImageBitmap !== 'function') {
    throw new PhotoError('unreadable', 'This browser cannot decode images (no createImageBitmap).');
  }
  try {
    try {
      return await createImageBitmap(blob, { imageOrientation: 'from-image' });
    } catch (error) {
      // Older engines reject an unknown enum value with a TypeError; undecodable data is a DOMException.
      if (!(error instanceof TypeError)) throw error;
      return await createImageBitmap(blob);
    }
  } catch (error) {
    throw new PhotoError('unreadable', 'The browser could not decode this image.', { cause: error });
  }
}

type AnyCanvas = OffscreenCanvas | HTMLCanvasElement;
type AnyContext = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

/** An OffscreenCanvas with a 2D context where there is one (Safari < 16.4 has neither), else a <canvas>. */
function makeCanvas(width: number, height: number): { canvas: AnyCanvas; ctx: AnyContext } {
  if (typeof OffscreenCanvas === 'function') {
    try {
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d');
      if (ctx) return { canvas, ctx };
    } catch {
      // Fall through to a DOM canvas.
    }
  }
  if (typeof document !== 'undefined') {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (ctx) return { canvas, ctx };
  }
  throw new PhotoError('unreadable', 'No 2D canvas is available to re-encode the image.');
}

/** Frees a canvas's backing store now rather than at GC time (iOS Safari caps total canvas memory). */
const release = (canvas: AnyCanvas): void => {
  canvas.width = 0;
  canvas.height = 0;
};

/** Fits width×height inside a square of `side`, keeping the aspect ratio and never scaling up. */
function fitWithin(width: number, height: number, side: number): { width: number; height: number } {
  const scale = Math.min(1, side / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

async function toJpegBlob(canvas: AnyCanvas, quality: number): Promise<Blob | null> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type: 'image/jpeg', quality });
  return new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
}

/**
 * Draws `source` (sw×sh) at width×height on white (JPEG has no alpha) on a new canvas. Large reductions go in halving
 * steps first, which keeps detail in browsers whose one-step downscale is a plain bilinear sample.
 */
function drawScaled(source: CanvasImageSource, sw: number, sh: number, width: number, height: number): AnyCanvas {
  let step: AnyCanvas | undefined;
  try {
    while (sw > width * 2 && sh > height * 2) {
      const nw = Math.max(width, Math.ceil(sw / 2));
      const nh = Math.max(height, Math.ceil(sh / 2));
      const next = makeCanvas(nw, nh);
      next.ctx.imageSmoothingEnabled = true;
      next.ctx.imageSmoothingQuality = 'high';
      next.ctx.drawImage(source, 0, 0, sw, sh, 0, 0, nw, nh);
      if (step) release(step);
      step = next.canvas;
      source = next.canvas;
      sw = nw;
      sh = nh;
    }
    const { canvas, ctx } = makeCanvas(width, height);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(source, 0, 0, sw, sh, 0, 0, width, height);
    return canvas;
  } finally {
    if (step) release(step);
  }
}

/** The canvas as an EXIF-free JPEG. */
async function encodeCanvas(canvas: AnyCanvas, quality: number): Promise<Blob> {
  let blob: Blob | null;
  try {
    blob = await toJpegBlob(canvas, quality);
  } catch (error) {
    throw new PhotoError('unreadable', 'The browser could not encode the image as JPEG.', { cause: error });
  }
  if (!blob) throw new PhotoError('unreadable', 'The browser could not encode the image as JPEG.');
  return verifiedJpeg(blob);
}

/** The bitmap at width×height as an EXIF-free JPEG. */
async function encodeJpeg(bitmap: ImageBitmap, width: number, height: number, quality: number): Promise<Blob> {
  const canvas = drawScaled(bitmap, bitmap.width, bitmap.height, width, height);
  try {
    return await encodeCanvas(canvas, quality);
  } finally {
    release(canvas);
  }
}

/**
 * How the size of a JPEG moves with quality and long side, for choosing a re-encode from a first result. libjpeg
 * (in every engine) scales its quantisation tables by 5000/Q % below Q = 50 and by 200 − 2Q % above; the size falls
 * roughly as that scale to the power −α, and as the pixel count. α was 0.78 for the bench's noisy street photo and
 * 1.06 for the tests' grainy one in Chromium 156; 0.7 guesses a little high for such photos (the only ones that
 * miss the budget), so the one re-encode usually lands under the budget.
 */
const SIZE_EXPONENT = 0.7;
/** What the chosen re-encode aims at, as a share of the budget: room for the model's error. */
const TARGET_MARGIN = 0.97;
/** Below this quality the long side is shortened first (to MIN_SIDE), and only then the quality lowered further. */
const KNEE_QUALITY = 0.75;
/** Re-encodes after the first one, at most; the last of them is at the floors. */
const MAX_RETRIES = 3;

const jpegScale = (quality: number): number => {
  const q = Math.min(100, Math.max(1, Math.round(quality * 100)));
  return Math.max(1, q < 50 ? 5000 / q : 200 - 2 * q);
};

/** The highest quality, in hundredths, whose scale is at least `scale`. */
const qualityForScale = (scale: number): number => {
  const q = scale >= 100 ? 5000 / scale : (200 - scale) / 2;
  return Math.max(0.01, Math.floor(q + 1e-9) / 100);
};

/** The modelled size of an encode, up to a constant factor (only ratios of it mean anything). */
const modelSize = (quality: number, longSide: number): number => jpegScale(quality) ** -SIZE_EXPONENT * longSide ** 2;

interface Encoding {
  quality: number;
  longSide: number;
}

/**
 * The next encode to try after `last` came out at `bytes`, over `target`: the first point, on the path quality down
 * to KNEE_QUALITY at the first long side → long side down to `minSide` → quality down to `minQuality`, that the model
 * puts under the target; undefined when `last` is already at the path's end.
 */
function nextEncoding(
  last: Encoding,
  bytes: number,
  target: number,
  first: Encoding,
  minQuality: number,
  minSide: number,
): Encoding | undefined {
  const want = (modelSize(last.quality, last.longSide) * (target * TARGET_MARGIN)) / bytes;
  const knee = Math.min(first.quality, Math.max(minQuality, KNEE_QUALITY));
  // The scale a quality must reach for the model to put an encode at `longSide` under the target.
  const scaleAt = (longSide: number) => (want / longSide ** 2) ** (-1 / SIZE_EXPONENT);
  if (last.longSide === first.longSide) {
    const quality = qualityForScale(scaleAt(first.longSide));
    if (quality >= knee && quality < last.quality) return { quality, longSide: first.longSide };
  }
  const longSide = Math.floor(Math.sqrt(want / jpegScale(knee) ** -SIZE_EXPONENT));
  if (longSide >= minSide && longSide < last.longSide) return { quality: knee, longSide };
  const quality = Math.max(minQuality, Math.min(knee, qualityForScale(scaleAt(minSide))));
  if (minSide === last.longSide && quality >= last.quality) return undefined;
  return { quality, longSide: minSide };
}

/**
 * The bitmap at width×height as an EXIF-free JPEG of at most `target` bytes if the floors allow (see
 * PreparePhotoOptions.targetBytes), else the smallest one tried.
 */
async function encodeWithin(
  bitmap: ImageBitmap,
  width: number,
  height: number,
  quality: number,
  target: number,
): Promise<{ blob: Blob; width: number; height: number }> {
  const full = drawScaled(bitmap, bitmap.width, bitmap.height, width, height);
  try {
    let best = { blob: await encodeCanvas(full, quality), width, height };
    if (best.blob.size <= target) return best;
    const first: Encoding = { quality, longSide: Math.max(width, height) };
    const minQuality = Math.min(quality, MIN_QUALITY);
    const minSide = Math.min(first.longSide, MIN_SIDE);
    let last = first;
    let bytes = best.blob.size;
    for (let retry = 1; retry <= MAX_RETRIES; retry++) {
      // The last re-encode allowed goes to the floors, so the budget is missed only where they miss it.
      const floor: Encoding = { quality: minQuality, longSide: minSide };
      const next = retry < MAX_RETRIES ? nextEncoding(last, bytes, target, first, minQuality, minSide) : floor;
      if (!next || (next.quality >= last.quality && next.longSide >= last.longSide)) break;
      let canvas = full;
      let size = { width, height };
      if (next.longSide < first.longSide) {
        size = fitWithin(width, height, next.longSide);
        canvas = drawScaled(full, width, height, size.width, size.height);
      }
      let blob: Blob;
      try {
        blob = await encodeCanvas(canvas, next.quality);
      } finally {
        if (canvas !== full) release(canvas);
      }
      if (blob.size < best.blob.size) best = { blob, ...size };
      if (blob.size <= target) break;
      last = next;
      bytes = blob.size;
    }
    return best;
  } finally {
    release(full);
  }
}

/**
 * Checks that the encoder really produced a JPEG (toBlob silently falls back to PNG for unsupported types) and
 * removes any EXIF segment it might have written, so the "no EXIF" promise does not rest on one engine's habits.
 */
async function verifiedJpeg(blob: Blob): Promise<Blob> {
  const head = new Uint8Array(await blob.slice(0, HEAD_BYTES).arrayBuffer());
  if (sniffImageType(head) !== 'jpeg') {
    throw new PhotoError('unreadable', `The browser encoded ${blob.type || 'something'} instead of a JPEG.`);
  }
  const segments = findExifSegments(head);
  if (segments.some((s) => s.end > head.length)) {
    throw new PhotoError('unreadable', 'The encoded JPEG carries an EXIF segment that could not be removed.');
  }
  const parts: Blob[] = [];
  let from = 0;
  for (const { start, end } of segments) {
    parts.push(blob.slice(from, start));
    from = end;
  }
  parts.push(blob.slice(from));
  return new Blob(parts, { type: 'image/jpeg' });
}

/**
 * Checks, decodes (EXIF orientation applied), scales down and re-encodes a photo as an EXIF-free JPEG, reading its
 * EXIF GPS position first. Rejects with a PhotoError: 'not-an-image' (neither the bytes nor the declared type say
 * image), 'too-large' (over `maxBytes`), 'unreadable' (looks like an image but this browser cannot decode it —
 * e.g. HEIC outside Safari — or it is corrupt).
 */
export async function preparePhoto(file: File, options: PreparePhotoOptions = {}): Promise<PreparedPhoto> {
  const maxSide = positive(options.maxSide, DEFAULT_MAX_SIDE);
  const maxBytes = positive(options.maxBytes, DEFAULT_MAX_BYTES);
  const quality = Math.min(1, Math.max(0, options.quality ?? DEFAULT_QUALITY));
  const target = options.targetBytes === Infinity ? Infinity : positive(options.targetBytes, DEFAULT_TARGET_BYTES);

  let head: Uint8Array;
  try {
    head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  } catch (error) {
    throw new PhotoError('unreadable', 'The file could not be read.', { cause: error });
  }
  const kind = sniffImageType(head);
  if (!kind && !declaredAsImage(file.type)) {
    throw new PhotoError('not-an-image', `This file is not an image (${file.type || 'unknown type'}).`);
  }
  if (file.size > maxBytes) {
    throw new PhotoError('too-large', `The file is ${file.size} bytes; at most ${maxBytes} are accepted.`);
  }

  const gps = kind === 'jpeg' ? readExifGps(head) : undefined;
  const bitmap = await decode(file);
  try {
    if (!bitmap.width || !bitmap.height) throw new PhotoError('unreadable', 'The image has no pixels.');
    const size = fitWithin(bitmap.width, bitmap.height, maxSide);
    const { blob, width, height } = await encodeWithin(bitmap, size.width, size.height, quality, target);
    const photo: PreparedPhoto = { blob, width, height, name: jpegName(file.name) };
    if (gps) photo.gps = gps;
    return photo;
  } finally {
    bitmap.close();
  }
}

const readAsDataUrl = (blob: Blob): Promise<string> =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsDataURL(blob);
  });

/**
 * A small JPEG preview as a data: URL (CSPs that leave `blob:` out of img-src usually allow `data:`). The long side
 * is at most `side` px (default 160); small images are not scaled up.
 */
export async function thumbnail(photo: PreparedPhoto | Blob, side = DEFAULT_THUMBNAIL_SIDE): Promise<string> {
  const blob = photo instanceof Blob ? photo : photo.blob;
  const bitmap = await decode(blob);
  try {
    if (!bitmap.width || !bitmap.height) throw new PhotoError('unreadable', 'The image has no pixels.');
    const size = fitWithin(bitmap.width, bitmap.height, positive(side, DEFAULT_THUMBNAIL_SIDE));
    const jpeg = await encodeJpeg(bitmap, size.width, size.height, 0.8);
    try {
      return await readAsDataUrl(jpeg);
    } catch (error) {
      throw new PhotoError('unreadable', 'The thumbnail could not be read back.', { cause: error });
    }
  } finally {
    bitmap.close();
  }
}
