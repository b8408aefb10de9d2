// POST /media: one photo, recognised by its bytes, re-encoded without metadata, stored in a local folder (served
// by the gateway) or in S3-compatible storage (s3rver, a real S3-protocol server on 127.0.0.1).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { startUpstream } from './helpers/upstream.mjs';
import { startInProcess } from './helpers/gateway.mjs';
import { startS3 } from '../../scripts/check/ensure-services.mjs';

const ORIGIN = 'https://www.city.example';

/** A JPEG from a phone: EXIF with a GPS position and the owner's name. */
const photoWithExif = (width = 64, height = 48) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Artist: 'Jane Resident', Copyright: 'Jane' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 46/1 0/1' },
    })
    .toBuffer();

const upload = (url, bytes, name = 'photo.jpg', type = 'image/jpeg', origin = ORIGIN) => {
  const form = new FormData();
  form.append('media', new Blob([bytes], { type }), name);
  return fetch(`${url}/media`, { method: 'POST', body: form, headers: { Origin: origin } });
};

describe('photos stored in a local folder', () => {
  let upstream, gw, dir;
  before(async () => {
    upstream = await startUpstream();
    dir = mkdtempSync(join(tmpdir(), 'cp-media-'));
    gw = await startInProcess({
      upstream: upstream.base,
      allowOrigins: [ORIGIN],
      mediaDir: dir,
      mediaMaxBytes: 200 * 1024,
      mediaMaxDimension: 512,
    });
  });
  after(async () => {
    await gw?.close();
    await upstream?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a JPEG with EXIF (GPS, name) is re-encoded without metadata, stored, and served back', async () => {
    const original = await photoWithExif();
    assert.ok((await sharp(original).metadata()).exif, 'the test photo has EXIF');
    const res = await upload(gw.url, original);
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
    const { url } = await res.json();
    assert.match(url, new RegExp(`^${gw.url}/media/[0-9a-f-]{36}\\.jpg$`));
    const served = await fetch(url);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/jpeg');
    assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
    const bytes = Buffer.from(await served.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    assert.equal(meta.format, 'jpeg');
    assert.equal(meta.exif, undefined);
    assert.equal(meta.xmp, undefined);
    assert.ok(!bytes.includes('Jane Resident'));
    assert.equal(readdirSync(dir).length, 1);
  });

  test('big photos are scaled down; PNG and WebP keep their type', async () => {
    const big = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#3a6' } })
      .png()
      .toBuffer();
    const { url } = await upload(gw.url, big, 'x.png', 'image/png').then((r) => r.json());
    const meta = await sharp(Buffer.from(await (await fetch(url)).arrayBuffer())).metadata();
    assert.equal(meta.format, 'png');
    assert.equal(meta.width, 512);
    const webp = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } })
      .webp()
      .toBuffer();
    const res = await upload(gw.url, webp, 'w.webp', 'image/webp');
    assert.equal(res.status, 201);
    assert.match((await res.json()).url, /\.webp$/);
  });

  test('a disguised file (a PHP script named .jpg, sent as image/jpeg) is refused', async () => {
    const before = readdirSync(dir).length;
    const php = Buffer.from('<?php system($_GET["cmd"]); ?>');
    const res = await upload(gw.url, php, 'shell.jpg', 'image/jpeg');
    assert.equal(res.status, 415);
    const [err] = await res.json();
    assert.equal(err.kind, 'unsupported-media');
    // JPEG magic bytes with garbage behind them: not an image either
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), php]);
    assert.equal((await upload(gw.url, fake, 'fake.jpg')).status, 415);
    assert.equal(readdirSync(dir).length, before, 'nothing stored');
  });

  test('an oversized photo is refused with 413', async () => {
    const huge = Buffer.concat([await photoWithExif(), Buffer.alloc(400 * 1024)]);
    const res = await upload(gw.url, huge);
    assert.equal(res.status, 413);
    assert.equal((await res.json())[0].kind, 'too-large');
  });

  test('one photo per request, in the field media; unknown names are 404', async () => {
    const form = new FormData();
    form.append('photo', new Blob([await photoWithExif()]), 'a.jpg');
    assert.equal((await fetch(`${gw.url}/media`, { method: 'POST', body: form })).status, 400);
    assert.equal((await fetch(`${gw.url}/media/../../etc/passwd`)).status, 404);
    assert.equal((await fetch(`${gw.url}/media/nothing.jpg`)).status, 404);
  });
});

describe('photos stored in S3 (s3rver)', () => {
  let upstream, gw, s3;
  before(async () => {
    upstream = await startUpstream();
    s3 = await startS3({ buckets: ['city-photos'] });
    gw = await startInProcess({
      upstream: upstream.base,
      allowOrigins: [ORIGIN],
      mediaStorage: 's3',
      s3Bucket: 'city-photos',
      s3Endpoint: s3.endpoint,
      s3ForcePathStyle: true,
      s3Prefix: 'reports/',
      s3AccessKeyId: s3.accessKeyId,
      s3SecretAccessKey: s3.secretAccessKey,
    });
  });
  after(async () => {
    await gw?.close();
    await upstream?.close();
    await s3?.stop();
  });

  test('the photo lands in the bucket without EXIF, at the URL returned', async () => {
    const res = await upload(gw.url, await photoWithExif());
    assert.equal(res.status, 201);
    const { url } = await res.json();
    assert.match(url, new RegExp(`^${s3.endpoint}/city-photos/reports/[0-9a-f-]{36}\\.jpg$`));
    const stored = await fetch(url);
    assert.equal(stored.status, 200);
    assert.equal(stored.headers.get('content-type'), 'image/jpeg');
    const meta = await sharp(Buffer.from(await stored.arrayBuffer())).metadata();
    assert.equal(meta.format, 'jpeg');
    assert.equal(meta.exif, undefined);
  });
});
