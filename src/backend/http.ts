/**
 * One HTTP exchange with a city's server: a timeout on every attempt, the caller's cancellation, and for GETs
 * retries with jittered exponential backoff on network failures, 502/503/504 and 429 (waiting as long as
 * Retry-After asks, within reason). POSTs are never retried: a retry could file the same problem twice.
 * Answers of any status come back as they are; backend/open311.ts decides what they mean.
 */
import { takePrefetched } from './prefetch';
import { BackendError } from './types';

export interface HttpOptions {
  fetch: typeof fetch;
  /** Per attempt. */
  timeoutMs: number;
  /** Extra attempts for GETs. */
  retries: number;
  /** First backoff step; doubles each retry, with full jitter. */
  retryBaseMs: number;
  /** Longest Retry-After we wait for by ourselves; a longer one is reported to the resident instead. */
  maxRetryAfterMs: number;
  /** The resident's language, sent as Accept-Language. */
  lang?: string | undefined;
}

export interface HttpAnswer {
  status: number;
  ok: boolean;
  headers: Headers;
  body: string;
}

const RETRY_STATUSES = new Set([429, 502, 503, 504]);

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(headers: Pick<Headers, 'get'>): number | undefined {
  const value = headers.get('Retry-After')?.trim();
  if (!value) return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

/**
 * What an HTTP error status means, the same for every server we call (Open311, the geocoder, photo uploads, the
 * boundary): 401 and 403 `forbidden`, 404 `not-found`, 429 `rate-limited` (with Retry-After, as seconds or an
 * HTTP date, in whole seconds), anything else `http`; the status is always in the details. `what` names the call
 * for the console; `serverMessage` is the server's own explanation, plain text, when it gave one.
 */
export function statusError(
  status: number,
  headers: Pick<Headers, 'get'>,
  what: string,
  serverMessage?: string,
): BackendError {
  const details = { status, serverMessage };
  if (status === 404) return new BackendError('not-found', `${what}: not found (HTTP 404)`, details);
  if (status === 401 || status === 403)
    return new BackendError('forbidden', `${what}: refused (HTTP ${status})`, details);
  if (status === 429) {
    const ms = retryAfterMs(headers);
    return new BackendError('rate-limited', `${what}: too many requests (HTTP 429)`, {
      ...details,
      ...(ms !== undefined ? { retryAfterSeconds: Math.ceil(ms / 1000) } : {}),
    });
  }
  return new BackendError('http', `${what}: HTTP ${status}`, details);
}

/** Waits, unless the caller cancels first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new BackendError('aborted', 'Cancelled'));
    const done = () => {
      signal?.removeEventListener('abort', cancel);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const cancel = () => {
      clearTimeout(timer);
      reject(new BackendError('aborted', 'Cancelled'));
    };
    signal?.addEventListener('abort', cancel, { once: true });
  });
}

/** One attempt, with its own timeout tied to the caller's signal. */
async function attempt(opts: HttpOptions, url: URL, init: RequestInit, signal?: AbortSignal): Promise<HttpAnswer> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, opts.timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) controller.abort();
  try {
    const headers = init.headers as Record<string, string>;
    const early =
      init.method === 'GET' ? takePrefetched(url.href, headers.Accept!, headers['Accept-Language']) : undefined;
    const res = await (early
      ? // Started before the widget evaluated (src/start.ts); this attempt's timeout and cancelling still hold.
        Promise.race([early, new Promise<never>((_, reject) => controller.signal.addEventListener('abort', reject))])
      : opts.fetch(url, { ...init, signal: controller.signal }));
    return { status: res.status, ok: res.ok, headers: res.headers, body: await res.text() };
  } catch (cause) {
    if (signal?.aborted) throw new BackendError('aborted', 'Cancelled');
    if (timedOut) throw new BackendError('timeout', `No answer from ${url.origin} within ${opts.timeoutMs} ms`);
    throw new BackendError('network', `Could not reach ${url.origin}: ${String(cause)}`);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

export async function send(
  opts: HttpOptions,
  url: URL,
  request: { method: 'GET' | 'POST'; body?: URLSearchParams | FormData; accept: string },
  signal?: AbortSignal,
): Promise<HttpAnswer> {
  // Only CORS-safelisted headers, so no preflight: many city servers never answer OPTIONS.
  const headers: Record<string, string> = { Accept: request.accept };
  if (opts.lang) headers['Accept-Language'] = opts.lang;
  const init: RequestInit = { method: request.method, headers, body: request.body ?? null, credentials: 'omit' };
  const retries = request.method === 'GET' ? opts.retries : 0;

  for (let n = 0; ; n++) {
    let answer: HttpAnswer | undefined;
    let failure: BackendError | undefined;
    try {
      answer = await attempt(opts, url, init, signal);
    } catch (e) {
      failure = e as BackendError;
      if (failure.kind !== 'network') throw failure;
    }
    if (n >= retries || (answer && !RETRY_STATUSES.has(answer.status))) {
      if (answer) return answer;
      throw failure!;
    }
    const asked = answer?.status === 429 ? retryAfterMs(answer.headers) : undefined;
    if (asked !== undefined && asked > opts.maxRetryAfterMs) return answer!; // too long: tell the resident
    await sleep(asked ?? Math.random() * opts.retryBaseMs * 2 ** n, signal);
  }
}
