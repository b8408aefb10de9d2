/**
 * The unfinished report beyond its tab (issue #15): a copy in localStorage, one per tab, so a closed tab's report
 * is offered again by the next tab of the page, and two open tabs never overwrite each other's. The tab's own
 * draft stays in sessionStorage (draft-store.ts), which a reload and a crash keep.
 *
 * Privacy on a shared computer: a copy lasts a day from its last change, then it goes (its photos too); contact
 * details are kept in it only when the resident asked this device to remember them; "Start again" and sending
 * remove it. Which tabs are open is known from Web Locks: each tab holds a lock named after its id for as long as
 * it lives, so a copy whose lock is free was left by a closed tab. Without Web Locks or localStorage: no copy.
 */
import { DraftSchema, type Draft } from '../schema/draft';
import { dropPhoto } from './photo-store';

/** How long a closed tab's report is kept. */
export const KEPT_FOR_MS = 24 * 60 * 60 * 1000;

interface Kept {
  /** Its last change, epoch ms. */
  at: number;
  draft: unknown;
}

const local = (): Storage | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
};

const prefix = (key: string) => `${key}:kept:`;
const lockName = (key: string, tab: string) => `${key}:tab:${tab}`;

/** Every copy kept for `key`, by tab id. */
function copies(key: string): Map<string, Kept | undefined> {
  const out = new Map<string, Kept | undefined>();
  try {
    const s = local()!;
    for (let i = 0; i < s.length; i++) {
      const k = s.key(i);
      if (!k?.startsWith(prefix(key))) continue;
      let kept: Kept | undefined;
      try {
        kept = JSON.parse(s.getItem(k)!) as Kept;
      } catch {
        // damaged: dropped by sweep
      }
      out.set(k.slice(prefix(key).length), kept && typeof kept.at === 'number' ? kept : undefined);
    }
  } catch {
    // no storage: no copies
  }
  return out;
}

const parse = (kept: Kept | undefined): Draft | undefined => {
  const parsed = DraftSchema.safeParse(kept?.draft);
  return parsed.success ? parsed.data : undefined;
};

export function dropKept(key: string, tab: string, photos = false): void {
  if (photos) for (const p of parse(copies(key).get(tab))?.photos ?? []) if (p.local) void dropPhoto(p.local);
  try {
    local()?.removeItem(prefix(key) + tab);
  } catch {
    // nothing to do
  }
}

/** Removes copies older than a day (and damaged ones), with the photos they kept on the device. */
export function sweep(key: string, now = Date.now()): void {
  for (const [tab, kept] of copies(key)) if (!kept || now - kept.at > KEPT_FOR_MS) dropKept(key, tab, true);
}

/** Keeps this tab's copy: contact details only if the resident asked to be remembered on this device. */
export function keepDraft(key: string, tab: string, d: Draft): void {
  const draft = d.remember ? d : { ...d, email: '', firstName: '', lastName: '', phone: '' };
  try {
    local()?.setItem(prefix(key) + tab, JSON.stringify({ at: Date.now(), draft }));
  } catch {
    // full or blocked: the tab's own draft still holds it
  }
}

type Locks = LockManager | undefined;
const locks = (): Locks => globalThis.navigator?.locks;

/** Takes a lock if it is free, and holds it for the life of the page; false when another tab holds it. */
function hold(name: string): Promise<boolean> {
  return new Promise((resolve) => {
    locks()!
      .request(name, { ifAvailable: true }, (lock) => {
        resolve(!!lock);
        return lock ? new Promise<void>(() => {}) : undefined;
      })
      .catch(() => resolve(false));
  });
}

/**
 * This tab's id, held for as long as the page lives: the one this tab had before a reload, unless another open
 * tab holds it (a duplicated tab copies sessionStorage), then a new one. Undefined without Web Locks or storage.
 */
export async function claimTab(key: string): Promise<string | undefined> {
  if (!locks() || !local()) return undefined;
  const idKey = `${key}:tab`;
  let tab: string | null | undefined;
  try {
    tab = sessionStorage.getItem(idKey);
  } catch {
    return undefined;
  }
  if (!tab || !(await hold(lockName(key, tab)))) {
    tab = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    if (!(await hold(lockName(key, tab)))) return undefined;
    try {
      sessionStorage.setItem(idKey, tab);
    } catch {
      return undefined;
    }
  }
  return tab;
}

/**
 * The newest report left by a closed tab (its lock is free), if `take` takes it: then it is this tab's. Taken under
 * that tab's lock, so two new tabs never both take it; left where it was when not taken.
 */
export async function adoptOrphan(
  key: string,
  tab: string,
  take: (draft: Draft) => boolean,
): Promise<Draft | undefined> {
  const held = new Set(((await locks()!.query()).held ?? []).map((l) => l.name));
  const orphans = [...copies(key)]
    .filter(([id, kept]) => id !== tab && kept && !held.has(lockName(key, id)))
    .sort(([, a], [, b]) => b!.at - a!.at);
  for (const [id] of orphans) {
    const draft = await locks()!.request(lockName(key, id), { ifAvailable: true }, (lock) => {
      if (!lock) return undefined;
      const found = parse(copies(key).get(id));
      if (!found || !take(found)) return undefined;
      dropKept(key, id);
      keepDraft(key, tab, found);
      return found;
    });
    if (draft) return draft;
  }
  return undefined;
}
