/**
 * The Open311 adapter's options: apart from backend/open311.ts, so that its lazily loaded half
 * (open311-requests.ts) reads them without importing the module that imports it.
 */
import type { Format, XmlParser } from './decode';

export interface Open311Options {
  /** Base URL of the GeoReport v2 API, absolute, e.g. https://city.example/open311/v2. */
  endpoint: string;
  jurisdiction?: string | undefined;
  apiKey?: string | undefined;
  /** The resident's language: Accept-Language on every call (and `localeParam`, if set). */
  lang?: string | undefined;
  /** For servers known to take the language as a query parameter (GeoReport v2 has none): its name. */
  localeParam?: string | undefined;
  /** 'json' (default; falls back to XML by itself) or 'xml'. */
  format?: Format | undefined;
  /** Per attempt; default 15 s. */
  timeoutMs?: number;
  /** Extra attempts for GETs; default 2. */
  retries?: number;
  /** First backoff step in ms; default 600. */
  retryBaseMs?: number;
  /** Longest Retry-After waited for by ourselves, ms; default 10 s. */
  maxRetryAfterMs?: number;
  /** First wait between token polls, ms; default 2 s (then × 1.5, at most 10 s). */
  tokenPollMs?: number;
  /** How long to wait for a token's id, ms; default 2 min. */
  tokenTimeoutMs?: number;
  /** Parses XML answers; default the browser's DOMParser (Node has none: the gateway passes @xmldom/xmldom's). */
  xmlParser?: XmlParser;
  /** A fetch of your own (a proxy that signs calls, tests). */
  fetch?: typeof fetch;
  /**
   * Fields to add to each new report's POST, asked for as it is sent: a citizen-portal gateway's form token (it
   * refuses reports filed faster than a person can).
   */
  formFields?: () => Promise<Record<string, string>>;
  /** Where photos are uploaded (see backend/media-upload.ts), or 'post' to send them in the POST; else none. */
  mediaUpload?: string | undefined;
}
