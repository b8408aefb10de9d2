/**
 * Where the mock Open311 server keeps the requests people submit: in memory (tests) or in localStorage (the demo,
 * so a report can still be looked up after a page reload).
 *
 * A stored request keeps what was POSTed, not a GeoReport v2 document: status, notes and dates are derived when
 * it is read (see handlers.ts), so they follow the clock.
 */

/** Answers to a service definition's questions: one value, or several for a multivaluelist. */
export type AttributeAnswers = Record<string, string | string[]>;

/** What a POST to requests.json carried, after validation. Empty fields are left out. */
export interface NewServiceRequest {
  service_code: string;
  lat?: number;
  long?: number;
  address_string?: string;
  address_id?: string;
  description?: string;
  email?: string;
  first_name?: string;
  last_name?: string;
  phone?: string;
  device_id?: string;
  account_id?: string;
  media_url?: string;
  attributes: AttributeAnswers;
  /** When the server received it, ISO 8601. */
  submitted_at: string;
}

export interface StoredServiceRequest extends NewServiceRequest {
  service_request_id: string;
  /** For GET tokens/{token}.json. */
  token: string;
}

export interface RequestStore {
  /** Saves a request under a new id, continuing from 1001. */
  add(request: NewServiceRequest): StoredServiceRequest;
  get(serviceRequestId: string): StoredServiceRequest | undefined;
  findByToken(token: string): StoredServiceRequest | undefined;
  /** Every stored request, oldest first. */
  list(): StoredServiceRequest[];
  clear(): void;
}

export const FIRST_REQUEST_ID = 1001;
export const DEFAULT_STORAGE_KEY = 'citizen-portal-demo:requests';

/** Where a store's list lives; `read` must never throw. */
interface Backing {
  read(): StoredServiceRequest[];
  write(requests: StoredServiceRequest[]): void;
}

function createStore(backing: Backing): RequestStore {
  const find = (predicate: (r: StoredServiceRequest) => boolean) => backing.read().find(predicate);
  return {
    add(request) {
      const requests = backing.read();
      const lastId = Math.max(FIRST_REQUEST_ID - 1, ...requests.map((r) => Number(r.service_request_id) || 0));
      const id = String(lastId + 1);
      const stored: StoredServiceRequest = { ...request, service_request_id: id, token: `tok-${id}` };
      backing.write([...requests, stored]);
      return stored;
    },
    get: (id) => find((r) => r.service_request_id === id),
    findByToken: (token) => find((r) => r.token === token),
    list: () => backing.read(),
    clear: () => backing.write([]),
  };
}

export function createMemoryStore(): RequestStore {
  let requests: StoredServiceRequest[] = [];
  return createStore({
    read: () => [...requests],
    write: (next) => {
      requests = [...next];
    },
  });
}

/**
 * A store kept in localStorage under `key`. It reads storage on every call, so several instances (a reloaded
 * page, a second tab) share one list. A missing or corrupt value reads as empty, and entries that are not
 * stored requests are dropped. If storage itself fails (blocked, full), the store carries on in memory for the
 * rest of the page's life instead of throwing.
 */
export function createLocalStorageStore(key = DEFAULT_STORAGE_KEY): RequestStore {
  let memory: StoredServiceRequest[] | undefined;
  return createStore({
    read() {
      if (memory) return [...memory];
      let raw: string | null;
      try {
        raw = localStorage.getItem(key);
      } catch {
        memory = [];
        return [];
      }
      if (raw === null) return [];
      try {
        const parsed: unknown = JSON.parse(raw);
        return Array.isArray(parsed) ? parsed.filter(isStoredRequest) : [];
      } catch {
        return [];
      }
    },
    write(next) {
      if (!memory) {
        try {
          localStorage.setItem(key, JSON.stringify(next));
          return;
        } catch {
          // Fall back to memory below.
        }
      }
      memory = [...next];
    },
  });
}

function isStoredRequest(value: unknown): value is StoredServiceRequest {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.service_request_id === 'string' &&
    typeof r.token === 'string' &&
    typeof r.service_code === 'string' &&
    typeof r.submitted_at === 'string' &&
    !Number.isNaN(Date.parse(r.submitted_at)) &&
    typeof r.attributes === 'object' &&
    r.attributes !== null &&
    (r.lat === undefined || typeof r.lat === 'number') &&
    (r.long === undefined || typeof r.long === 'number')
  );
}
