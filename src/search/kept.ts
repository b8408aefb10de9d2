/**
 * The category picker's indexes, kept per list of services with the synonyms and lexicon they were built with.
 * Here, in the search's lazy chunk, rather than in the picker on the first screen (issue #14: the first screen's
 * budget).
 */
import { buildServiceIndex, type Searchable, type ServiceIndex } from './service-index';
import { lexiconFor, type Lexicon } from './lexicon/index';

interface Kept {
  synonyms: Record<string, readonly string[]> | undefined;
  lexicon: Lexicon | null;
  index: ServiceIndex<Searchable>;
}
const kept = new WeakMap<readonly Searchable[], Kept>();
/** The indexes being built (prepareIndex), with what they are built with. */
const building = new WeakMap<readonly Searchable[], Omit<Kept, 'index'> & { done: Promise<void> }>();

const same = (
  k: Omit<Kept, 'index'> | undefined,
  synonyms: Record<string, readonly string[]> | undefined,
  lexicon: Lexicon | null,
) => k && k.synonyms === synonyms && k.lexicon === lexicon;

const found = (
  services: readonly Searchable[],
  synonyms: Record<string, readonly string[]> | undefined,
  lexicon: Lexicon | null,
) => {
  const k = kept.get(services);
  return same(k, synonyms, lexicon) ? k!.index : undefined;
};

/**
 * The index of this list in the resident's language, once prepareIndex has built it; undefined until then, and
 * while their lexicon is not here (one that could not load, offline, is left out until it can).
 */
export function indexFor<T extends Searchable>(
  services: readonly T[],
  synonyms: Record<string, readonly string[]> | undefined,
  lang: string,
): ServiceIndex<T> | undefined {
  const lexicon = lexiconFor(lang);
  return lexicon === undefined ? undefined : (found(services, synonyms, lexicon) as ServiceIndex<T> | undefined);
}

/**
 * Indexes the list, a slice at a time (buildServiceIndex), so the page never freezes for it: while idle before the
 * resident types, or when they type first. A build under way for the same list is waited for, not begun again:
 * a keystroke that indexed all of 5,000 categories at once froze the page for ~650 ms at 4x CPU (issue #14).
 */
export function prepareIndex(
  services: readonly Searchable[],
  synonyms: Record<string, readonly string[]> | undefined,
  lang: string,
): Promise<void> {
  const lexicon = lexiconFor(lang);
  if (lexicon === undefined || found(services, synonyms, lexicon)) return Promise.resolve();
  const under = building.get(services);
  if (same(under, synonyms, lexicon)) return under!.done;
  const done = buildServiceIndex(services, synonyms, lexicon)
    .then((index) => {
      if (found(services, synonyms, lexicon)) return;
      kept.set(services, { synonyms, lexicon, index });
      // One throwaway query: the first keystroke then runs code the engine has already compiled and tuned, instead
      // of paying for that inside the resident's keystroke (issue #14: it was the one long task left).
      index.search('e', 100);
    })
    .finally(() => building.get(services)?.done === done && building.delete(services));
  building.set(services, { synonyms, lexicon, done });
  return done;
}
