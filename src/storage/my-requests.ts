/**
 * "My requests": every request filed or looked up on this device, so a resident can come back without an account,
 * a cookie or a reference number on paper. Kept in localStorage (synchronous, survives reloads) under a key the
 * element gives per endpoint, so two portals for two cities on one page never mix.
 *
 * Like the draft store, every storage failure is silent and harmless: when localStorage is blocked (sandboxed
 * iframe, privacy settings) or full, the list lives in memory for the life of the page instead. What is read is
 * checked entry by entry: a damaged entry is dropped, the rest kept.
 *
 * A request known only by the provisional token of a batch server is remembered as `{ id: token, token }`; once
 * the id is known, `rememberRequest({ id, token })` gives that entry its id (keeping its place and details).
 */
import { z } from '../schema/zod';
import { requiredId } from '../schema/fields';
import type { ServiceRequest } from '../schema/request';

export interface SavedRequest {
  id: string;
  serviceName?: string;
  address?: string;
  /** When it was first kept on this device (ISO 8601). */
  addedAt: string;
  /** The raw Open311 status the resident last saw. */
  lastSeenStatus?: string;
  /** The `updated_datetime` the resident last saw (ISO 8601). */
  lastSeenUpdated?: string;
  /** The provisional token it was filed under, until (and after) the id is known. */
  token?: string;
  /**
   * Not known to be filed (issue #15): `maybe`, a Send whose answer never came (the report may have been
   * received); its id is then a marker of this device's, never looked up, replaced once the report is found or sent.
   */
  unsent?: string;
}

/**
 * What to keep of a request the server described (looked up, or followed instead of filing it again); `seen`:
 * the resident has now seen its status, so its Updated badge goes.
 */
export function recordOf(
  r: ServiceRequest,
  options: { seen?: boolean; token?: string } = {},
): Omit<SavedRequest, 'addedAt'> {
  return {
    id: r.service_request_id,
    serviceName: r.service_name,
    address: r.address,
    token: options.token,
    ...(options.seen && { lastSeenStatus: r.status, lastSeenUpdated: r.updated_datetime }),
  };
}

/** The most requests kept; the oldest go first. */
export const MAX_MY_REQUESTS = 50;

const EVENT = 'citizen-portal:my-requests';
const EPOCH = new Date(0).toISOString();

const isoOrUndefined = (v: unknown): string | undefined => {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
};

/** A detail: text (or a number), trimmed; anything else was damaged and is dropped, the entry kept. */
const detail = z.transform((v: unknown) =>
  (typeof v === 'string' || typeof v === 'number') && String(v).trim() ? String(v).trim() : undefined,
);

/** Without an id an entry is nothing; damaged details and dates only lose themselves. */
const EntrySchema = z.object({
  id: requiredId,
  serviceName: detail,
  address: detail,
  // An entry whose date is damaged is still the resident's request: kept, as the oldest.
  addedAt: z.transform((v: unknown) => isoOrUndefined(v) ?? EPOCH),
  lastSeenStatus: detail,
  lastSeenUpdated: detail,
  token: detail,
  unsent: detail,
});

const FIELDS = ['serviceName', 'address', 'lastSeenStatus', 'lastSeenUpdated', 'token', 'unsent'] as const;

/** A SavedRequest without undefined-valued keys (what JSON gives back, and what tests compare). */
function clean(e: SavedRequest): SavedRequest {
  const out: SavedRequest = { id: e.id, addedAt: e.addedAt };
  for (const f of FIELDS) if (e[f] !== undefined) out[f] = e[f];
  return out;
}

const time = (e: SavedRequest) => Date.parse(e.addedAt) || 0;

/** Newest first (stable: among equal times, earlier in the list first), one entry per id, at most 50. */
function tidy(list: SavedRequest[]): SavedRequest[] {
  const seen = new Set<string>();
  return list
    .map((e, i) => [e, i] as const)
    .sort(([a, i], [b, j]) => time(b) - time(a) || i - j)
    .map(([e]) => e)
    .filter((e) => !seen.has(e.id) && !!seen.add(e.id))
    .slice(0, MAX_MY_REQUESTS);
}

const storage = (): Storage | undefined => {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // blocked (third-party iframe, privacy settings)
  }
};

/**
 * Lists whose storage failed, per key. `readable` says whether storage could be read when it happened: a failed
 * write (quota) keeps the whole list here and wins over storage; a blocked read must never lead to overwriting
 * storage that could not be read, so such a list is used only while storage stays unreadable.
 */
const memory = new Map<string, { list: SavedRequest[]; readable: boolean }>();

function load(key: string): { list: SavedRequest[]; readable: boolean } {
  let raw: string | null | undefined;
  try {
    const s = storage();
    if (!s) throw new Error('no storage');
    raw = s.getItem(key);
  } catch {
    return { list: memory.get(key)?.list ?? [], readable: false };
  }
  const pending = memory.get(key);
  if (pending?.readable) return { list: pending.list, readable: true };
  memory.delete(key);
  let data: unknown;
  try {
    data = raw ? JSON.parse(raw) : [];
  } catch {
    data = []; // not JSON: nothing to keep
  }
  const list: SavedRequest[] = [];
  if (Array.isArray(data)) {
    for (const entry of data) {
      const parsed = EntrySchema.safeParse(entry);
      if (parsed.success) list.push(clean(parsed.data));
    }
  }
  return { list: tidy(list), readable: true };
}

