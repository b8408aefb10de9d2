/**
 * The gateway as one Hono app (web-standard Request → Response), the same on Node (node.ts) and on fetch
 * platforms (worker.ts). It answers the GeoReport v2 calls the widget makes in clean JSON, through the widget's own
 * Open311 client (src/backend/open311.ts: every dialect, JSON or XML), adds what browsers must never hold
 * (api_key, jurisdiction_id), keeps the city's server from abuse, and stores photos.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createOpen311Backend, type Open311Backend } from '../../src/backend/open311';
import type { XmlParser } from '../../src/backend/decode';
import type { NewRequest } from '../../src/backend/types';
import type { Config } from './config';
import { errorBody, fromUpstream, GatewayError } from './errors';
import { acceptImage, tooLarge, type ImageProcessor, type MediaStorage } from './media';
import type { Cache, RateLimiter } from './stores';
import { CAPTCHA_FIELDS, checkHoneypot, FORM_TOKEN_FIELD, formTokens, VERIFY_URLS, verifyCaptcha } from './traps';

export type LogFields = Record<string, unknown>;
export type Logger = (level: 'debug' | 'info' | 'warn' | 'error', msg: string, fields?: LogFields) => void;

export interface GatewayDeps {
  config: Config;
  cache: Cache;
  /** Absent: POSTs are not rate-limited. */
  limiter?: RateLimiter | undefined;
  /** Absent (or no processor): POST /media answers 501. */
  storage?: MediaStorage | undefined;
  processImage?: ImageProcessor | undefined;
  xmlParser: XmlParser;
  /** The client's address, as the platform knows it (the socket, a header the platform sets). */
  clientIp: (c: Context) => string | undefined;
  log: Logger;
  /** The secret that signs form tokens (config.formSecret, or one made up per process). */
  formSecret: string;
  /** For calls to the upstream and the CAPTCHA service; default the global fetch. */
  fetch?: typeof fetch;
  /** Extra checks for GET /health (e.g. Redis): throw when unhealthy. */
  healthChecks?: Record<string, () => Promise<unknown>>;
}

/** The GeoReport v2 fields a browser may send; everything else (api_key, jurisdiction_id, …) is dropped. */
const FIELDS = new Set([
  'service_code',
  'lat',
  'long',
  'address_string',
  'address_id',
  'description',
  'email',
  'first_name',
  'last_name',
  'phone',
  'media_url',
  'device_id',
  'account_id',
]);
const ROUTE = /^\/(discovery|services|requests|request|tokens)(?:\/([^/]+))?\.(json|xml)$/i;
const LANG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;
const REQUEST_ID = /^[\w.-]{1,64}$/;
const CORS_HEADERS = ['accept', 'accept-language', 'content-type', 'content-language', 'x-request-id'];

/** The resident's language from Accept-Language (its first tag), for the upstream and the cache key. */
function language(header: string | undefined): string | undefined {
  const first = header?.split(',')[0]?.split(';')[0]?.trim();
  return first && LANG.test(first) ? first.toLowerCase() : undefined;
}

