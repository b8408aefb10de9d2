/**
 * Finding the right category fast: an in-memory index over an Open311 service list, built once, then queried on
 * every keystroke (`search`, the category combobox) or with a whole sentence (`suggest`, "describe first").
 *
 * Every service's texts are folded (fold.ts) and cut into words; each word, and each pair of neighbouring words
 * written together ("street light" → "streetlight"), is a *term*. Terms are kept by first letter, each with its
 * postings (service, field weight). A query word is compared with the terms that start with its letter (first
 * letters are rarely mistyped), and only the postings of the terms it matches are read.
 *
 * Pure TypeScript, no DOM, no dependencies.
 */
import { fold, words } from './fold';
import { inflected, prefix, typo } from './edit';
import { STOP_WORDS } from './stopwords';
import { anchors, read, type Found, type Lexicon } from './lexicon/index';

export interface Searchable {
  service_code: string;
  service_name: string;
  description?: string | undefined;
  keywords?: string | undefined;
  group?: string | undefined;
}

export interface SearchHit<T> {
  item: T;
  score: number;
  /** [start, end) ranges in service_name to highlight, in original string indices */
  highlights: Array<[number, number]>;
}

export interface ServiceIndex<T> {
  /** Ranked matches, best first; empty query → every service in the original order with score 0. Ties keep catalogue order. */
  search(query: string, limit?: number): SearchHit<T>[];
  /** For a whole sentence: the best few categories, only those with a meaningful score (may be empty). */
  suggest(sentence: string, limit?: number): SearchHit<T>[];
}

/** A word of the name: its original text, where it starts in the name, its folded form. */
type Piece = [text: string, at: number, folded: string];

/**
 * Scoring. A service's score is a sum over the query's words of (field weight × match quality, see edit.ts), each
 * word counted once, at its best field. Field weights: the name is what the resident will see and pick; city
 * synonyms were written to map residents' words to a service; then the catalogue's keywords. Descriptions mention
 * neighbouring topics and a group is shared by many services, so both count for little. One word of a
 * several-word keyword or synonym counts 0.7 of it; two neighbouring words joined, 0.9 of the words.
 *
 * suggest() also multiplies by the word's rarity, and offers a category only if its score reaches 0.45 (about
 * one exact name or keyword hit on a fairly distinctive word; a word found only in a description is never
 * enough) and 0.4 of the best, so a clear winner is not diluted by categories sharing a common word.
 *
 * With a `lexicon` (the resident's language, see lexicon/index.ts), each concept's English anchors are looked up
 * among the terms once: the services a concept reaches, each at its best field weight, keeping those at half the
 * concept's best or more (a streetlight named in a tree-trimming description is not a streetlight service). The
 * resident's phrases then add their concepts' services. A phrase inside a longer phrase found ("árbol" in "árbol
 * caído") is left out. In another language than the catalogue's (English), when every typed word is a phrase of the
 * lexicon, the catalogue's words count only when typed in full: "ổ gà" is not the start of "garbage". In a
 * sentence, the words the lexicon understood are not read again, and no typo is guessed for the others.
 */
