/**
 * Node's side of photos: sharp re-encodes them; a local folder or S3-compatible object storage keeps them.
 * Only Node adapters import this (sharp is native code).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Config } from './config';
import { CONTENT_TYPES, NAME, type ImageProcessor, type ImageType, type MediaStorage } from './media';

export const sharpProcessor: ImageProcessor = async (bytes, type, maxDimension) => {
  const { default: sharp } = await import('sharp');
  // rotate() applies the EXIF orientation to the pixels first, since the EXIF itself is dropped (sharp keeps no
  // metadata unless asked to: no EXIF, XMP, IPTC or ICC comments).
  let img = sharp(bytes, { limitInputPixels: 80_000_000, failOn: 'error' })
    .rotate()
    .resize({ width: maxDimension, height: maxDimension, fit: 'inside', withoutEnlargement: true });
  img = type === 'png' ? img.png() : type === 'webp' ? img.webp({ quality: 82 }) : img.jpeg({ quality: 85 });
  const out = await img.toBuffer();
  return { bytes: new Uint8Array(out), type };
};

export function localStorage(dir: string, publicUrl: string): MediaStorage {
  const root = resolve(dir);
  return {
    async put(name, bytes) {
      await mkdir(root, { recursive: true });
      await writeFile(join(root, name), bytes, { flag: 'wx' });
      return `${publicUrl}/media/${name}`;
    },
    async get(name) {
      if (!NAME.test(name)) return undefined;
      try {
        const bytes = await readFile(join(root, name));
        const ext = name.split('.').pop()!;
        const type = (ext === 'jpg' ? 'jpeg' : ext) as ImageType;
        return { bytes: new Uint8Array(bytes), contentType: CONTENT_TYPES[type] };
      } catch {
        return undefined;
      }
    },
  };
}

export async function s3Storage(config: Config): Promise<MediaStorage> {
  const { S3Client, PutObjectCommand } = await import('@aws-sdk/client-s3');
  const client = new S3Client({
    region: config.s3Region,
    ...(config.s3Endpoint && { endpoint: config.s3Endpoint }),
    forcePathStyle: config.s3ForcePathStyle,
    ...(config.s3AccessKeyId && {
      credentials: { accessKeyId: config.s3AccessKeyId, secretAccessKey: config.s3SecretAccessKey! },
    }),
  });
  const bucket = config.s3Bucket!;
  const base =
    config.s3PublicUrl ??
    (config.s3Endpoint ? `${config.s3Endpoint}/${bucket}` : `https://${bucket}.s3.${config.s3Region}.amazonaws.com`);
  return {
    async put(name, bytes, contentType) {
      const key = `${config.s3Prefix}${name}`;
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: bytes,
          ContentType: contentType,
          CacheControl: 'public, max-age=31536000, immutable',
        }),
      );
      return `${base}/${key.split('/').map(encodeURIComponent).join('/')}`;
    },
  };
}
