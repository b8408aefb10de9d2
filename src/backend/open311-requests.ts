/**
 * The later half of the Open311 adapter: a category's questions (GET services/{code}), filing (POST
 * requests), looking up (GET requests/{id}, requests), and waiting for the id behind a token. Loaded on first use by backend/open311.ts, which lends it its call
 * machinery (formats, path spellings, errors, retries).
 */
import type { z } from '../schema/zod';
import {
  DiscoverySchema,
  GatewayInfoSchema,
  type GatewayInfo,
  PostResultListSchema,
  ServiceRequestListSchema,
  TokenListSchema,
  type Discovery,
} from '../schema/request';
import { ServiceDefinitionSchema } from '../schema/service-definition';
import { resolveHttpUrl } from '../schema/url';
import { wellFormed } from '../schema/fields';
import { encodeRequest, encodeRequestWithMedia } from './encode';
import { formToken } from './form-token';
import { sleep } from './http';
import type { Open311Options } from './open311-options';
import { BackendError, type Backend, type ServiceRequest, type SubmitResult } from './types';

export interface Open311Context {
  call<S extends z.ZodMiniType>(
    paths: string[],
    schema: S,
    req: { method: 'GET' | 'POST'; query?: URLSearchParams; body?: URLSearchParams | FormData },
    signal?: AbortSignal,
  ): Promise<z.output<S>>;
  get<S extends z.ZodMiniType>(
    paths: string[],
    schema: S,
    signal?: AbortSignal,
    query?: URLSearchParams,
  ): Promise<z.output<S>>;
  scope(): URLSearchParams;
  options: Open311Options;
}

export type RequestCalls = Pick<
  Required<Backend>,
  'serviceDefinition' | 'submit' | 'request' | 'requests' | 'resolveToken' | 'captcha'
> & {
  discovery(signal?: AbortSignal): Promise<Discovery>;
};

/** A path segment; encodeURIComponent throws on a lone surrogate, which may come from a server or a paste. */
const segment = (s: string) => encodeURIComponent(wellFormed(s));

/** The words of an error-like object (`{message}`, `{description}`), if it has any. */
const serverText = (o: Record<string, unknown>): string | undefined => {
  const text = o.message ?? o.description;
  return typeof text === 'string' && text.trim() ? text.trim().slice(0, 300) : undefined;
};

