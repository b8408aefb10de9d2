/**
 * The category picker's indexes, kept per list of services with the synonyms and lexicon they were built with.
 * Here, in the search's lazy chunk, rather than in the picker on the first screen (issue #14: the first screen's
 * budget).
 */
import { buildServiceIndex, createServiceIndex, type Searchable, type ServiceIndex } from './service-index';
import { lexiconFor, type Lexicon } from './lexicon/index';

interface Kept {
  synonyms: Record<string, readonly string[]> | undefined;
  lexicon: Lexicon | null;
  index: ServiceIndex<Searchable>;
}
const kept = new WeakMap<readonly Searchable[], Kept>();
/** The indexes being built while idle (prepareIndex), with what they are built with. */
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

/** The idle build of this list's index, while it is under way (the picker waits for it instead of building). */
export function indexUnderWay(
  services: readonly Searchable[],
  synonyms: Record<string, readonly string[]> | undefined,
  lang: string,
): Promise<void> | undefined {
  const b = building.get(services);
  return same(b, synonyms, lexiconFor(lang) ?? null) ? b!.done : undefined;
}

/**
 * The index of this list in the resident's language, built now if no idle build is under way; undefined while
 * their lexicon is not here (one that could not load, offline, is left out until it can), or while the idle build
 * goes on (see indexUnderWay(): a keystroke that built all of 5,000 categories at once froze the page for ~600 ms at 4x
 * CPU, issue #14).
 */
export function indexFor<T extends Searchable>(
  services: readonly T[],
  synonyms: Record<string, readonly string[]> | undefined,
  lang: string,
): ServiceIndex<T> | undefined {
  const lexicon = lexiconFor(lang);
  if (lexicon === undefined) return undefined;
  let index = found(services, synonyms, lexicon);
  if (!index && !indexUnderWay(services, synonyms, lang))
    kept.set(services, { synonyms, lexicon, index: (index = createServiceIndex(services, synonyms, lexicon)) });
  return index as ServiceIndex<T> | undefined;
}

/**
 * Indexes the list before the resident types, a slice at a time (buildServiceIndex), so the page never freezes for
 * it; a keystroke meanwhile builds what it needs at once (indexFor).
 */
export async function prepareIndex(
  services: readonly Searchable[],
  synonyms: Record<string, readonly string[]> | undefined,
  lang: string,
): Promise<void> {
  const lexicon = lexiconFor(lang);
  if (lexicon === undefined || found(services, synonyms, lexicon)) return;
  const under = indexUnderWay(services, synonyms, lang);
  if (under) return under;
  let built!: () => void;
  building.set(services, { synonyms, lexicon, done: new Promise((resolve) => (built = resolve)) });
  let index: ServiceIndex<Searchable>;
  try {
    index = await buildServiceIndex(services, synonyms, lexicon);
  } finally {
    building.delete(services);
    built();
  }
  if (found(services, synonyms, lexicon)) return;
  kept.set(services, { synonyms, lexicon, index });
  // One throwaway query while still idle: the first keystroke then runs code the engine has already compiled and
  // tuned, instead of paying for that inside the resident's keystroke (issue #14: it was the one long task left).
  index.search('e', 100);
}
