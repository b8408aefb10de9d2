/**
 * The resident's language. Every language, English too, is two chunks: the first screen's words and the later
 * steps' (see messages.ts), so a resident downloads one language, and only the words of what they reach.
 * Adding a language: xx.ts and xx.later.ts (typed: a missing key fails type-check), then its line in `chunks`
 * and its name in LANGUAGE_NAMES (in schema/languages.ts, where the settings check tags against it); right-to-left
 * ones in isRtl too. test/embed/languages.test.ts takes it through the whole flow once it is in its LANGUAGES table.
 */
import { LANGUAGE_NAMES, isLanguage } from '../schema/languages';
import type { LaterMessages, Messages } from './messages';
import * as english from './en';

export { LANGUAGE_NAMES, isLanguage };
export type { LaterMessages, Messages };

/** Each language's first file; it knows where its later one is. */
const chunks: Record<string, () => Promise<{ messages: Messages; later: () => Promise<{ messages: LaterMessages }> }>> =
  {
    // English's first-screen words are in the entry file: no round trip before an English page's first screen,
    // and the box other languages' first screen is laid out in while their words arrive (no layout shift).
    en: () => Promise.resolve(english),
    es: () => import('./es'),
    fr: () => import('./fr'),
    zh: () => import('./zh'),
    vi: () => import('./vi'),
    ar: () => import('./ar'),
  };

/** The language the page gives an element: the nearest `lang` around it (its own included), else the document's. */
export const pageLanguage = (el: Element): string =>
  el.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;

/** Languages written right to left. */
export const isRtl = (lang: string) => lang === 'ar';

/**
 * The first of the candidates (`lang` on the element, the page's, the browser's …) that we have words for:
 * its language and its full tag (for dates and Accept-Language: "es-MX" stays "es-MX"). Else English.
 */
export function resolveLanguage(
  candidates: Array<string | null | undefined>,
  allowed?: readonly string[],
): { lang: string; locale: string } {
  const pick = (list: ReadonlyArray<string | null | undefined>) => {
    for (const c of list) {
      // Not split(/[-_]/): a regular expression is compiled at its first use, up to 1.6 ms at 4x CPU (issue #14).
      const lang = c?.toLowerCase().replace('_', '-').split('-')[0];
      if (lang && isLanguage(lang) && (!allowed || allowed.includes(lang))) return { lang, locale: c! };
    }
  };
  // The browser's languages only when the page names none we have: their first reading costs about 1 ms at 4x CPU.
  return (
    pick(candidates) ??
    pick(globalThis.navigator?.languages ?? []) ?? { lang: allowed?.[0] ?? 'en', locale: allowed?.[0] ?? 'en' }
  );
}

type Chunk = Awaited<ReturnType<(typeof chunks)[string]>>;
const loaded: Record<string, Promise<Chunk>> = {};
const arrived: Record<string, Messages> = { en: english.messages };

/** The first screen's words of `lang` if they are here already (English always is): render without waiting. */
export const wordsHere = (lang: string): Messages | undefined =>
  Object.hasOwn(arrived, lang) && !(laterWanted && !moreWords[lang]) ? arrived[lang] : undefined;

/** The English first screen, the box every language's first screen is laid out in while its words arrive. */
export const placeholderWords: Messages = english.messages;
/** The rest of each language's words (later steps, status view, rare messages), once loaded (see allWords). */
export const moreWords: Record<string, LaterMessages> = {};
let laterWanted = false;

/**
 * The words for `lang`: the first screen's, and the later steps' too once the resident has reached them (so a
 * language switched on step 3 arrives whole). Rejects when a chunk cannot be loaded (offline).
 */
export async function loadMessages(lang: string, allWords = laterWanted): Promise<Messages> {
  laterWanted ||= allWords;
  const chunk = await (loaded[lang] ??= chunks[lang]!().catch((e: unknown) => {
    delete loaded[lang];
    throw e;
  }));
  if (laterWanted) moreWords[lang] ??= (await chunk.later()).messages;
  return (arrived[lang] = chunk.messages);
}
