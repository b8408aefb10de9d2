/**
 * Writes the EXIF a phone camera would: a TIFF header in either byte order, IFD0 (optionally with an Orientation
 * tag) pointing at a GPS IFD with GPSVersionID, GPSLatitudeRef/GPSLatitude and GPSLongitudeRef/GPSLongitude as
 * degrees/minutes/seconds RATIONALs — then wraps it in an APP1 "Exif\0\0" segment and splices it into a JPEG.
 */

export type ByteOrder = 'II' | 'MM';

export interface ExifSpec {
  /** Signed decimal degrees; with `long`, adds the GPS IFD. */
  lat?: number;
  long?: number;
  byteOrder?: ByteOrder;
  /** EXIF Orientation (1–8), written into IFD0 when given. */
  orientation?: number;
}

type Rational = [numerator: number, denominator: number];

/** |value| as degrees, minutes and seconds, seconds to 1/10000 — computed in integers so nothing rounds to 60. */
export function toDms(value: number): [Rational, Rational, Rational] {
  const total = Math.round(Math.abs(value) * 3600 * 10000); // in 1/10000 s
  const degrees = Math.floor(total / (3600 * 10000));
  const minutes = Math.floor((total % (3600 * 10000)) / (60 * 10000));
  const seconds = total % (60 * 10000);
  return [
    [degrees, 1],
    [minutes, 1],
    [seconds, 10000],
  ];
}

interface Entry {
  tag: number;
  type: number;
  count: number;
  /** Bytes that fit in the 4-byte field (written left-justified), or a function writing the value elsewhere. */
  inline?: (view: DataView, at: number, little: boolean) => void;
  data?: { size: number; write: (view: DataView, at: number, little: boolean) => void };
}

const SHORT = 3;
const LONG = 4;
const BYTE = 1;
const ASCII = 2;
const RATIONAL = 5;

const rationals =
  (values: Rational[]) =>
  (view: DataView, at: number, little: boolean): void => {
    values.forEach(([n, d], i) => {
      view.setUint32(at + i * 8, n, little);
      view.setUint32(at + i * 8 + 4, d, little);
    });
  };

const asciiRef = (letter: string) => (view: DataView, at: number) => {
  view.setUint8(at, letter.charCodeAt(0));
  view.setUint8(at + 1, 0);
};

/** The TIFF structure (what follows "Exif\0\0"). */
export function buildTiff(spec: ExifSpec): Uint8Array<ArrayBuffer> {
  const little = (spec.byteOrder ?? 'II') === 'II';
  const hasGps = spec.lat !== undefined && spec.long !== undefined;
  const ifd0: Entry[] = [];
  if (spec.orientation !== undefined) {
    const orientation = spec.orientation;
    ifd0.push({ tag: 0x0112, type: SHORT, count: 1, inline: (v, at, le) => v.setUint16(at, orientation, le) });
  }
  const gpsIfd: Entry[] = [];
  if (hasGps) {
    const lat = spec.lat!;
    const long = spec.long!;
    ifd0.push({ tag: 0x8825, type: LONG, count: 1 }); // value patched below
    gpsIfd.push(
      { tag: 0x0000, type: BYTE, count: 4, inline: (v, at) => [2, 3, 0, 0].forEach((b, i) => v.setUint8(at + i, b)) },
      { tag: 0x0001, type: ASCII, count: 2, inline: asciiRef(lat < 0 ? 'S' : 'N') },
      { tag: 0x0002, type: RATIONAL, count: 3, data: { size: 24, write: rationals(toDms(lat)) } },
      { tag: 0x0003, type: ASCII, count: 2, inline: asciiRef(long < 0 ? 'W' : 'E') },
      { tag: 0x0004, type: RATIONAL, count: 3, data: { size: 24, write: rationals(toDms(long)) } },
    );
  }

  const ifdSize = (entries: Entry[]) => 2 + entries.length * 12 + 4;
  const dataSize = (entries: Entry[]) => entries.reduce((sum, e) => sum + (e.data?.size ?? 0), 0);
  const ifd0At = 8;
  const gpsAt = ifd0At + ifdSize(ifd0) + dataSize(ifd0);
  const total = gpsAt + (hasGps ? ifdSize(gpsIfd) + dataSize(gpsIfd) : 0);

  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, little ? 0x4949 : 0x4d4d);
  view.setUint16(2, 42, little);
  view.setUint32(4, ifd0At, little);

  const writeIfd = (entries: Entry[], at: number) => {
    view.setUint16(at, entries.length, little);
    let dataAt = at + ifdSize(entries);
    entries.forEach((entry, i) => {
      const e = at + 2 + i * 12;
      view.setUint16(e, entry.tag, little);
      view.setUint16(e + 2, entry.type, little);
      view.setUint32(e + 4, entry.count, little);
      if (entry.tag === 0x8825) view.setUint32(e + 8, gpsAt, little);
      else if (entry.inline) entry.inline(view, e + 8, little);
      else if (entry.data) {
        view.setUint32(e + 8, dataAt, little);
        entry.data.write(view, dataAt, little);
        dataAt += entry.data.size;
      }
    });
    view.setUint32(at + 2 + entries.length * 12, 0, little); // no next IFD
  };
  writeIfd(ifd0, ifd0At);
  if (hasGps) writeIfd(gpsIfd, gpsAt);
  return bytes;
}

/** A whole APP1 segment: FF E1, big-endian length, "Exif\0\0", TIFF. */
export function exifSegment(spec: ExifSpec): Uint8Array<ArrayBuffer> {
  return app1([...'Exif'].map((c) => c.charCodeAt(0)).concat(0, 0), buildTiff(spec));
}

/** An APP1 XMP segment, which cameras often put next to the EXIF one. */
export function xmpSegment(): Uint8Array<ArrayBuffer> {
  const text = 'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x="adobe:ns:meta/"></x:xmpmeta>';
  return app1(
    [...text].map((c) => c.charCodeAt(0)),
    new Uint8Array(0),
  );
}

function app1(header: number[], body: Uint8Array): Uint8Array<ArrayBuffer> {
  const length = 2 + header.length + body.length;
  if (length > 0xffff) throw new Error('APP1 segment too long');
  const out = new Uint8Array(2 + length);
  out.set([0xff, 0xe1, length >> 8, length & 0xff]);
  out.set(header, 4);
  out.set(body, 4 + header.length);
  return out;
}

/** Inserts segments right after the JPEG's SOI marker. */
export function spliceSegments(jpeg: Uint8Array, ...segments: Uint8Array[]): Uint8Array<ArrayBuffer> {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  const extra = segments.reduce((sum, s) => sum + s.length, 0);
  const out = new Uint8Array(jpeg.length + extra);
  out.set(jpeg.subarray(0, 2), 0);
  let at = 2;
  for (const segment of segments) {
    out.set(segment, at);
    at += segment.length;
  }
  out.set(jpeg.subarray(2), at);
  return out;
}

/** A JPEG with an EXIF segment for `spec` spliced in. */
export const withExif = (jpeg: Uint8Array, spec: ExifSpec): Uint8Array<ArrayBuffer> =>
  spliceSegments(jpeg, exifSegment(spec));