/** IPv6 clients are limited per /64 (one household), IPv4 per address. */
export function rateKey(ip: string): string {
  const v4 = ip.match(/^(?:::ffff:)?(\d+\.\d+\.\d+\.\d+)$/i);
  if (v4) return v4[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const full = ip.includes('::') ? [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t] : h;
  return `${full.slice(0, 4).join(':')}::/64`;
}

export function createGateway(deps: GatewayDeps) {
  const { config, cache, log } = deps;
  const fetchFn = deps.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const publicUrl = config.publicUrl ?? `http://${config.host}:${config.port}`;
  const allowAll = config.allowOrigins.includes('*');
  const allowed = new Set(config.allowOrigins);
  const tokens = config.minFillSeconds > 0 ? formTokens(deps.formSecret, config.minFillSeconds) : undefined;
  const mediaOn = !!(deps.storage && deps.processImage);

  /** One Open311 client per language (Accept-Language goes upstream); each learns the server's dialect. */
  const backends = new Map<string, Open311Backend>();
  const backendFor = (lang: string | undefined, tokenOnce = false) => {
    const key = `${lang ?? ''}|${tokenOnce}`;
    let b = backends.get(key);
    if (!b) {
      if (backends.size > 64) backends.clear();
      b = createOpen311Backend({
        endpoint: config.upstream,
        jurisdiction: config.jurisdictionId,
        apiKey: config.apiKey,
        lang,
        format: config.upstreamFormat,
        timeoutMs: config.upstreamTimeoutMs,
        retries: config.upstreamRetries,
        retryBaseMs: 200,
        // An upstream 429 goes straight back to the browser, Retry-After and all.
        maxRetryAfterMs: 0,
        // tokens/{t}: ask once per browser poll; the browser does the waiting.
        tokenTimeoutMs: 0,
        fetch: fetchFn as typeof fetch,
        xmlParser: deps.xmlParser,
      });
      backends.set(key, b);
    }
    return b;
  };

  /** Cached (memory or Redis) and single-flight: many browsers asking at once make one upstream call. */
  const inflight = new Map<string, Promise<string>>();
  async function cached(c: Context, key: string, load: () => Promise<unknown>): Promise<string> {
    if (config.cacheTtlSeconds > 0) {
      const hit = await cache.get(key);
      if (hit !== undefined) {
        c.set('cache', 'HIT');
        return hit;
      }
    }
    c.set('cache', 'MISS');
    let p = inflight.get(key);
    if (!p) {
      p = (async () => {
        const text = JSON.stringify(await load());
        if (config.cacheTtlSeconds > 0) await cache.set(key, text, config.cacheTtlSeconds);
        return text;
      })().finally(() => inflight.delete(key));
      inflight.set(key, p);
    }
    return p;
  }

  const json = (c: Context, text: string, status = 200, cacheControl = 'no-store') =>
    c.body(text, status as 200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': cacheControl });

  async function limit(c: Context) {
    if (!deps.limiter || config.rateLimitCapacity === 0) return;
    const ip = deps.clientIp(c);
    if (!ip) return;
    const r = await deps.limiter.take(rateKey(ip));
    if (!r.allowed) {
      throw new GatewayError(429, 'rate-limited', 'Too many reports from this connection; please wait a moment.', {
        'Retry-After': String(Math.max(1, Math.ceil(r.retryAfterMs / 1000))),
      });
    }
  }

  const app = new Hono<{ Variables: { requestId: string; cache: string } }>();

  // Request ids and one structured log line per request: method, path, status, time. Never bodies or queries
  // (descriptions, names, e-mails, phones, coordinates), nor client addresses.
  app.use('*', async (c, next) => {
    const start = Date.now();
    const given = c.req.header('X-Request-Id');
    const id = given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
    c.set('requestId', id);
    await next();
    try {
      c.res.headers.set('X-Request-Id', id);
    } catch {
      /* immutable headers */
    }
    log('info', 'request', {
      requestId: id,
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      status: c.res.status,
      ms: Date.now() - start,
      ...(c.get('cache') && { cache: c.get('cache') }),
      ...(c.res.status >= 400 && { error: c.res.headers.get('X-Gateway-Error') ?? undefined }),
    });
  });

  // CORS for the configured origins only. A browser always sends Origin across origins: an unknown one is refused
  // (preflight included), so no other site's page can use the city's key or fill its server.
  app.use('*', async (c, next) => {
    const origin = c.req.header('Origin');
    const preflight = c.req.method === 'OPTIONS';
    if (!origin) {
      if (preflight) return c.body(null, 204);
      return next();
    }
    if (!allowAll && !allowed.has(origin.toLowerCase())) {
      const e = new GatewayError(403, 'origin-refused', 'This site may not use this gateway.');
      return c.json(errorBody(e), 403, { 'X-Gateway-Error': e.kind, Vary: 'Origin' });
    }
    const cors: Record<string, string> = {
      'Access-Control-Allow-Origin': origin,
      Vary: 'Origin',
    };
    if (preflight) {
      const method = c.req.header('Access-Control-Request-Method') ?? '';
      const asked = (c.req.header('Access-Control-Request-Headers') ?? '')
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean);
      if (!['GET', 'POST', 'HEAD'].includes(method) || asked.some((h) => !CORS_HEADERS.includes(h))) {
        const e = new GatewayError(403, 'origin-refused', 'Method or headers not allowed.');
        return c.json(errorBody(e), 403, { 'X-Gateway-Error': e.kind, Vary: 'Origin' });
      }
      return c.body(null, 204, {
        ...cors,
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': CORS_HEADERS.join(', '),
        'Access-Control-Max-Age': '600',
      });
    }
    await next();
    try {
      for (const [k, v] of Object.entries(cors)) c.res.headers.set(k, v);
      c.res.headers.set('Access-Control-Expose-Headers', 'Retry-After, X-Request-Id');
    } catch {
      /* immutable headers */
    }
  });

  app.onError((err, c) => {
    const e = err instanceof GatewayError ? err : fromUpstream(err);
    if (e.kind === 'internal') log('error', 'internal error', { requestId: c.get('requestId'), err: String(err) });
    else if (e.status >= 500) log('warn', 'upstream failure', { requestId: c.get('requestId'), kind: e.kind });
    return c.json(errorBody(e), e.status as 400, {
      ...e.headers,
      'X-Gateway-Error': e.kind,
      'Cache-Control': 'no-store',
    });
  });
  app.notFound(() => {
    throw new GatewayError(404, 'not-found', 'Not found.');
  });

  app.get('/health', async (c) => {
    const checks: Record<string, string> = {};
    let ok = true;
    for (const [name, check] of Object.entries(deps.healthChecks ?? {})) {
      try {
        await check();
        checks[name] = 'ok';
      } catch {
        checks[name] = 'down';
        ok = false;
      }
    }
    return c.json({ status: ok ? 'ok' : 'degraded', ...checks }, ok ? 200 : 503, { 'Cache-Control': 'no-store' });
  });

  app.get('/form-token', async (c) => {
    // Off: "none needed", not a 404, which every page using gateway= would show in its console.
    if (!tokens) return c.json({ token: null }, 200, { 'Cache-Control': 'no-store' });
    return c.json(
      { token: await tokens.issue(), field: FORM_TOKEN_FIELD, minFillSeconds: config.minFillSeconds },
      200,
      {
        'Cache-Control': 'no-store',
      },
    );
  });

  app.post(
    '/media',
    bodyLimit({
      maxSize: config.mediaMaxBytes + 64 * 1024,
      onError: () => {
        throw tooLarge(config.mediaMaxBytes);
      },
    }),
    async (c) => {
      if (!mediaOn) throw new GatewayError(501, 'not-available', 'This gateway does not store photos.');
      await limit(c);
      let form: FormData;
      try {
        form = await c.req.formData();
      } catch {
        throw new GatewayError(400, 'bad-request', 'Send the photo as multipart/form-data in a field named media.');
      }
      const files = form.getAll('media').filter((v): v is File => typeof v !== 'string');
      if (files.length !== 1)
        throw new GatewayError(400, 'bad-request', 'Send exactly one photo, in a field named media.');
      const bytes = new Uint8Array(await files[0]!.arrayBuffer());
      const url = await acceptImage(bytes, {
        maxBytes: config.mediaMaxBytes,
        maxDimension: config.mediaMaxDimension,
        process: deps.processImage!,
        storage: deps.storage!,
      });
      return c.json({ url }, 201, { 'Cache-Control': 'no-store' });
    },
  );

  app.get('/media/:name', async (c) => {
    const found = await deps.storage?.get?.(c.req.param('name'));
    if (!found) throw new GatewayError(404, 'not-found', 'Not found.');
    return c.body(found.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': found.contentType,
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });
  });

  // GeoReport v2: GET discovery, services, services/{code}, requests, requests/{id}, tokens/{token}; POST requests.
  app.on(
    ['GET', 'POST'],
    '*',
    bodyLimit({
      maxSize: 256 * 1024,
      onError: () => {
        throw new GatewayError(413, 'too-large', 'The report is too large.', { Connection: 'close' });
      },
    }),
    async (c) => {
      const path = new URL(c.req.url).pathname.replace(/^\/open311\/v2(?=\/)/, '');
      const m = path.match(ROUTE);
      if (!m) throw new GatewayError(404, 'not-found', 'Not found.');
      const [, what = '', rawId, format = ''] = m;
      const kind = what.toLowerCase();
      if (format.toLowerCase() !== 'json')
        throw new GatewayError(406, 'bad-request', 'This gateway answers in JSON: use .json.');
      let id: string | undefined;
      try {
        id = rawId === undefined ? undefined : decodeURIComponent(rawId);
      } catch {
        throw new GatewayError(400, 'bad-request', 'Malformed path.');
      }
      const lang = language(c.req.header('Accept-Language'));
      const signal = c.req.raw.signal;
      const q = c.req.query();

      if (c.req.method === 'POST') {
        if (kind !== 'requests' || id !== undefined) throw new GatewayError(405, 'bad-request', 'Only GET here.');
        return submit(c, lang, signal);
      }
      const backend = backendFor(lang);
      switch (kind) {
        case 'discovery':
          return c.json(discovery(), 200, { 'Cache-Control': 'public, max-age=300' });
        case 'services':
          if (id === undefined) {
            const text = await cached(c, `services:${lang ?? ''}`, () => backend.services(signal));
            return json(c, text, 200, 'public, max-age=60');
          } else {
            const text = await cached(c, `definition:${lang ?? ''}:${id}`, () =>
              backend.serviceDefinition(id!, signal),
            );
            return json(c, text, 200, 'public, max-age=60');
          }
        case 'requests':
        case 'request':
          if (id !== undefined) return json(c, JSON.stringify([await backend.request(id, signal)]));
          if (kind === 'request') throw new GatewayError(404, 'not-found', 'Not found.');
          if (Number(q.page ?? 1) > 1) return json(c, '[]');
          return json(
            c,
            JSON.stringify(
              await backend.requests(
                {
                  ...(q.service_request_id && { ids: q.service_request_id.split(',').filter(Boolean).slice(0, 100) }),
                  ...(q.service_code && { serviceCode: q.service_code }),
                  ...(q.status && { status: q.status.split(',').filter(Boolean) }),
                  ...(q.start_date && !Number.isNaN(Date.parse(q.start_date)) && { start: new Date(q.start_date) }),
                  ...(q.end_date && !Number.isNaN(Date.parse(q.end_date)) && { end: new Date(q.end_date) }),
                  ...(Number(q.page_size) > 0 && { limit: Math.min(1000, Number(q.page_size)) }),
                },
                signal,
              ),
            ),
          );
        case 'tokens': {
          if (id === undefined) throw new GatewayError(404, 'not-found', 'Not found.');
          const serviceRequestId = await backendFor(lang, true).resolveToken(id, signal);
          return json(
            c,
            JSON.stringify([{ token: id, ...(serviceRequestId && { service_request_id: serviceRequestId }) }]),
          );
        }
      }
      throw new GatewayError(404, 'not-found', 'Not found.');
    },
  );

  function discovery() {
    return {
      changeset: '2026-01-01T00:00:00Z',
      contact: '',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: publicUrl,
          type: 'production',
          formats: ['application/json'],
        },
      ],
      /** What the widget needs to know about this gateway (photos, traps, CAPTCHA). */
      gateway: {
        version: 1,
        media: mediaOn ? `${publicUrl}/media` : null,
        maxPhotoBytes: mediaOn ? config.mediaMaxBytes : null,
        honeypotField: config.honeypotField,
        formToken: tokens ? `${publicUrl}/form-token` : null,
        captcha: config.captchaSecret ? { provider: config.captchaProvider, siteKey: config.captchaSiteKey } : null,
      },
    };
  }

  async function submit(c: Context, lang: string | undefined, signal: AbortSignal) {
    await limit(c);
    const type = c.req.header('Content-Type') ?? '';
    let pairs: Array<[string, FormDataEntryValue]>;
    try {
      pairs = /multipart\/form-data/i.test(type)
        ? [...(await c.req.formData()).entries()]
        : [...new URLSearchParams(await c.req.text()).entries()];
    } catch {
      throw new GatewayError(400, 'bad-request', 'The report could not be read.');
    }
    const first = (k: string) => pairs.find(([key]) => key === k)?.[1];
    checkHoneypot(first(config.honeypotField));
    if (tokens) await tokens.check(first(FORM_TOKEN_FIELD) as string | undefined);
    if (config.captchaSecret) {
      const answer = CAPTCHA_FIELDS.map(first).find((v): v is string => typeof v === 'string' && v !== '');
      await verifyCaptcha(
        {
          secret: config.captchaSecret,
          verifyUrl: config.captchaVerifyUrl ?? VERIFY_URLS[config.captchaProvider],
          fetch: fetchFn as typeof fetch,
          timeoutMs: config.upstreamTimeoutMs,
        },
        answer,
        deps.clientIp(c),
      );
    }
    // Only GeoReport v2's own fields reach the city; api_key and jurisdiction_id are the gateway's to add.
    const request: Record<string, unknown> = {};
    const attributes: Record<string, string | string[]> = {};
    for (const [k, v] of pairs) {
      if (typeof v !== 'string') continue; // files: photos go through POST /media
      const attr = k.match(/^attribute\[([^\]]+)\](\[\])?$/);
      if (attr) {
        const code = attr[1]!;
        if (attr[2]) {
          const prev = attributes[code];
          attributes[code] = Array.isArray(prev) ? [...prev, v] : [v];
        } else attributes[code] = v;
      } else if (FIELDS.has(k) && !(k in request)) request[k] = v;
    }
    if (!request.service_code) throw new GatewayError(400, 'bad-request', 'service_code is required.');
    const result = await backendFor(lang).submit({ ...request, attributes } as unknown as NewRequest, signal);
    return c.json(
      [
        {
          ...(result.serviceRequestId && { service_request_id: result.serviceRequestId }),
          ...(result.token && { token: result.token }),
          ...(result.notice && { service_notice: result.notice }),
        },
      ],
      201,
      { 'Cache-Control': 'no-store' },
    );
  }

  return app;
}
