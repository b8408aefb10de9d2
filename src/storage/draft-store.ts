/**
 * Keeps the resident's unfinished report in this browser tab (sessionStorage), so a reload, a crash or a
 * wandering click loses nothing. Session-scoped on purpose: on a shared library computer the next person does
 * not see it. Storage may be full, blocked or corrupt: every failure here is harmless, and remembered
 * (`draftUnkept`), so the form can say once that it cannot keep a draft (issue #15).
 *
 * Beside the draft: the time of a Send whose answer never came (see unsure-send.ts); it goes with the draft.
 */
import { DraftSchema, type Draft } from '../schema/draft';

/** This page has touched sessionStorage already: touching it again costs nothing. */
let opened = false;
const storage = (): Storage | undefined => {
  try {
    opened = true;
    return globalThis.sessionStorage;
  } catch {
    return undefined; // blocked (third-party iframe, privacy settings)
  }
};

/**
 * Whether to look for this tab's draft before the first screen. The first touch of sessionStorage blocks the page
 * (about 3 ms at 4x CPU, issue #14), and on a first visit there is nothing to find. A reload, back or forward, or a
 * form that was on this page already (a single-page site) may have one: looked for at once, so the form opens with
 * it. Otherwise the flow looks when idle, after the first screen (a link from another page of the site is then
 * restored a moment later).
 *
 * The navigation's type is Navigation Timing 1's (0: a link or the address bar): deprecated, but read in 0.1 ms
 * where Level 2's entry takes 0.75 ms at 4x CPU; where a browser no longer has it, the draft is looked for at once.
 */
export const draftLikely = (): boolean => opened || performance.navigation?.type !== 0;

let unkept = false;
/** Storage refused the draft (blocked, private mode, quota): it lives only as long as the page. */
export const draftUnkept = (): boolean => unkept;

/** What is kept beside a draft (see unsure-send.ts), in memory too for when storage is blocked; cleared with it. */
export const besideDraft = new Map<string, unknown>();

export function loadDraft(key: string): Draft | undefined {
  try {
    const raw = storage()?.getItem(key);
    if (!raw) return undefined;
    const parsed = DraftSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function put(key: string, value: string): void {
  try {
    storage()!.setItem(key, value);
  } catch {
    unkept = true; // quota exceeded or blocked: the draft still lives in the form
  }
}

export function saveDraft(key: string, draft: Draft): void {
  put(key, JSON.stringify(draft));
}

export function clearDraft(key: string): void {
  besideDraft.delete(key);
  try {
    storage()?.removeItem(key);
    storage()?.removeItem(`${key}:unsure`);
  } catch {
    // nothing to do
  }
}

/** A report may be kept from a closed tab (kept-drafts.ts, in the later steps' chunk, which then offers it). */
export function anyKept(key: string): boolean {
  try {
    return Object.keys(localStorage).some((k) => k.startsWith(`${key}:kept:`));
  } catch {
    return false;
  }
}
