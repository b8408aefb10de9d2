/** Photos for a report: checked, EXIF GPS read, scaled down and re-encoded as EXIF-free JPEG in the browser. */
export {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_SIDE,
  DEFAULT_QUALITY,
  DEFAULT_TARGET_BYTES,
  DEFAULT_THUMBNAIL_SIDE,
  MIN_QUALITY,
  MIN_SIDE,
  PhotoError,
  isPhotoError,
  preparePhoto,
  thumbnail,
} from './prepare';
export type { PhotoProblem, PreparedPhoto, PreparePhotoOptions } from './prepare';
export { hasExif, readExifGps } from './exif';
export type { GpsPosition } from './exif';
