/** GeoReport v2 POST body: application/x-www-form-urlencoded, attributes as attribute[CODE] and attribute[CODE][]. */
import type { NewRequest } from '../schema/new-request';

export function encodeRequest(
  request: NewRequest,
  extra: { jurisdiction?: string | undefined; apiKey?: string | undefined } = {},
): URLSearchParams {
  const body = new URLSearchParams();
  const add = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') body.append(key, String(value));
  };
  if (extra.apiKey) add('api_key', extra.apiKey);
  if (extra.jurisdiction) add('jurisdiction_id', extra.jurisdiction);
  const { attributes, media: _, ...fields } = request;
  for (const [key, value] of Object.entries(fields)) add(key, value);
  for (const [code, value] of Object.entries(attributes)) {
    if (Array.isArray(value)) for (const v of value) add(`attribute[${code}][]`, v);
    else add(`attribute[${code}]`, value);
  }
  return body;
}

/** The same fields as multipart/form-data, with the photos as files in `media` (servers that take files). */
export function encodeRequestWithMedia(
  request: NewRequest,
  extra: { jurisdiction?: string | undefined; apiKey?: string | undefined } = {},
): FormData {
  const form = new FormData();
  for (const [key, value] of encodeRequest(request, extra)) form.append(key, value);
  for (const photo of request.media ?? []) form.append('media', photo.blob, photo.name);
  return form;
}
