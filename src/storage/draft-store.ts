/**
 * Keeps the resident's unfinished report in this browser tab (sessionStorage), so a reload, a crash or a
 * wandering click loses nothing. Session-scoped on purpose: on a shared library computer the next person does
 * not see it. Storage may be full, blocked or corrupt: every failure here is silent and harmless.
 */
import { DraftSchema, type Draft } from '../schema/draft';

const storage = (): Storage | undefined => {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined; // blocked (third-party iframe, privacy settings)
  }
};

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

export function saveDraft(key: string, draft: Draft): void {
  try {
    storage()?.setItem(key, JSON.stringify(draft));
  } catch {
    // quota exceeded or blocked: the draft still lives in the form
  }
}

export function clearDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // nothing to do
  }
}
