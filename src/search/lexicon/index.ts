/**
 * The built-in multilingual lexicon (issue #13): a resident finds "Pothole" by typing "bache", "nid-de-poule",
 * "坑洞", "ổ gà" or "حفرة", though the city's server names its services in English only.
 *
 * Each language's words are a chunk of their own (lexicon/xx.ts, 1–3 KB gzip), fetched with the search chunk in
 * the resident's language only. They name concepts (concepts.ts); the concepts' English anchors find the city's
 * services (index.ts). This module reads what the resident typed: which phrases of the lexicon it holds, where.
 *
 * Matching is by whole words, folded (fold.ts: "Ổ GÀ" and "o ga" are one phrase), little words left out ("nid de
 * poule" = "nid-de-poule"), a plural s/es/x allowed; while typing, the last word may be the start of a phrase's
 * word ("bac" → "bache"). Chinese has no spaces: its phrases are found inside what was typed ("路灯坏了" holds
 * "路灯"). Arabic glues the article and some prepositions to the word: "الحفرة", "بالشارع" are also read without
 * them. No typos: a guessed word in a language the catalogue does not speak is how "poule" became "pole".
 */
import { words } from '../fold';
import { CONCEPTS, type ConceptId, type LanguageWords } from './concepts';

/** A phrase of the lexicon: its folded words (Chinese: one string), and the concepts it names. */
interface Phrase {
  words: string[];
  /** Each word, and in Arabic the word without its article. */
  forms: string[][];
  han: boolean;
  concepts: number[];
}

export interface Lexicon {
  lang: string;
  /** English: the catalogue's own language, so the search keeps its prefix and typo matching alongside. */
  native: boolean;
  phrases: Phrase[];
  skip: Set<string>;
}

/** Where a phrase was found in the query: [from, to) in the query's folded words joined by spaces. */
export interface Found {
  from: number;
  to: number;
  /** 1 for whole words; less when the last word is still being typed. */
  quality: number;
  concepts: number[];
}

export interface Reading {
  found: Found[];
  /** Every word typed (little words aside) is part of a phrase found: the query is in the lexicon's language. */
  covered: boolean;
  /** The folded words that are wholly part of a phrase found. */
  understood: Set<string>;
  /** Where each typed word is: [from, to), as in Found. */
  words: Array<[number, number]>;
}

/** The concepts' keys, in one order shared by the anchors and every lexicon. */
export const CONCEPT_IDS = Object.keys(CONCEPTS) as ConceptId[];

/** Each concept's anchors, folded: one or two words each. */
export const anchors = (): string[][][] =>
  (compiledAnchors ??= CONCEPT_IDS.map((id) => CONCEPTS[id].split('|').map((a) => words(a))));
let compiledAnchors: string[][][] | undefined;

const HAN = /\p{Script=Han}/u;
/** Arabic's definite article and the prepositions written onto a word ("والحفرة" → "حفره"). */
const ARABIC_ARTICLE = /^(?:[وفبك]?ال|لل)(?=..)/;
const ARABIC_PREFIX = /^[وفبل](?=...)/;

/** A typed word, and in Arabic without its article, its preposition or both ("والحفرة" → "حفره"). */
const variants = (word: string, typed?: unknown): string[] => {
  const out = [word];
  if (/^[\u0600-\u06ff]/.test(word)) {
    const bare = word.replace(ARABIC_ARTICLE, '');
    out.push(bare);
    if (typed) out.push(word.replace(ARABIC_PREFIX, ''), bare.replace(ARABIC_PREFIX, ''));
  }
  return out;
};

/** The typed word `q` is the phrase's word `p`, or its plural (Latin letters). */
const same = (q: string, p: string) =>
  q === p || (/^[a-z]/.test(p) && q.startsWith(p) && /^(s|es|x)$/.test(q.slice(p.length)));

export function compile(lang: string, data: LanguageWords, extra: readonly string[][][] = []): Lexicon {
  const skip = new Set(words(data.skip.replace(/\|/g, ' ')));
  const byText = new Map<string, Phrase>();
  const add = (text: string, concept: number) => {
    const han = HAN.test(text);
    const list = words(text).filter((w) => !skip.has(w));
    if (!list.length) return;
    const folded = han ? [list.join('')] : list;
    const key = folded.join(' ');
    const phrase = byText.get(key) ?? { words: folded, forms: folded.map((w) => variants(w)), han, concepts: [] };
    if (!phrase.concepts.includes(concept)) phrase.concepts.push(concept);
    byText.set(key, phrase);
  };
  CONCEPT_IDS.forEach((id, c) => {
    for (const text of data.words[id].split('|')) if (text.trim()) add(text, c);
    for (const anchor of extra[c] ?? []) add(anchor.join(' '), c);
  });
  return { lang, native: lang === 'en', phrases: [...byText.values()], skip };
}

