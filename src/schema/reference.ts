/**
 * Reference numbers as residents type, paste and share them. Case is kept (a city whose ids are case-insensitive
 * says so elsewhere); everything else that is not part of an id is forgiven: spaces ("1 234", thin and no-break
 * spaces too), "#", labels ("Ref: 1234", "No. 1234", "Request #1234"), quotes and brackets, full-width digits,
 * and pasted links to a request (our deep link `#cp-request=ID`, or the host page's `?request=ID`).
 *
 * An id is letters, digits, "-", "_", ".", "~" (the characters that survive a URL path and a comma-separated
 * batch call), 128 at most: provisional tokens (numbers, UUIDs, hashes) fit too.
 */
import { wellFormed } from './fields';

const DEFAULT_PARAM = 'request';
const HASH_KEY = 'cp-request';
/** Longer than any link a resident would paste: junk. */
const MAX_INPUT = 4096;
const ID = /^[\p{L}\p{N}._~-]{1,128}$/u;

/** Zero-width characters that ride along with copied text. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
/** Quotes and brackets around the whole input (and the full stop of the sentence it was copied from). */
const WRAPPERS = /^["'“”„‘’‚«»‹›()[\]{}<>]+|["'“”„‘’‚«»‹›()[\]{}<>.,;!]+$/g;
/** "Reference number: ", "Réf. : ", "Aktenzeichen:" — a label ending with a colon. */
const COLON_LABEL = /^\p{L}[\p{L}\p{M} .'’-]{0,40}[:：]\s*/u;
/** "No. 1234", "Nr 1234", "N° 1234", "Nº1234" — only before a number. */
const NUMBER_LABEL = /^(?:n°|(?:no|nr)(?:\.|\s))\s*(?=#?\s*\p{N})/iu;

const decode = (v: string): string => {
  try {
    return decodeURIComponent(v);
  } catch {
    return v; // a stray "%": left as is, and refused by ID
  }
};

/** The cleaned id, or undefined when `raw` is not one. */
function cleanId(raw: string): string | undefined {
  const id = raw
    .normalize('NFC')
    .replace(/\s+/g, '')
    .replace(/^#+/, '')
    .replace(/[.,;:!]+$/, '');
  return ID.test(id) && /[\p{L}\p{N}]/u.test(id) ? id : undefined;
}

/** The request id a page URL asks for (hash #cp-request=ID, or ?<queryParam>=ID), or undefined. The hash wins. */
export function requestFromUrl(url: string, options?: { queryParam?: string }): string | undefined {
  if (typeof url !== 'string' || url.length > MAX_INPUT) return undefined;
  const param = options?.queryParam || DEFAULT_PARAM;
  const hashAt = url.indexOf('#');
  const hash = hashAt < 0 ? '' : url.slice(hashAt + 1);
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  // The hash may carry other things for the host page's router: "#tab=2&cp-request=ID".
  const inHash = new RegExp(`(?:^|[&;?/])${HASH_KEY}=([^&;#]*)`).exec(hash)?.[1];
  if (inHash !== undefined) {
    const id = cleanId(decode(inHash));
    if (id) return id;
  }
  const queryAt = beforeHash.indexOf('?');
  if (queryAt < 0) return undefined;
  const value = new URLSearchParams(beforeHash.slice(queryAt + 1)).get(param);
  return value ? cleanId(value) : undefined;
}

/**
 * What a resident typed or pasted → the id to look up, or undefined when nothing usable. A pasted link that
 * carries no request (`https://city.example/page`) is undefined, not an id.
 */
export function parseReference(input: string, options?: { queryParam?: string }): string | undefined {
  if (typeof input !== 'string' || input.length > MAX_INPUT) return undefined;
  // NFKC: full-width digits and odd spaces become plain ones ("º" would become "o": kept apart for "Nº 12").
  let s = input.replace(/º/g, '°').normalize('NFKC').replace(INVISIBLE, '').trim();
  if (!s) return undefined;
  // Links, and the pieces of links people copy ("?request=12", "#cp-request=12"): ids have no / ? = &.
  if (/[/?=&]/.test(s)) {
    s = s.replace(WRAPPERS, '');
    // Just the parameter: "cp-request=12" (our hash without its "#") or "request=12".
    if (/^[^/?#]*=/.test(s)) s = (s.startsWith(`${HASH_KEY}=`) ? '#' : '?') + s;
    return requestFromUrl(s, options);
  }
  s = s.replace(WRAPPERS, '').trim().replace(COLON_LABEL, '').replace(NUMBER_LABEL, '').replace(WRAPPERS, '');
  // "Request #1234", "Ticket # 12-34": the id follows the last "#".
  const hashAt = s.lastIndexOf('#');
  if (hashAt >= 0) s = s.slice(hashAt + 1);
  return cleanId(s);
}

/** Our deep link for a request on the current page: the location without its hash + '#cp-request=' + the id. */
export function deepLink(id: string, base: string = globalThis.location?.href ?? ''): string {
  const at = base.indexOf('#');
  return `${at < 0 ? base : base.slice(0, at)}#${HASH_KEY}=${encodeURIComponent(wellFormed(id))}`;
}

/**
 * Does `id` look like a reference of this city? `pattern` is a configured `reference-pattern`: a regular
 * expression source ("^[0-9]{6}$", used as written: add ^…$ to anchor it) or a literal with flags ("/^req-\d+$/i").
 * No pattern, or one that is not a valid regular expression: true (never block a lookup on a configuration slip).
 */
export function matchesPattern(id: string, pattern?: string): boolean {
  if (!pattern) return true;
  try {
    const literal = /^\/(.+)\/([a-z]*)$/s.exec(pattern);
    return (literal ? new RegExp(literal[1]!, literal[2]) : new RegExp(pattern)).test(id);
  } catch {
    return true;
  }
}