export function requestCalls({ call, get, scope, options }: Open311Context): RequestCalls {
  const discovery = (signal?: AbortSignal) => get(['discovery'], DiscoverySchema, signal);
  /**
   * A citizen-portal gateway in front of the city's server says so in its discovery answer: the CAPTCHA it wants
   * and where its form tokens are. Asked once, when the later steps arrive (for the `endpoint` of a gateway that
   * was not named as `gateway`, its form token is asked for then); no answer, or another server's: none.
   */
  let gateway: Promise<GatewayInfo | undefined> | undefined;
  let discoveredFields: Promise<Record<string, string>> | undefined;
  const gatewayInfo = () =>
    (gateway ??= discovery().then(
      (d) => {
        const info = GatewayInfoSchema.safeParse((d as { gateway?: unknown }).gateway);
        if (!info.success) return undefined;
        const url = info.data.formtoken && resolveHttpUrl(info.data.formtoken, false);
        if (url && !options.formFields) discoveredFields = formToken(url, options.fetch);
        return info.data;
      },
      () => (gateway = undefined),
    ));
  /** A gateway's form token found by discovery (asked when the later steps arrived, never by Send itself). */
  const discoveredFormFields = async () => (await gateway, (await discoveredFields) ?? {});
  return {
    discovery,
    async captcha() {
      const spec = (await gatewayInfo())?.captcha;
      return spec && (await import('./captcha')).captchaChallenge(spec);
    },
    async serviceDefinition(code, signal) {
      const c = segment(code);
      let def;
      try {
        def = await get([`services/${c}`, `Services/${c}`], ServiceDefinitionSchema, signal);
      } catch (e) {
        // Eindhoven's open311-api answers a service without questions with 400 "ServiceAttributesError".
        const { kind, details } = e as BackendError;
        if (kind === 'http' && details.status === 400 && /attribute/i.test(details.serverMessage ?? '')) {
          return { service_code: code, attributes: [] };
        }
        throw e;
      }
      // Questions that could not be read are left out, so that the category can still be filed: the city's
      // webmaster learns of them here (issue #17).
      const { skipped, ...usable } = def;
      for (const s of skipped ?? []) console.warn(`citizen-portal: services/${code}: skipped ${s}`);
      return usable;
    },
    async submit(request, signal) {
      const fields = (await (options.formFields?.() ?? discoveredFormFields()).catch(() => undefined)) ?? {};
      const extra = { jurisdiction: options.jurisdiction, apiKey: options.apiKey, fields };
      const body = request.media?.length ? encodeRequestWithMedia(request, extra) : encodeRequest(request, extra);
      // The jurisdiction goes in the body; the rest of the scope (the language) in the query.
      const query = scope();
      query.delete('jurisdiction_id');
      const list = await call(['requests', 'Requests'], PostResultListSchema, { method: 'POST', body, query }, signal);
      const first = list.find((r) => r.service_request_id || r.token) ?? list[0];
      // An error object with HTTP 200 (no id, no token, no notice, but a message) is an error, not a blackbox's "OK".
      const said = first && !first.service_request_id && !first.token && !first.service_notice && serverText(first);
      if (said)
        throw new BackendError('http', `requests: ${said}`, { status: 200, httpStatus: 200, serverMessage: said });
      const result: SubmitResult = {};
      if (first?.service_request_id) result.serviceRequestId = first.service_request_id;
      if (first?.token) result.token = first.token;
      if (first?.service_notice) result.notice = first.service_notice;
      return result;
    },

    async request(id, signal) {
      const i = segment(id);
      const list = await get(
        [`requests/${i}`, `request/${i}`, `Requests/${i}`],
        ServiceRequestListSchema,
        signal,
      ).catch((e: BackendError) => {
        // Not found, said with HTTP 200 and an error body (whatever its code, short of a server failure).
        const { httpStatus, status = 0 } = e.details ?? {};
        if (httpStatus === 200 && e.kind === 'http' && status < 500) {
          throw new BackendError('not-found', `requests/${id}: ${e.message}`, e.details);
        }
        throw e;
      });
      const found = list.find((r) => r.service_request_id === id) ?? list[0];
      if (!found) throw new BackendError('not-found', `requests/${id}: empty answer`, { status: 200 });
      return found;
    },

    /**
     * GET requests.json. With `limit`, pages through servers that page (page/page_size), and stops when a page
     * adds nothing new: servers that ignore `page` send the same list again.
     */
    async requests(filter, signal) {
      const query = scope();
      if (filter.ids?.length) query.set('service_request_id', filter.ids.join(','));
      else {
        if (filter.serviceCode) query.set('service_code', filter.serviceCode);
        if (filter.status?.length) query.set('status', filter.status.join(','));
        if (filter.start) query.set('start_date', filter.start.toISOString());
        if (filter.end) query.set('end_date', filter.end.toISOString());
      }
      let pageSize = filter.ids?.length || !filter.limit ? 0 : Math.min(filter.limit, 1000);
      const seen = new Map<string, ServiceRequest>();
      for (let page = 1; page <= 20; page++) {
        if (pageSize) {
          query.set('page', String(page));
          query.set('page_size', String(pageSize));
        }
        let list;
        try {
          list = await get(['requests', 'Requests'], ServiceRequestListSchema, signal, query);
        } catch (e) {
          // A server that fails on paging (Eindhoven's open311-api: a 400 database error) is asked again without.
          if (!pageSize || page > 1 || (e as BackendError).kind !== 'http') throw e;
          query.delete('page');
          query.delete('page_size');
          pageSize = 0;
          list = await get(['requests', 'Requests'], ServiceRequestListSchema, signal, query);
        }
        const fresh = list.filter((r) => !seen.has(r.service_request_id));
        for (const r of fresh) seen.set(r.service_request_id, r);
        // A short page is no proof of the end (servers have page sizes of their own): stop on an empty page,
        // on a page with nothing new (a server that ignores paging), or at the limit.
        if (!pageSize || !fresh.length || seen.size >= filter.limit!) break;
      }
      return [...seen.values()].slice(0, filter.limit ?? Infinity);
    },

    /** Polls tokens/{token} (2 s, then slower) until the id arrives or time runs out. */
    async resolveToken(token, signal) {
      const until = Date.now() + (options.tokenTimeoutMs ?? 120_000);
      let wait = options.tokenPollMs ?? 2000;
      const path = `tokens/${segment(token)}`;
      for (;;) {
        try {
          const list = await get([path], TokenListSchema, signal);
          const id = list.find((t) => t.service_request_id)?.service_request_id;
          if (id) return id;
        } catch (e) {
          // Not known yet (404), or a passing failure: keep asking until time runs out. Cancelled: stop.
          if ((e as BackendError).kind === 'aborted') throw e;
        }
        if (Date.now() + wait > until) return undefined;
        await sleep(wait, signal);
        wait = Math.min(wait * 1.5, 10_000);
      }
    },
  };
}
