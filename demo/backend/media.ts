/**
 * A photo upload endpoint for the demo and the tests, as a city would put next to an Open311 server that takes
 * only URLs: POST multipart/form-data with the image in `media`, answered with `{"url": "…"}` where the image is
 * then served. Photos live in memory (the demo forgets them on reload; the report keeps its preview).
 */
import { http, HttpResponse, delay } from 'msw';
import type { RequestHandler } from 'msw';

export const DEFAULT_MEDIA_PATH = '/media-upload';

export function createMediaHandlers(options: { path?: string; delayMs?: number } = {}): RequestHandler[] {
  const path = options.path ?? DEFAULT_MEDIA_PATH;
  const photos = new Map<string, Blob>();
  let next = 1;
  return [
    http.post(path, async ({ request }) => {
      if (options.delayMs) await delay(options.delayMs);
      const form = await request.formData().catch(() => undefined);
      const media = form?.get('media');
      if (!(media instanceof Blob) || !media.type.startsWith('image/')) {
        return HttpResponse.json({ message: 'Send one image in the "media" field.' }, { status: 400 });
      }
      const id = `photo-${next++}`;
      photos.set(id, media);
      return HttpResponse.json({ url: new URL(`${path}/${id}.jpg`, request.url).href }, { status: 201 });
    }),
    http.get(`${path}/:file`, ({ params }) => {
      const photo = photos.get(String(params['file']).replace(/\.jpg$/, ''));
      return photo
        ? new HttpResponse(photo, { headers: { 'Content-Type': photo.type } })
        : new HttpResponse('Not found', { status: 404 });
    }),
  ];
}
