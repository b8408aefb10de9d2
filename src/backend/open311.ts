/**
 * The Open311 GeoReport v2 adapter (JSON). Every response is parsed by a zod schema from schema/open311;
 * every failure becomes a BackendError with a kind the elements turn into a plain sentence.
 */
import { z } from '../schema/zod';
import {
  ErrorBodySchema,
  PostResultListSchema,
  ServiceDefinitionSchema,
  ServiceListSchema,
  ServiceRequestListSchema,
} from '../schema/open311';
import { encodeRequest } from './encode';
import { BackendError, type Backend, type SubmitResult } from './types';

export interface Open311Options {
  /** Base URL of the GeoReport v2 API, e.g. https://city.example/open311/v2 (absolute). */
  endpoint: string;
  jurisdiction?: string | undefined;
  apiKey?: string | undefined;
  /** The resident's language, sent as Accept-Language. */
  lang?: string | undefined;
  /** Per call; default 20 s. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 20_000;

/** The server's own explanation from an error body, as plain text (never markup), or undefined for HTML pages. */
function serverMessage(body: string): string | undefined {
  if (!body.trim() || /^\s*</.test(body)) return undefined;
  try {
    const parsed = ErrorBodySchema.safeParse(JSON.parse(body));
    const first = parsed.success ? parsed.data[0] : undefined;
    const text = first?.description ?? first?.message;
    return text ? text.slice(0, 300) : undefined;
  } catch {
    return undefined;
  }
}

function errorForStatus(res: Response, body: string): BackendError {
  const details = { status: res.status, serverMessage: serverMessage(body) };
  switch (res.status) {
    case 404:
      return new BackendError('not-found', `Not found (HTTP 404)`, details);
    case 401:
    case 403:
      return new BackendError('forbidden', `Refused (HTTP ${res.status})`, details);
    case 429: {
      const seconds = Number(res.headers.get('Retry-After'));
      return new BackendError('rate-limited', 'Too many requests (HTTP 429)', {
        ...details,
        ...(Number.isFinite(seconds) && seconds > 0 ? { retryAfterSeconds: seconds } : {}),
      });
    }
    default:
      return new BackendError('http', `HTTP ${res.status}`, details);
  }
}

export function createOpen311Backend(options: Open311Options): Backend {
  const base = options.endpoint.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function call<S extends z.ZodMiniType>(
    path: string,
    schema: S,
    init: { method?: 'GET' | 'POST'; query?: URLSearchParams; body?: URLSearchParams; signal?: AbortSignal | undefined },
  ): Promise<z.output<S>> {
    const url = new URL(`${base}/${path}`);
    if (init.query) for (const [k, v] of init.query) url.searchParams.append(k, v);

    // One controller per call: our timeout and the caller's cancellation (element removed) both abort it.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    init.signal?.addEventListener('abort', onAbort, { once: true });
    if (init.signal?.aborted) controller.abort();

    try {
      // Only CORS-safelisted headers, so no preflight: many city servers never answer OPTIONS.
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (options.lang) headers['Accept-Language'] = options.lang;
      let res: Response;
      let body: string;
      try {
        res = await fetch(url, {
          method: init.method ?? 'GET',
          headers,
          body: init.body ?? null,
          signal: controller.signal,
          credentials: 'omit',
        });
        body = await res.text();
      } catch (cause) {
        if (timedOut) throw new BackendError('timeout', `No answer from ${url.origin} in ${timeoutMs} ms`);
        if (init.signal?.aborted) throw new BackendError('aborted', 'Cancelled');
        throw new BackendError('network', `Could not reach ${url.origin}: ${String(cause)}`);
      }
      if (!res.ok) throw errorForStatus(res, body);
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        throw new BackendError('invalid-response', `${path}: the answer is not JSON`, { status: res.status });
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue ? issue.path.join('.') : '';
        throw new BackendError('invalid-response', `${path}: unexpected answer at "${where}": ${issue?.message}`, {
          status: res.status,
          path: where,
        });
      }
      return parsed.data;
    } finally {
      clearTimeout(timer);
      init.signal?.removeEventListener('abort', onAbort);
    }
  }

  const scope = () => {
    const q = new URLSearchParams();
    if (options.jurisdiction) q.set('jurisdiction_id', options.jurisdiction);
    return q;
  };

  return {
    services: (signal) => call('services.json', ServiceListSchema, { query: scope(), signal }),

    serviceDefinition: (code, signal) =>
      call(`services/${encodeURIComponent(code)}.json`, ServiceDefinitionSchema, { query: scope(), signal }),

    async submit(request, signal): Promise<SubmitResult> {
      const body = encodeRequest(request, { jurisdiction: options.jurisdiction, apiKey: options.apiKey });
      const [first] = await call('requests.json', PostResultListSchema, { method: 'POST', body, signal });
      const result: SubmitResult = {};
      if (first?.service_request_id) result.serviceRequestId = first.service_request_id;
      if (first?.token) result.token = first.token;
      if (first?.service_notice) result.notice = first.service_notice;
      return result;
    },

    async request(id, signal) {
      const list = await call(`requests/${encodeURIComponent(id)}.json`, ServiceRequestListSchema, {
        query: scope(),
        signal,
      });
      const found = list.find((r) => r.service_request_id === id) ?? list[0];
      if (!found) throw new BackendError('not-found', `No request ${id}`);
      return found;
    },
  };
}
