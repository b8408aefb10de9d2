/**
 * Just enough of JPEG/EXIF to find where a photo was taken, and to tell whether a JPEG still carries EXIF at all.
 *
 * Everything here reads untrusted bytes: every offset is bounds-checked before it is read, IFD entry counts are
 * capped, no IFD chain is followed (so no pointer cycle can make us loop), and any malformed input yields
 * `undefined` / `false` / "no segment" — never an exception.
 */

export interface GpsPosition {
  lat: number;
  long: number;
}

/** A byte range [start, end) inside the input. */
export interface ByteRange {
  start: number;
  end: number;
}

type Bytes = ArrayBuffer | ArrayBufferView;

const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00]; // "Exif\0\0"
const MAX_SEGMENTS = 512; // markers walked before giving up (a real JPEG header has a handful)
const MAX_IFD_ENTRIES = 512; // real IFD0/GPS IFDs hold a few dozen at most

const TAG_GPS_IFD = 0x8825;
const TAG_GPS_LATITUDE_REF = 0x0001;
const TAG_GPS_LATITUDE = 0x0002;
const TAG_GPS_LONGITUDE_REF = 0x0003;
const TAG_GPS_LONGITUDE = 0x0004;

const TYPE_ASCII = 2;
const TYPE_LONG = 4;
const TYPE_RATIONAL = 5;
const TYPE_SRATIONAL = 10;
const TYPE_IFD = 13;

const toView = (bytes: Bytes): DataView | undefined => {
  try {
    if (bytes instanceof ArrayBuffer) return new DataView(bytes);
    if (ArrayBuffer.isView(bytes)) return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch {
    // A detached buffer, or something that only looks like one.
  }
  return undefined;
};

/**
 * Walks the marker segments of a JPEG header (up to the start of scan) and returns the byte range of each APP1
 * segment whose payload starts with "Exif\0\0" — the whole segment, from its first 0xFF to just past its last byte
 * (which may lie beyond the input when the input is a cut-off head of a file). Returns [] for anything that is
 * not a JPEG.
 */
export function findExifSegments(bytes: Bytes): ByteRange[] {
  const view = toView(bytes);
  if (!view) return [];
  const found: ByteRange[] = [];
  const size = view.byteLength;
  if (size < 4 || view.getUint8(0) !== 0xff || view.getUint8(1) !== 0xd8) return found;
  let pos = 2;
  for (let walked = 0; walked < MAX_SEGMENTS; walked++) {
    if (pos + 1 >= size || view.getUint8(pos) !== 0xff) return found;
    const start = pos;
    // Any number of 0xFF fill bytes may precede a marker.
    while (pos < size && view.getUint8(pos) === 0xff) pos++;
    if (pos >= size) return found;
    const marker = view.getUint8(pos);
    pos++;
    if (marker === 0xd9 || marker === 0xda) return found; // EOI, or start of scan: no metadata after this
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // stand-alone markers, no length
    if (pos + 2 > size) return found;
    const length = view.getUint16(pos); // includes its own two bytes
    if (length < 2) return found;
    const payload = pos + 2;
    const end = pos + length;
    // A segment cut short by the end of the input still counts (its end then lies past the input).
    if (marker === 0xe1 && length >= 2 + EXIF_HEADER.length && payload + EXIF_HEADER.length <= size) {
      if (EXIF_HEADER.every((b, i) => view.getUint8(payload + i) === b)) found.push({ start, end });
    }
    pos = end;
  }
  return found;
}

/** True if the bytes are a JPEG with an APP1 "Exif" segment before the image data. */
export function hasExif(bytes: Bytes): boolean {
  return findExifSegments(bytes).length > 0;
}

/** A bounds-checked reader over the TIFF structure inside one EXIF segment. Offsets are relative to the TIFF header. */
class Tiff {
  constructor(
    private readonly view: DataView,
    private readonly base: number,
    readonly length: number,
    private readonly little: boolean,
  ) {}

  fits(offset: number, count: number): boolean {
    return Number.isInteger(offset) && offset >= 0 && count >= 0 && offset + count <= this.length;
  }

  u8(offset: number): number | undefined {
    return this.fits(offset, 1) ? this.view.getUint8(this.base + offset) : undefined;
  }

  u16(offset: number): number | undefined {
    return this.fits(offset, 2) ? this.view.getUint16(this.base + offset, this.little) : undefined;
  }

  u32(offset: number): number | undefined {
    return this.fits(offset, 4) ? this.view.getUint32(this.base + offset, this.little) : undefined;
  }

  i32(offset: number): number | undefined {
    return this.fits(offset, 4) ? this.view.getInt32(this.base + offset, this.little) : undefined;
  }
}

interface IfdEntry {
  type: number;
  count: number;
  /** Offset of the 4-byte value/offset field of the entry. */
  field: number;
}

/** Reads an IFD's entries into a map by tag (first occurrence wins). No next-IFD link is followed. */
const readIfd = (tiff: Tiff, offset: number): Map<number, IfdEntry> | undefined => {
  const count = tiff.u16(offset);
  if (count === undefined || count > MAX_IFD_ENTRIES || !tiff.fits(offset + 2, count * 12)) return undefined;
  const entries = new Map<number, IfdEntry>();
  for (let i = 0; i < count; i++) {
    const at = offset + 2 + i * 12;
    const tag = tiff.u16(at);
    const type = tiff.u16(at + 2);
    const n = tiff.u32(at + 4);
    if (tag === undefined || type === undefined || n === undefined) return undefined;
    if (!entries.has(tag)) entries.set(tag, { type, count: n, field: at + 8 });
  }
  return entries;
};

/** Where an entry's value lives: inline in the field when it fits in 4 bytes, else at the offset stored there. */
const valueOffset = (tiff: Tiff, entry: IfdEntry, byteSize: number): number | undefined => {
  const total = entry.count * byteSize;
  if (!Number.isSafeInteger(total)) return undefined;
  const at = total <= 4 ? entry.field : tiff.u32(entry.field);
  return at !== undefined && tiff.fits(at, total) ? at : undefined;
};

/** "N"/"S"/"E"/"W" → +1/−1 for the expected pair; anything else → undefined. */
const readRef = (tiff: Tiff, entry: IfdEntry | undefined, positive: string, negative: string): 1 | -1 | undefined => {
  if (!entry || entry.type !== TYPE_ASCII || entry.count < 1) return undefined;
  const at = valueOffset(tiff, entry, 1);
  if (at === undefined) return undefined;
  const code = tiff.u8(at);
  if (code === undefined) return undefined;
  const letter = String.fromCharCode(code).toUpperCase();
  if (letter === positive) return 1;
  if (letter === negative) return -1;
  return undefined;
};

/** Three (S)RATIONALs — degrees, minutes, seconds — as decimal degrees (unsigned). */
const readDms = (tiff: Tiff, entry: IfdEntry | undefined): number | undefined => {
  if (!entry || (entry.type !== TYPE_RATIONAL && entry.type !== TYPE_SRATIONAL) || entry.count < 3) return undefined;
  const at = valueOffset(tiff, entry, 8); // all `count` values must lie inside the segment; the first 3 are used
  if (at === undefined) return undefined;
  const parts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const signed = entry.type === TYPE_SRATIONAL;
    const num = signed ? tiff.i32(at + i * 8) : tiff.u32(at + i * 8);
    const den = signed ? tiff.i32(at + i * 8 + 4) : tiff.u32(at + i * 8 + 4);
    if (num === undefined || den === undefined) return undefined;
    if (den === 0) {
      // Some cameras write 0/0 for an unused minutes/seconds field; a 0/0 degree, or n/0, is nonsense.
      if (num !== 0 || i === 0) return undefined;
      parts.push(0);
    } else {
      const value = num / den;
      if (value < 0) return undefined;
      parts.push(value);
    }
  }
  const [deg = 0, min = 0, sec = 0] = parts;
  return deg + min / 60 + sec / 3600;
};

