/** Picks the resident's language. English only for now; issue #7 adds more (one file each). */
import { en } from './en';
import type { Messages } from './messages';

export type { Messages };

const catalogs: Record<string, Messages> = { en };

/** `lang` from the element, else the page's <html lang>, else the browser; falls back to English. */
export function resolveLanguage(...candidates: Array<string | null | undefined>): string {
  for (const c of [...candidates, ...(globalThis.navigator?.languages ?? [])]) {
    const base = c?.toLowerCase().split(/[-_]/)[0];
    if (base && catalogs[base]) return base;
  }
  return 'en';
}

export const messagesFor = (lang: string): Messages => catalogs[lang] ?? en;
