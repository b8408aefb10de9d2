/**
 * Files as a resident picks them: a JPEG photo (with GPS in its EXIF when given), and putting files into a file
 * input the way the browser does.
 */
import { withExif } from './exif-writer';

/** A JPEG photo of `width`×`height`: a green field with a dark square, so it is a picture, not one colour. */
export async function photoFile(
  name: string,
  width: number,
  height: number,
  gps?: { lat: number; long: number },
): Promise<File> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#7a6';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#333';
  ctx.fillRect(width / 4, height / 4, width / 2, height / 2);
  const jpeg = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg' })).arrayBuffer());
  return new File([gps ? withExif(jpeg, gps) : jpeg], name, { type: 'image/jpeg' });
}

/** Puts files into a file input as the browser does after the resident picks them. */
export function chooseFiles(input: HTMLInputElement, ...files: File[]): void {
  const list = new DataTransfer();
  for (const f of files) list.items.add(f);
  input.files = list.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