/** Saves `next` if it differs from `current`, tells listeners, and returns a copy for the caller. */
function save(key: string, current: SavedRequest[], next: SavedRequest[], readable: boolean): SavedRequest[] {
  const list = tidy(next.map(clean));
  const json = JSON.stringify(list);
  if (json === JSON.stringify(current)) return copy(list);
  let stored = false;
  if (readable) {
    try {
      const s = storage();
      if (s) {
        if (list.length) s.setItem(key, json);
        else s.removeItem(key);
        stored = true;
      }
    } catch {
      // quota exceeded or blocked: kept in memory below
    }
  }
  if (stored) memory.delete(key);
  else memory.set(key, { list, readable });
  notify(key);
  return copy(list);
}

const copy = (list: SavedRequest[]) => list.map((e) => ({ ...e }));

function notify(key: string): void {
  try {
    globalThis.dispatchEvent?.(new CustomEvent(EVENT, { detail: { key } }));
  } catch {
    // no window (worker, server rendering): nobody to tell
  }
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

const sameRequest = (e: SavedRequest, id: string) => e.id === id || e.token === id;

/** The requests kept on this device for `key`, newest first. */
export function listMyRequests(key: string): SavedRequest[] {
  return copy(load(key).list);
}

/**
 * Keeps a request (filed or looked up), or updates the one with the same id, or the same token (a provisional
 * entry then takes the id). Details not given are kept; `addedAt` is the first time it was kept unless given.
 * An entry known by its id never goes back to its token. Keeps the 50 newest.
 */
export function rememberRequest(key: string, r: Omit<SavedRequest, 'addedAt'> & { addedAt?: string }): SavedRequest[] {
  const { list, readable } = load(key);
  const token = text(r.token);
  const id = text(r.id) ?? token;
  if (!id) return copy(list);
  const matches = list.filter((e) => e.id === id || (token !== undefined && e.token === token));
  const rest = list.filter((e) => !matches.includes(e));
  // Oldest first, so that newer details win; then what the caller gives.
  const merged: SavedRequest = { id, addedAt: '' };
  for (const e of [...matches].reverse()) Object.assign(merged, e);
  for (const f of FIELDS) {
    const v = text(r[f]);
    if (v !== undefined) merged[f] = v;
  }
  const resolved = matches.find((e) => e.id !== e.token)?.id;
  merged.id = id === token && resolved ? resolved : id;
  const known = matches.map((e) => e.addedAt).sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  merged.addedAt = isoOrUndefined(r.addedAt) ?? known ?? new Date().toISOString();
  return save(key, list, [merged, ...rest], readable);
}

/** Records the status (raw) and update time the resident has now seen, so `hasUpdate` is false until they change. */
export function markSeen(key: string, id: string, status: string, updated?: string): SavedRequest[] {
  const { list, readable } = load(key);
  const next = list.map((e) =>
    sameRequest(e, id) ? { ...e, lastSeenStatus: text(status), lastSeenUpdated: text(updated) } : e,
  );
  return save(key, list, next, readable);
}

/** Removes one request (by id, or by the token of a provisional one). */
export function forgetRequest(key: string, id: string): SavedRequest[] {
  const { list, readable } = load(key);
  return save(
    key,
    list,
    list.filter((e) => !sameRequest(e, id)),
    readable,
  );
}

/** Removes every request kept for `key`. */
export function forgetAll(key: string): void {
  const { list, readable } = load(key);
  save(key, list, [], readable);
}

/** A request filed with a token whose id is not known yet. */
export const isProvisional = (saved: SavedRequest): boolean => saved.token !== undefined && saved.id === saved.token;

/** "In Progress", "in_progress", " in-progress " are the same status. */
const sameStatus = (a: string, b: string) => {
  const norm = (s: string) =>
    s
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, ' ');
  return norm(a) === norm(b);
};

/**
 * True when the server's status or updated time differs from what the resident last saw. Never seen (no status
 * recorded): false, there is nothing to compare with. Times are compared as instants ("…Z" = "….000Z"); a server
 * that stops sending `updated_datetime` is no news, one that starts sending it is.
 */
export function hasUpdate(
  saved: SavedRequest,
  current: { status: string; updated_datetime?: string | undefined },
): boolean {
  if (saved.lastSeenStatus === undefined) return false;
  if (!sameStatus(saved.lastSeenStatus, current.status ?? '')) return true;
  const now = text(current.updated_datetime);
  const then = saved.lastSeenUpdated;
  if (now === undefined) return false;
  if (then === undefined) return true;
  const [a, b] = [Date.parse(now), Date.parse(then)];
  return Number.isNaN(a) || Number.isNaN(b) ? now !== then : a !== b;
}

/**
 * Calls `cb` with the fresh list whenever the requests under `key` change: from this page (any element, any copy
 * of this module) or from another tab (the `storage` event). Returns the unsubscribe function.
 */
export function onMyRequestsChange(key: string, cb: (requests: SavedRequest[]) => void): () => void {
  const target = globalThis as Partial<EventTarget>;
  if (typeof target.addEventListener !== 'function') return () => {};
  const local = (e: Event) => {
    if ((e as CustomEvent<{ key?: unknown }>).detail?.key === key) cb(listMyRequests(key));
  };
  const other = (e: Event) => {
    const { key: changed, storageArea } = e as StorageEvent;
    // null key: the other tab cleared all of localStorage.
    if ((changed === key || changed === null) && (!storageArea || storageArea === storage())) {
      cb(listMyRequests(key));
    }
  };
  target.addEventListener(EVENT, local);
  target.addEventListener('storage', other);
  return () => {
    target.removeEventListener?.(EVENT, local);
    target.removeEventListener?.('storage', other);
  };
}

/** My requests live beside the element's draft: the same endpoint, so the form and the tracker share them. */
export const myRequestsKeyFor = (draftKey: string): string => draftKey.replace(':draft:', ':my-requests:');
