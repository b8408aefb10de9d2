/**
 * The Open311 GeoReport v2 adapter. It speaks JSON, or XML (`format: 'xml'`, or by itself when a server refuses
 * or garbles JSON), tries the path spellings real servers use, parses every answer with the zod schemas of
 * schema/open311 and turns every failure into a BackendError whose kind the elements put in plain words.
 */
import type { z } from '../schema/zod';
import { ErrorBodySchema, ServiceListSchema } from '../schema/open311';
import { decode, type Format } from './decode';
import type { Open311Options } from './open311-options';
import type { RequestCalls } from './open311-requests';
import { send, statusError, type HttpAnswer, type HttpOptions } from './http';
import { BackendError, type Backend } from './types';
import type { Discovery } from '../schema/request';

export type { Open311Options };

/** Statuses whose body says "not this format" rather than "no such thing". */
const FORMAT_REFUSED = new Set([406, 415, 501]);
/** Statuses after which a POST certainly created nothing (the route is not there). */
const NO_SUCH_ROUTE = new Set([404, 405, 406, 415, 501]);

/** The server's own explanation from an error body, as plain text (never markup). */
function serverMessage(value: unknown): string | undefined {
  const parsed = ErrorBodySchema.safeParse(value);
  const first = parsed.success ? parsed.data.find((e) => e.description ?? e.message ?? e.error) : undefined;
  const text = first?.description ?? first?.message ?? first?.error;
  return text ? text.slice(0, 300) : undefined;
}

/** Everything the Open311 adapter offers: the Backend calls, all of them, and discovery. */
export type Open311Backend = Required<Omit<Backend, 'uploadMedia' | 'acceptsMedia'>> &
  Pick<Backend, 'uploadMedia' | 'acceptsMedia'> & { discovery(signal?: AbortSignal): Promise<Discovery> };

