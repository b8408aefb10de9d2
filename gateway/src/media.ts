/**
 * Photos for GeoReport v2's media_url: one image, recognised by its first bytes (never its name or declared type),
 * re-encoded so nothing but pixels survives (EXIF with the resident's GPS position, camera serials, embedded
 * scripts), stored, and given a public address.
 */
import { GatewayError } from './errors';

export type ImageType = 'jpeg' | 'png' | 'webp';

export const CONTENT_TYPES: Record<ImageType, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
export const EXTENSIONS: Record<ImageType, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' };

/** JPEG, PNG or WebP by magic bytes; anything else (a PHP script named photo.jpg) is undefined. */
export function sniffImage(b: Uint8Array): ImageType | undefined {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length >= 8 && png.every((x, i) => b[i] === x)) return 'png';
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return undefined;
}

/** Re-encodes an image (same type), scaled to fit `maxDimension`, with no metadata. Throws on an unreadable one. */
export type ImageProcessor = (
  bytes: Uint8Array,
  type: ImageType,
  maxDimension: number,
) => Promise<{ bytes: Uint8Array; type: ImageType }>;

export interface MediaStorage {
  /** Stores the object under `name`; returns its public URL. */
  put(name: string, bytes: Uint8Array, contentType: string): Promise<string>;
  /** For storage the gateway serves itself (local): the stored bytes, or undefined. */
  get?(name: string): Promise<{ bytes: Uint8Array; contentType: string } | undefined>;
}

/** A stored photo's name: random, with the extension of its type (nothing of the resident's file name). */
export const NAME = /^[0-9a-f-]{36}\.(jpg|png|webp)$/;

export async function acceptImage(
  bytes: Uint8Array,
  opts: { maxBytes: number; maxDimension: number; process: ImageProcessor; storage: MediaStorage },
): Promise<string> {
  if (bytes.byteLength > opts.maxBytes) throw tooLarge(opts.maxBytes);
  const type = sniffImage(bytes);
  if (!type) throw new GatewayError(415, 'unsupported-media', 'Only photos (JPEG, PNG or WebP) can be sent.');
  let out: Awaited<ReturnType<ImageProcessor>>;
  try {
    out = await opts.process(bytes, type, opts.maxDimension);
  } catch {
    throw new GatewayError(415, 'unsupported-media', 'The photo cannot be read; try another one.');
  }
  const name = `${crypto.randomUUID()}.${EXTENSIONS[out.type]}`;
  return opts.storage.put(name, out.bytes, CONTENT_TYPES[out.type]);
}

export const tooLarge = (max: number) =>
  new GatewayError(413, 'too-large', `The photo is too large (at most ${Math.floor(max / 1024 / 1024) || 1} MB).`, {
    // The rest of the upload is not read: the connection cannot be reused.
    Connection: 'close',
  });
