/**
 * Turns a resident's photo (camera or file picker) into something fit to send to the city: a JPEG whose long side
 * is at most 2048 px, decoded and re-encoded in the browser so that no EXIF metadata survives — but the EXIF GPS
 * position is read first, so the form can offer "Use the photo's location".
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
}

export const DEFAULT_MAX_SIDE = 2048;
export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;
export const DEFAULT_QUALITY = 0.85;
export const DEFAULT_THUMBNAIL_SIDE = 160;

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
 * Draws the bitmap at width×height on white (JPEG has no alpha) and encodes it as JPEG. Large reductions go in
 * halving steps first, which keeps detail in browsers whose one-step downscale is a plain bilinear sample.
 */
async function encodeJpeg(bitmap: ImageBitmap, width: number, height: number, quality: number): Promise<Blob> {
  let source: CanvasImageSource = bitmap;
  let sw = bitmap.width;
  let sh = bitmap.height;
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
    try {
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, width, height);
      ctx.imageSmoothingEnabled = true;
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(source, 0, 0, sw, sh, 0, 0, width, height);
      let blob: Blob | null;
      try {
        blob = await toJpegBlob(canvas, quality);
      } catch (error) {
        throw new PhotoError('unreadable', 'The browser could not encode the image as JPEG.', { cause: error });
      }
      if (!blob) throw new PhotoError('unreadable', 'The browser could not encode the image as JPEG.');
      return await verifiedJpeg(blob);
    } finally {
      release(canvas);
    }
  } finally {
    if (step) release(step);
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
    const blob = await encodeJpeg(bitmap, size.width, size.height, quality);
    const photo: PreparedPhoto = { blob, width: size.width, height: size.height, name: jpegName(file.name) };
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