/**
 * Reads `text`: the phrases it holds. With `typing`, the last word may be unfinished (a phrase then found with a
 * quality below 1), except in English, where the search's own prefix matching does that.
 */
export function read(lexicon: Lexicon, text: string, typing?: unknown): Reading {
  const tokens = words(text).filter((w) => !lexicon.skip.has(w));
  const forms = tokens.map((t) => variants(t, 1));
  const at: number[] = [];
  let length = 0;
  for (const t of tokens) (at.push(length), (length += t.length + 1));
  const found: Found[] = [];
  const last = tokens.length - 1;
  const partial = !!typing && !lexicon.native;
  const letters = (list: string[]) => list.join('').length;

  for (const phrase of lexicon.phrases) {
    const p = phrase.words;
    if (phrase.han) {
      const han = p[0]!;
      tokens.forEach((t, i) => {
        for (let k = t.indexOf(han); k >= 0; k = t.indexOf(han, k + 1))
          found.push({ from: at[i]! + k, to: at[i]! + k + han.length, quality: 1, concepts: phrase.concepts });
        // Still typing the phrase: two characters at least ("路" alone starts too many).
        if (partial && i == last && t.length > 1 && han.length > t.length && han.startsWith(t))
          found.push({
            from: at[i]!,
            to: at[i]! + t.length,
            quality: (3 + t.length / han.length) / 4,
            concepts: phrase.concepts,
          });
      });
      continue;
    }
    for (let i = 0; i <= last; i++) {
      let k = 0;
      let typed = 0;
      let whole = 0;
      let cut = false;
      for (; k < p.length && i + k <= last; k++) {
        const q = forms[i + k]!;
        if (q.some((v) => phrase.forms[k]!.some((f) => same(v, f)))) {
          typed += p[k]!.length;
          whole++;
          continue;
        }
        // The word being typed: the start of the phrase's word (three letters, or any after a whole word).
        const start = partial && i + k == last && q.find((v) => (v.length > 2 || k > 0) && p[k]!.startsWith(v));
        if (start) ((typed += start.length), (cut = true), k++);
        else k = -1;
        break;
      }
      if (k < 0) continue;
      // Not all of the phrase is there ("nid de p…", "nid", "ổ g…"): only while typing, up to the end, and three
      // letters at least, or two after a whole word.
      const all = k == p.length && !cut;
      if (!all && !(partial && i + k == last + 1 && (typed > 2 || (whole && typed > 1)))) continue;
      const end = i + k - 1;
      found.push({
        from: at[i]!,
        to: at[end]! + tokens[end]!.length,
        quality: all ? 1 : (3 + typed / letters(p)) / 4,
        concepts: phrase.concepts,
      });
    }
  }

  // Which typed characters the phrases found cover.
  const covered = new Uint8Array(length);
  for (const f of found) covered.fill(1, f.from, f.to);
  const understood = new Set(tokens.filter((t, i) => covered.subarray(at[i], at[i]! + t.length).every(Boolean)));
  return {
    found,
    covered: tokens.length > 0 && tokens.every((t) => understood.has(t)),
    understood,
    words: tokens.map((t, i) => [at[i]!, at[i]! + t.length]),
  };
}

const files: Record<string, () => Promise<{ default: LanguageWords }>> = {
  en: () => import('./en'),
  es: () => import('./es'),
  fr: () => import('./fr'),
  zh: () => import('./zh'),
  vi: () => import('./vi'),
  ar: () => import('./ar'),
};
const ready: Record<string, Lexicon> = {};
const loading: Record<string, Promise<Lexicon | null>> = {};
const failed: Record<string, boolean> = {};

/**
 * The lexicon of `lang` once loaded; null for a language without one, or whose file could not load (offline: the
 * search goes on without it); undefined before it was asked for, and while it loads.
 */
export const lexiconFor = (lang: string): Lexicon | null | undefined =>
  Object.hasOwn(ready, lang) ? ready[lang] : !Object.hasOwn(files, lang) || failed[lang] ? null : undefined;

/** Loads the lexicon of `lang` (once). Never rejects: offline, it resolves null, and loads again when asked again. */
export const loadLexicon = (lang: string): Promise<Lexicon | null> =>
  !Object.hasOwn(files, lang)
    ? Promise.resolve(null)
    : (loading[lang] ??= files[lang]!().then(
        (m) => ((failed[lang] = false), (ready[lang] = compile(lang, m.default, lang === 'en' ? anchors() : []))),
        () => ((failed[lang] = true), delete loading[lang], null),
      ));
