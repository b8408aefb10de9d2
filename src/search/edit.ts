/**
 * How a word the resident typed matches a word of the catalogue, as a quality from 0 (no match) to 1 (the same
 * word). Exact beats a prefix, a prefix covering more of the word beats a shorter one (so "pot" prefers "pots" to
 * "pottery"), and any prefix (≥ 0.75) beats a typo (0.6): a typo is only a guess.
 */

/** Search, while typing: `q` starts the word `t`. */
export const prefix =
  (q: string) =>
  (t: string): number =>
    t.startsWith(q) ? (3 + q.length / t.length) / 4 : 0;

/**
 * Endings treated as the same word in sentences, with how sure we are: plurals almost surely name the same thing
 * ("holes", "boxes"); verb endings less so ("parked" is about a car, not a "Park").
 */
const ENDINGS: Record<string, number> = {
  '': 1,
  s: 0.9,
  es: 0.9,
  x: 0.9,
  ed: 0.5,
  d: 0.5,
  ing: 0.5,
};

/** A finished word of a sentence: the same word, or the same stem (≥ 3 letters) with another common ending. */
export const inflected =
  (q: string) =>
  (t: string): number => {
    let i = 0;
    while (q[i] && q[i] == t[i]) i++;
    return (i > 2 && Math.min(ENDINGS[q.slice(i)]!, ENDINGS[t.slice(i)]!)) || 0;
  };

/**
 * One typo (index.ts only looks for them in words of 4 letters or more: in shorter ones, one slip turns most words
 * into others): one letter wrong, extra, missing or swapped with the next one, or a letter doubled in the wrong
 * place ("grafitti" for "graffiti"), in the start of `t` (the resident may still be typing) or, with `whole`, in
 * all of it. One regular expression per query word; folded words hold no character that means something in one.
 */
export const typo = (q: string, whole?: unknown) => {
  const near = RegExp(
    `^(${[...q]
      // Here one letter changed, dropped or added (".?c?"), or this letter and the next swapped.
      .map(
        (c, i, _, start = q.slice(0, i), end = q.slice(i + 1)) =>
          `${start}.?${c}?${end}|${start}${end.slice(0, 1)}${c}${end.slice(1)}`,
      )
      .join('|')}|${q.replace(/(.)\1*/g, '$1+')})${whole ? '$' : ''}`,
  );
  return (t: string): number => (near.test(t) ? 0.6 : 0);
};
