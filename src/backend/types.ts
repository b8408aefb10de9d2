/**
 * The small interface the elements talk to. The Open311 adapter implements it; a city with its own REST API
 * implements the four required calls (a few dozen lines, see the README) and sets the element's `backend`.
 */
import type { BackendErrorKind } from '../schema/error-kind';
import type { NewRequest } from '../schema/new-request';
import type { Service, ServiceDefinition } from '../schema/open311';
import type { ServiceRequest } from '../schema/request';

export type { BackendErrorKind, NewRequest, Service, ServiceDefinition, ServiceRequest };

export interface SubmitResult {
  /** The reference number, when the server gives one at once. */
  serviceRequestId?: string;
  /** A provisional reference from servers that create requests later (GeoReport v2 "batch"). */
  token?: string;
  /** The city's note on what happens next, plain text. */
  notice?: string;
}

/** Filters of GeoReport v2 GET requests.json. `ids` overrides the others, as the standard says. */
export interface RequestFilter {
  ids?: string[];
  serviceCode?: string;
  /** GeoReport v2 statuses: 'open', 'closed' (servers with extended statuses may take more). */
  status?: string[];
  start?: Date;
  end?: Date;
  /** At most this many; pages through servers that page (page / page_size). */
  limit?: number;
}

export interface Backend {
  services(signal?: AbortSignal): Promise<Service[]>;
  serviceDefinition(serviceCode: string, signal?: AbortSignal): Promise<ServiceDefinition>;
  /** Never retried automatically: a retry could file the same problem twice. */
  submit(request: NewRequest, signal?: AbortSignal): Promise<SubmitResult>;
  request(serviceRequestId: string, signal?: AbortSignal): Promise<ServiceRequest>;
  /** Optional: several requests at once (My requests, nearby reports). */
  requests?(filter: RequestFilter, signal?: AbortSignal): Promise<ServiceRequest[]>;
  /**
   * Optional: waits for the id behind a provisional token (GeoReport v2 tokens/{token}); resolves undefined
   * if none came in time.
   */
  resolveToken?(token: string, signal?: AbortSignal): Promise<string | undefined>;
  /** Optional: the server takes photos as files with the report (NewRequest.media) — GeoReport v2 servers that accept a multipart `media`. */
  acceptsMedia?: boolean;
  /**
   * Optional: stores a photo and gives its web address (sent as media_url). Without it the form offers no
   * photos. `onProgress` gets 0…1.
   */
  uploadMedia?(
    photo: Blob,
    name: string,
    options: { signal?: AbortSignal; onProgress?: (fraction: number) => void },
  ): Promise<string>;
  /**
   * Optional: the check that a person is sending (a citizen-portal gateway's CAPTCHA, when its discovery says it
   * requires one); undefined when none is asked for. Its answer goes with the report as NewRequest.captcha.
   */
  captcha?(signal?: AbortSignal): Promise<CaptchaChallenge | undefined>;
}

/** A CAPTCHA provider's widget, drawn where the form asks for it. */
export interface CaptchaChallenge {
  provider: string;
  /**
   * Draws the check into `container`, which must be in the page's own DOM (the providers' scripts do not work
   * inside shadow roots). `onAnswer` gets the answer, or undefined when it expired or failed.
   */
  render(
    container: HTMLElement,
    options: { lang: string; dark: boolean; onAnswer: (answer: string | undefined) => void },
  ): { reset(): void; remove(): void };
}

export interface BackendErrorDetails {
  /** HTTP status, when there was an answer (for an error body sent with HTTP 200: the code in the body). */
  status?: number;
  /** The answer's own HTTP status, when an error came in the body of a successful answer (errors sent with 200). */
  httpStatus?: number;
  /** The server's own explanation, plain text (never markup), at most 300 characters. */
  serverMessage?: string;
  /** From Retry-After, for rate-limited. */
  retryAfterSeconds?: number;
  /** Where the answer did not fit the model (zod path), for invalid-response; for the console only. */
  path?: string;
}

/** Every failure of a backend call. */
export class BackendError extends Error {
  override name = 'BackendError';
  constructor(
    readonly kind: BackendErrorKind,
    message: string,
    readonly details: BackendErrorDetails = {},
  ) {
    super(message);
  }
}

export const isBackendError = (e: unknown): e is BackendError => e instanceof Error && e.name === 'BackendError';