export function createServiceIndex<T extends Searchable>(
  services: readonly T[],
  synonyms?: Record<string, readonly string[]>,
  lexicon?: Lexicon | null,
): ServiceIndex<T> {
  const steps = indexing(services, synonyms, lexicon);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * How long a slice of the build may run before it pauses: well under the 50 ms of a long task (issue #14), however
 * slow the phone (slices used to be 250 services: ~35 ms at 4x CPU once the code was warm, more on a slower phone).
 */
const SLICE_MS = 10;

/**
 * The same index, built a slice at a time with a pause between slices, so that a city of 5,000 categories does
 * not hold the main thread for the ~600 ms (at 4x CPU) that building it takes: a resident who types meanwhile is
 * answered as soon as it is done (see kept.ts). `now` is the clock the slices are timed by.
 */
export async function buildServiceIndex<T extends Searchable>(
  services: readonly T[],
  synonyms?: Record<string, readonly string[]>,
  lexicon?: Lexicon | null,
  pause = () =>
    (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler?.yield?.() ??
    new Promise<void>((r) => setTimeout(r)),
  now = () => performance.now(),
): Promise<ServiceIndex<T>> {
  const steps = indexing(services, synonyms, lexicon, now);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** The index's work, pausing (`yield`) after each slice of services. */
function* indexing<T extends Searchable>(
  services: readonly T[],
  synonyms: Record<string, readonly string[]> = {},
  lexicon?: Lexicon | null,
  now?: () => number,
): Generator<void, ServiceIndex<T>> {
  let sliceStart = now?.() ?? 0;
  /** Pauses the build (yields) once its slice has run SLICE_MS; never without a clock (createServiceIndex). */
  function* slice(): Generator<void> {
    if (now && now() - sliceStart > SLICE_MS) {
      yield;
      sliceStart = now();
    }
  }
  const count = services.length;
  /** First letter → term → its postings: service → best field weight. */
  const terms: Record<string, Map<string, Map<number, number>>> = {};
  /** For the current query: folded letters to highlight in each matched term. */
  let marks = new Map<string, number>();

  /**
   * Starts a query: its words that count, without stop words nor words of fewer than 3 letters ("a", "de", "l"),
   * except, in a search, the last word (the resident may still be typing it: "a" → "alley").
   */
  const query = (text: string, search?: unknown) => {
    marks = new Map();
    return words(text).filter((w, k, list) => (w[2] && !STOP_WORDS.test(w)) || (search && !list[k + 1]));
  };

  const names: Piece[][] = [];
  for (let s = 0; s < count; s++) {
    const service = services[s]!;
    const put = (term: string, weight: number) => {
      const bucket = (terms[term[0]!] ||= new Map());
      const postings = bucket.get(term) || new Map<number, number>();
      // A service keeps the best weight a term has in it.
      if (!(postings.get(s)! > weight)) bucket.set(term, postings.set(s, weight));
    };
    /** Words, and with `part` (the weight of one word among several) neighbouring pairs joined. */
    const add = (list: string[], weight: number, part?: number) =>
      list.forEach((word, k) => {
        put(word, list[1] && part ? weight * part : weight);
        if (part && list[k + 1]) put(word + list[k + 1], weight * 0.9);
      });

    const pieces: Piece[] = [];
    service.service_name.replace(/[\p{L}\p{N}\p{M}]+/gu, (text, at) => {
      // People type names from the start: the first word counts a little more.
      if (!pieces[0]) put(fold(text), 1.1);
      pieces.push([text, at, fold(text)]);
      return text;
    });
    add(
      pieces.map((p) => p[2]),
      1,
      1,
    );
    synonyms[service.service_code]?.map((text) => add(words(text), 0.9, 0.7));
    service.keywords?.split(',').map((text) => add(words(text), 0.8, 0.7));
    // Descriptions are sentences: their words only, joining them would mostly make nonsense terms.
    add(words(service.description), 0.35);
    add(words(service.group), 0.25);
    names.push(pieces);
    yield* slice();
  }

  /** Per concept of the lexicon: the services its anchors reach (service → weight), and the terms they matched. */
  const reach: Array<Map<number, number>> = [];
  const anchorTerms: string[][] = [];
  // The lexicon's concepts are sliced too: with 5,000 services' terms, this part alone was a long task at 4x CPU.
  const concepts = lexicon ? anchors() : [];
  for (let c = 0; c < concepts.length; c++) {
    const found = new Map<number, number>();
    const seen: string[] = [];
    for (const t of concepts[c]!.map((a) => a.join(''))) {
      // The anchor, its plural ("rat" → "rats", "bench" → "benches", "party" → "parties"); two words joined.
      for (const form of [
        t,
        t + 's',
        /(s|x|z|ch|sh)$/.test(t) && t + 'es',
        /[^aeiou]y$/.test(t) && t.slice(0, -1) + 'ies',
      ]) {
        const postings = form && terms[form[0]!]?.get(form);
        if (!postings) continue;
        seen.push(form as string);
        for (const [s, weight] of postings) if (!(found.get(s)! >= weight)) found.set(s, weight);
      }
    }
    const best = Math.max(0, ...found.values());
    for (const [s, weight] of found) if (weight < best / 2) found.delete(s);
    reach[c] = found;
    anchorTerms[c] = seen;
    yield* slice();
  }

  /**
   * What the lexicon reads in `text`, and the services its phrases reach, summed over the places they were found.
   * Left out: a phrase inside a longer one ("árbol" in "árbol caído"; "سيارات", cars, in "موقف سيارات", a car park,
   * even where the city has no car park service), and a phrase still being typed where a whole one was found
   * ("basura" is not yet "basura tirada"). While typing (a search), every
   * word that a phrase reaching services was found in must reach the service: "bache cal…" is the pothole, not
   * every "calle sucia".
   */
  const understand = (text: string, typing?: unknown) => {
    const reading = read(lexicon!, text, typing);
    const found = reading.found.filter(
      (f) =>
        f.concepts.some((c) => reach[c]!.size) &&
        !reading.found.some(
          (g) =>
            g != f &&
            g.from <= f.from &&
            f.to <= g.to &&
            ((g.quality == 1 && f.quality < 1) || g.to - g.from > f.to - f.from),
        ),
    );
    const places = new Map<string, [Found, Float64Array]>();
    for (const f of found) {
      const key = `${f.from} ${f.to}`;
      const place = places.get(key) ?? [f, new Float64Array(count)];
      places.set(key, place);
      for (const c of f.concepts) {
        for (const [s, weight] of reach[c]!) place[1][s] = Math.max(place[1][s]!, weight * f.quality);
        for (const t of anchorTerms[c]!) marks.set(t, t.length);
      }
    }
    const total = new Float64Array(count);
    places.forEach(([, scores]) => scores.forEach((score, s) => (total[s]! += score)));
    if (typing)
      for (const [from, to] of reading.words) {
        const here = [...places.values()].filter(([f]) => f.from < to && from < f.to);
        if (here.length) total.forEach((_, s) => here.some(([, scores]) => scores[s]) || (total[s] = 0));
      }
    return { reading, total };
  };

  /** Adds the lexicon's scores to a search's: a service no word matched (-1) is found by the lexicon alone. */
  const merge = (total: Float64Array, lex: Float64Array) =>
    lex.forEach((score, s) => score > 0 && (total[s] = Math.max(total[s]!, score)));

  /**
   * Best weight × quality per service for one query word (or joined pair) `q`; `exact` says how a term matches.
   * With `fuzzy`, and only when no term matches exactly (so typos never add noise to a good query), one typo is
   * allowed. With `total` (suggest), × rarity: log-scaled inverse document frequency, divided by its maximum so
   * that the suggest threshold means the same for 25 services as for 5,000; and the scores are added to `total`.
   * Matched terms go to `marks`: as many letters as typed, or in a sentence the whole term.
   */
  const scores = (q: string, exact: typeof prefix, fuzzy?: unknown, total?: Float64Array) => {
    const out = new Float64Array(count);
    let found: number | undefined;
    const scan = (match: (t: string) => number) =>
      // First letters are rarely mistyped: only terms with the same one are compared.
      terms[q[0]!]?.forEach((postings, t) => {
        const quality = match(t) * (total ? Math.log1p(count / postings.size) / Math.log1p(count) : 1);
        if (quality) {
          marks.set(t, (found = Math.max(marks.get(t) || 0, total ? t.length : q.length)));
          for (const [s, weight] of postings) {
            const gain = quality * weight - out[s]!;
            if (gain > 0) {
              out[s]! += gain;
              if (total) total[s]! += gain;
            }
          }
        }
      });
    scan(exact(q));
    if (fuzzy && q[3] && !found) scan(typo(q, total));
    return out;
  };

  /**
   * Services scoring at least `min`, best first (the sort is stable: equal scores keep catalogue order), with
   * highlights for those returned.
   */
  const hits = (total: Float64Array, min: number, limit = count): SearchHit<T>[] => {
    let best: number[] = [];
    for (let s = 0; s < count; s++) if (total[s]! >= min) best.push(s);
    if (best.length <= limit) best.sort((a, b) => total[b]! - total[a]!);
    else {
      // Only the best `limit`, each put in place as it comes: a one-letter query matches ~4,000 of 5,000 services,
      // and sorting them all to show 100 took ~8 ms per keystroke at 4x CPU (issue #14).
      const found = best;
      best = [];
      for (const s of found) {
        const score = total[s]!;
        if (best.length == limit && !(score > total[best[limit - 1]!]!)) continue;
        // After every service scoring as much (equal scores keep catalogue order).
        let lo = 0;
        for (let hi = best.length; lo < hi;) {
          const mid = (lo + hi) >> 1;
          if (total[best[mid]!]! >= score) lo = mid + 1;
          else hi = mid;
        }
        best.splice(lo, 0, s);
        if (best.length > limit) best.pop();
      }
    }
    return best.map((s) => {
      const highlights: Array<[number, number]> = [];
      let carry = 0;
      names[s]!.forEach(([text, at, folded], k, pieces) => {
        // The word itself, or with the next one (a joined pair), or the rest of a pair that began before it.
        const pair = marks.get(folded + pieces[k + 1]?.[2]) || 0;
        const letters = Math.min(Math.max(marks.get(folded) || 0, pair, carry), folded.length);
        carry = pair - folded.length;
        // Where the first `letters` folded letters end in the original: never past `letters` plus the characters
        // that fold to nothing (an accent typed apart belongs to its letter, so it is included).
        if (letters) {
          let end = letters + text.length - folded.length;
          // (A word that only needed lower-casing needs no more.)
          if (text.toLowerCase() != folded) while (fold(text.slice(0, end)).length > letters) end--;
          highlights.push([at, at + end]);
        }
      });
      return { item: services[s]!, score: total[s]!, highlights };
    });
  };

  /**
   * AND: every word must match, on its own or joined with a neighbour ("pot hole" → "pothole"); -1: no match.
   * `exact` says how a term matches; `fuzzy` allows a typo.
   */
  const and = (list: string[], exact: typeof prefix, fuzzy?: unknown) => {
    const total = new Float64Array(count);
    let before = total;
    list.forEach((w, k) => {
      const one = scores(w, exact, fuzzy);
      const after = list[k + 1] ? scores(w + list[k + 1], exact) : one;
      for (let s = 0; s < count; s++) {
        const best = Math.max(one[s]!, after[s]!, before[s]!);
        total[s] = total[s]! < 0 || !best ? -1 : total[s]! + best;
      }
      before = after;
    });
    return total;
  };

  return {
    search(text, limit) {
      const list = query(text, 1);
      const lex = lexicon && understand(text, 1);
      // Every word is the lexicon's: what it understood, and the catalogue's words (only typed in full, unless the
      // lexicon is English, the catalogue's language: "ổ gà" is not the start of "garbage").
      if (lex?.reading.covered) {
        const total = lexicon!.native ? and(list, prefix, 1) : and(list, (q) => (t) => +(t == q));
        merge(total, lex.total);
        return hits(total, 0, limit);
      }
      // Words of the lexicon among others ("hay un bache enorme"): a description, for suggest().
      if (lex && !lexicon!.native && lex.total.some(Boolean)) return [];
      return hits(and(list, prefix, 1), 0, limit);
    },

    suggest(sentence, limit = 3) {
      // OR over the sentence's meaningful words, each distinct word once, and neighbours joined ("pot hole").
      let list = query(sentence);
      const lex = lexicon && understand(sentence);
      const total = lex ? lex.total : new Float64Array(count);
      if (lex) list = list.filter((w) => !lex.reading.understood.has(w));
      const fuzzy = !lex?.reading.found.length;
      list.forEach((w, k) => {
        if (list.indexOf(w) == k) scores(w, inflected, fuzzy, total);
        if (list[k + 1]) scores(w + list[k + 1], inflected, 0, total);
      });
      return hits(total, Math.max(0.45, 0.4 * Math.max(...total)), limit);
    },
  };
}
