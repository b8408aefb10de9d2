/**
 * The small interface the elements talk to. The Open311 adapter implements it; a city with its own REST API
 * can implement these four calls in a few dozen lines and pass the result to the element's `backend` property.
 */
import type { NewRequest } from '../schema/draft';
import type { Service, ServiceDefinition, ServiceRequest } from '../schema/open311';

export type { NewRequest, Service, ServiceDefinition, ServiceRequest };

export interface SubmitResult {
  /** The reference number, when the server gives one at once. */
  serviceRequestId?: string;
  /** A provisional reference from servers that create requests later (GeoReport v2 "batch"). */
  token?: string;
  /** The city's note on what happens next, plain text. */
  notice?: string;
}

export interface Backend {
  services(signal?: AbortSignal): Promise<Service[]>;
  serviceDefinition(serviceCode: string, signal?: AbortSignal): Promise<ServiceDefinition>;
  /** Never retried automatically: a retry could file the same problem twice. */
  submit(request: NewRequest, signal?: AbortSignal): Promise<SubmitResult>;
  request(serviceRequestId: string, signal?: AbortSignal): Promise<ServiceRequest>;
}

export type BackendErrorKind =
  | 'network'
  | 'timeout'
  | 'http'
  | 'rate-limited'
  | 'not-found'
  | 'forbidden'
  | 'invalid-response'
  | 'aborted';

/** Every failure of a backend call. `serverMessage` is the server's own words, shown only as text. */
export class BackendError extends Error {
  override name = 'BackendError';
  constructor(
    readonly kind: BackendErrorKind,
    message: string,
    readonly details: { status?: number; serverMessage?: string; retryAfterSeconds?: number; path?: string } = {},
  ) {
    super(message);
  }
}

export const isBackendError = (e: unknown): e is BackendError => e instanceof Error && e.name === 'BackendError';