export function createOpen311Backend(options: Open311Options): Open311Backend {
  const base = options.endpoint.replace(/\/+$/, '');
  const http: HttpOptions = {
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    timeoutMs: options.timeoutMs ?? 15_000,
    retries: options.retries ?? 2,
    retryBaseMs: options.retryBaseMs ?? 600,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 10_000,
    lang: options.lang,
  };
  /** Learnt from the server: the format it speaks, and which path spelling each call uses. */
  let format: Format = options.format ?? 'json';
  const pathChoice = new Map<string, number>();

  const scope = () => {
    const q = new URLSearchParams();
    if (options.jurisdiction) q.set('jurisdiction_id', options.jurisdiction);
    if (options.localeParam && options.lang) q.set(options.localeParam, options.lang);
    return q;
  };

  async function exchange(
    path: string,
    fmt: Format,
    req: { method: 'GET' | 'POST'; query?: URLSearchParams | undefined; body?: URLSearchParams | FormData | undefined },
    signal?: AbortSignal,
  ): Promise<{ answer: HttpAnswer; decoded: { value: unknown } | undefined }> {
    const url = new URL(`${base}/${path}.${fmt}`);
    for (const [k, v] of req.query ?? []) url.searchParams.append(k, v);
    const accept = fmt === 'json' ? 'application/json' : 'application/xml, text/xml';
    const answer = await send(http, url, { method: req.method, body: req.body, accept }, signal);
    return { answer, decoded: await decode(answer.body, fmt, options.xmlParser) };
  }

  /**
   * One call: JSON first (unless the server is known to speak XML), XML when JSON is refused or unreadable;
   * the next path spelling when a path is plainly not there (404 without a GeoReport error body).
   */
  async function call<S extends z.ZodMiniType>(
    paths: string[],
    schema: S,
    req: { method: 'GET' | 'POST'; query?: URLSearchParams; body?: URLSearchParams | FormData },
    signal?: AbortSignal,
  ): Promise<z.output<S>> {
    // Remembered per kind of call (the first path segments), not per id: requests/101 teaches requests/102.
    const memo = paths.map((p) => p.split('/')[0]).join();
    const start = pathChoice.get(memo) ?? 0;
    let result: Awaited<ReturnType<typeof exchange>> | undefined;
    for (let i = start; i < paths.length; i++) {
      const path = paths[i]!;
      result = await exchange(path, format, req, signal);
      const { answer, decoded } = result;
      const jsonRefused =
        format === 'json' &&
        (req.method === 'GET'
          ? !decoded || FORMAT_REFUSED.has(answer.status)
          : !answer.ok && !decoded && NO_SUCH_ROUTE.has(answer.status));
      if (jsonRefused) {
        const asXml = await exchange(path, 'xml', req, signal);
        // Keep XML only if the server answered in XML (even an XML error): then it is its language.
        if (asXml.decoded) {
          format = 'xml';
          result = asXml;
        }
      }
      const routeMissing = result.answer.status === 404 && !serverMessage(result.decoded?.value);
      if (!routeMissing || i === paths.length - 1) {
        if (!routeMissing) pathChoice.set(memo, i);
        break;
      }
    }
    const { answer, decoded } = result!;
    const what = paths[0]!;
    if (!answer.ok) throw statusError(answer.status, answer.headers, what, serverMessage(decoded?.value));
    if (!decoded)
      throw new BackendError('invalid-response', `${what}: the answer is not ${format.toUpperCase()}`, {
        status: answer.status,
      });
    const parsed = schema.safeParse(decoded.value);
    if (parsed.success) return parsed.data;
    // Some servers answer errors with HTTP 200 and an error body: honour the code in the body, or else say what
    // the server said (Eindhoven's code "middleware_26" is no HTTP status). `httpStatus` keeps the 200.
    const errors = ErrorBodySchema.safeParse(decoded.value).data ?? [];
    const code = Number(errors[0]?.code);
    const http = Number.isInteger(code) && code >= 400 && code < 600;
    const said = serverMessage(decoded.value);
    const speaker = errors.find((e) => e.description ?? e.message ?? e.error);
    if (said && (http || speaker?.code || speaker?.message)) {
      const e = statusError(http ? code : answer.status, answer.headers, what, said);
      e.details.httpStatus = answer.status;
      throw e;
    }
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    throw new BackendError('invalid-response', `${what}: unexpected answer at "${where}": ${issue?.message}`, {
      status: answer.status,
      path: where,
    });
  }

  const get = <S extends z.ZodMiniType>(paths: string[], schema: S, signal?: AbortSignal, query = scope()) =>
    call(paths, schema, { method: 'GET', query }, signal);

  // A category's questions, filing and looking up requests happen after the location step or in the status
  // view: their code (and schemas) is a
  // chunk of its own, loaded on first use, so the form's first screen stays within its size budget.
  let calls: Promise<RequestCalls> | undefined;
  const requestCalls = () =>
    (calls ??= import('./open311-requests').then((m) => m.requestCalls({ call, get, scope, options })));

  /** A call of the later half, loading it first. */
  const later = <K extends keyof RequestCalls>(name: K) =>
    (async (...args: unknown[]) =>
      ((await requestCalls())[name] as (...a: unknown[]) => unknown)(...args)) as RequestCalls[K];

  return {
    discovery: later('discovery'),

    services: (signal) => get(['services', 'Services'], ServiceListSchema, signal),

    serviceDefinition: later('serviceDefinition'),

    submit: later('submit'),
    ...(options.mediaUpload === 'post' && { acceptsMedia: true }),
    ...(options.mediaUpload &&
      options.mediaUpload !== 'post' && {
        uploadMedia: async (photo: Blob, name: string, o: Parameters<NonNullable<Backend['uploadMedia']>>[2]) =>
          (await import('./media-upload')).uploadMedia(options.mediaUpload!, photo, name, o),
      }),
    request: later('request'),
    requests: later('requests'),
    resolveToken: later('resolveToken'),
    captcha: later('captcha'),
  };
}
