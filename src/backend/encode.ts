/** GeoReport v2 POST body: application/x-www-form-urlencoded, attributes as attribute[CODE] and attribute[CODE][]. */
import type { NewRequest } from '../schema/new-request';

/** What the adapter adds to the resident's fields: the server's scope and key, and a gateway's fields. */
export interface Extra {
  jurisdiction?: string | undefined;
  apiKey?: string | undefined;
  fields?: Record<string, string>;
}

export function encodeRequest(request: NewRequest, extra: Extra = {}): URLSearchParams {
  const body = new URLSearchParams();
  const add = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') body.append(key, String(value));
  };
  if (extra.apiKey) add('api_key', extra.apiKey);
  if (extra.jurisdiction) add('jurisdiction_id', extra.jurisdiction);
  for (const [key, value] of Object.entries(extra.fields ?? {})) add(key, value);
  const { attributes, media: _, captcha, ...fields } = request;
  for (const [key, value] of Object.entries(fields)) add(key, value);
  add('captcha_token', captcha);
  for (const [code, value] of Object.entries(attributes)) {
    if (Array.isArray(value)) for (const v of value) add(`attribute[${code}][]`, v);
    else add(`attribute[${code}]`, value);
  }
  return body;
}

/** The same fields as multipart/form-data, with the photos as files in `media` (servers that take files). */
export function encodeRequestWithMedia(request: NewRequest, extra: Extra = {}): FormData {
  const form = new FormData();
  for (const [key, value] of encodeRequest(request, extra)) form.append(key, value);
  for (const photo of request.media ?? []) form.append('media', photo.blob, photo.name);
  return form;
}