const gpsFromSegment = (view: DataView, segment: ByteRange): GpsPosition | undefined => {
  // The segment is FF E1, a 2-byte length, "Exif\0\0", then the TIFF header — fill bytes may precede E1.
  let tiffStart = segment.start;
  while (tiffStart < segment.end && view.getUint8(tiffStart) === 0xff) tiffStart++;
  tiffStart += 1 + 2 + EXIF_HEADER.length;
  const tiffLength = Math.min(segment.end, view.byteLength) - tiffStart;
  if (tiffLength < 8) return undefined;
  const order = view.getUint16(tiffStart);
  if (order !== 0x4949 && order !== 0x4d4d) return undefined; // "II" little-endian, "MM" big-endian
  const tiff = new Tiff(view, tiffStart, tiffLength, order === 0x4949);
  if (tiff.u16(2) !== 42) return undefined;
  const ifd0Offset = tiff.u32(4);
  if (ifd0Offset === undefined) return undefined;
  const ifd0 = readIfd(tiff, ifd0Offset);
  const pointer = ifd0?.get(TAG_GPS_IFD);
  if (!pointer || (pointer.type !== TYPE_LONG && pointer.type !== TYPE_IFD) || pointer.count < 1) return undefined;
  const gpsOffset = tiff.u32(pointer.field);
  if (gpsOffset === undefined) return undefined;
  const gps = readIfd(tiff, gpsOffset);
  if (!gps) return undefined;
  const latSign = readRef(tiff, gps.get(TAG_GPS_LATITUDE_REF), 'N', 'S');
  const longSign = readRef(tiff, gps.get(TAG_GPS_LONGITUDE_REF), 'E', 'W');
  const lat = readDms(tiff, gps.get(TAG_GPS_LATITUDE));
  const long = readDms(tiff, gps.get(TAG_GPS_LONGITUDE));
  if (latSign === undefined || longSign === undefined || lat === undefined || long === undefined) return undefined;
  if (!Number.isFinite(lat) || !Number.isFinite(long) || lat > 90 || long > 180) return undefined;
  // 0,0 is what many devices write when they had no fix; it is never a street in a city.
  if (lat === 0 && long === 0) return undefined;
  // `+ 0` turns a -0 into 0.
  return { lat: latSign * lat + 0, long: longSign * long + 0 };
};

/**
 * Reads the GPS position from a JPEG's EXIF metadata, as signed decimal degrees (south and west negative).
 * Returns undefined when there is none, or when anything about it is missing, out of range, truncated or corrupt.
 * Only the JPEG header is needed: the first 128 KiB of a file is plenty for any real camera.
 */
export function readExifGps(bytes: Bytes): GpsPosition | undefined {
  try {
    const view = toView(bytes);
    if (!view) return undefined;
    for (const segment of findExifSegments(view)) {
      const position = gpsFromSegment(view, segment);
      if (position) return position;
    }
  } catch {
    // Every read above is bounds-checked; this is a last line of defence, not a code path.
  }
  return undefined;
}
