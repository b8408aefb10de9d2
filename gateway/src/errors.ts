/**
 * Every failure the gateway answers with is one typed JSON error in GeoReport v2's own shape,
 * `[{"code": 502, "description": "…", "kind": "upstream-timeout"}]`, with a matching HTTP status: the widget's
 * client (src/backend/open311.ts) already reads that as an Open311 error and shows `description` to the resident.
 */
import type { BackendError } from '../../src/backend/types';

export type GatewayErrorKind =
  | 'bad-request'
  | 'origin-refused'
  | 'rate-limited'
  | 'too-fast'
  | 'trap'
  | 'captcha-required'
  | 'captcha-failed'
  | 'not-found'
  | 'forbidden'
  | 'unsupported-media'
  | 'too-large'
  | 'not-available'
  | 'upstream-timeout'
  | 'upstream-unreachable'
  | 'upstream-error'
  | 'upstream-invalid'
  | 'internal';

export class GatewayError extends Error {
  override name = 'GatewayError';
  constructor(
    readonly status: number,
    readonly kind: GatewayErrorKind,
    readonly description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
  }
}

export const errorBody = (e: GatewayError) => [{ code: e.status, description: e.description, kind: e.kind }];

const isBackendError = (e: unknown): e is BackendError => e instanceof Error && e.name === 'BackendError';

/** An Open311 client failure (the upstream's) as the answer the browser gets. */
export function fromUpstream(e: unknown): GatewayError {
  if (e instanceof GatewayError) return e;
  if (!isBackendError(e)) return new GatewayError(500, 'internal', 'The gateway failed unexpectedly.');
  const { status, serverMessage, retryAfterSeconds } = e.details;
  switch (e.kind) {
    case 'timeout':
      return new GatewayError(504, 'upstream-timeout', "The city's server did not answer in time.");
    case 'network':
    case 'aborted':
      return new GatewayError(502, 'upstream-unreachable', "The city's server cannot be reached.");
    case 'invalid-response':
      return new GatewayError(502, 'upstream-invalid', "The city's server sent an answer that is not GeoReport v2.");
    case 'not-found':
      return new GatewayError(404, 'not-found', serverMessage ?? 'Not found.');
    case 'forbidden':
      return new GatewayError(status ?? 403, 'forbidden', serverMessage ?? "The city's server refused the request.");
    case 'rate-limited':
      return new GatewayError(
        429,
        'rate-limited',
        serverMessage ?? "The city's server is busy.",
        retryAfterSeconds !== undefined ? { 'Retry-After': String(retryAfterSeconds) } : {},
      );
    default:
      // 4xx: the city's own answer to what was sent (a missing field …) is passed on; 5xx is the city's fault.
      if (status && status >= 400 && status < 500)
        return new GatewayError(status, 'bad-request', serverMessage ?? `The city's server refused (HTTP ${status}).`);
      return new GatewayError(
        502,
        'upstream-error',
        `The city's server failed (HTTP ${status ?? '?'})${serverMessage ? `: ${serverMessage}` : '.'}`,
      );
  }
}
