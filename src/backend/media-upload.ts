/**
 * Photos for servers that take only a URL (GeoReport v2's `media_url`): the city names an upload endpoint
 * (`media-upload` attribute) that takes the image and answers with where it now lives. XMLHttpRequest rather
 * than fetch, because only it reports upload progress, which residents on a slow phone connection need to see.
 *
 * The endpoint takes multipart/form-data with the JPEG in a field named `media` and answers `{"url": "…"}`
 * (also accepted: `{"media_url": …}`, `[{"url": …}]`, or the URL as plain text).
 */
import { z } from '../schema/zod';
import { statusError } from './http';
import { BackendError } from './types';

const Answer = z.transform((v: unknown, ctx) => {
  const first = Array.isArray(v) ? v[0] : v;
  const url =
    typeof first === 'string'
      ? first
      : first && typeof first === 'object'
        ? ((first as Record<string, unknown>).url ?? (first as Record<string, unknown>).media_url)
        : undefined;
  // It becomes media_url and an <img src>: a web address, nothing else.
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url.trim())) {
    ctx.issues.push({ code: 'custom', message: 'no http(s) url in the answer', input: v });
    return '';
  }
  return url.trim();
});

export function uploadMedia(
  endpoint: string,
  photo: Blob,
  name: string,
  options: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const fail = (e: BackendError) => {
      options.signal?.removeEventListener('abort', cancel);
      reject(e);
    };
    const cancel = () => xhr.abort();
    xhr.open('POST', endpoint);
    xhr.timeout = 120_000; // a big photo on a slow phone line
    xhr.upload.onprogress = (e) => e.lengthComputable && options.onProgress?.(e.loaded / e.total);
    xhr.onerror = () => fail(new BackendError('network', `Could not reach ${endpoint}`));
    xhr.ontimeout = () => fail(new BackendError('timeout', `No answer from ${endpoint}`));
    xhr.onabort = () => fail(new BackendError('aborted', 'Cancelled'));
    xhr.onload = () => {
      options.signal?.removeEventListener('abort', cancel);
      if (xhr.status < 200 || xhr.status > 299) {
        return reject(statusError(xhr.status, { get: (name) => xhr.getResponseHeader(name) }, 'Upload'));
      }
      let body: unknown = xhr.responseText.trim();
      try {
        body = JSON.parse(body as string);
      } catch {
        // a plain-text URL
      }
      const parsed = Answer.safeParse(body);
      if (parsed.success) resolve(parsed.data);
      else
        reject(new BackendError('invalid-response', 'Upload: the answer holds no web address', { status: xhr.status }));
    };
    if (options.signal?.aborted) return fail(new BackendError('aborted', 'Cancelled'));
    options.signal?.addEventListener('abort', cancel, { once: true });
    const form = new FormData();
    form.append('media', photo, name);
    xhr.send(form);
  });
}
