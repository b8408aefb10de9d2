/**
 * A Send whose answer never came (issue #15): the report may have been received. Kept beside the draft (in the
 * same storage, for as long, cleared with it), so the next Send, after a reload too, first checks whether it was
 * filed. In memory too, for when storage is blocked.
 */
import { besideDraft, put } from './draft-store';

/** When the lost Send went out (ISO 8601), and its "may have been sent" entry in My requests. */
export interface UnsureSend {
  at: string;
  marker: string;
}

const storage = (): Storage | undefined => {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
};

export function loadUnsure(draftKey: string): UnsureSend | undefined {
  if (besideDraft.has(draftKey)) return besideDraft.get(draftKey) as UnsureSend;
  try {
    const saved = JSON.parse(storage()?.getItem(`${draftKey}:unsure`) ?? 'null') as Partial<UnsureSend> | null;
    return typeof saved?.at === 'string' && typeof saved.marker === 'string'
      ? { at: saved.at, marker: saved.marker }
      : undefined;
  } catch {
    return undefined;
  }
}

export function saveUnsure(draftKey: string, unsure: UnsureSend): void {
  besideDraft.set(draftKey, unsure);
  put(`${draftKey}:unsure`, JSON.stringify(unsure));
}
