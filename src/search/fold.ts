/**
 * Text folding: the catalogue and the resident's words are compared in one "folded" form, lower-case, without
 * accents, punctuation turned into single spaces. "  Bâche — ÉTÉ!! " → "bache ete", "Ổ gà" → "o ga",
 * "إنارة" → "اناره".
 */

/** Lower-case, accents removed, punctuation → spaces, whitespace collapsed and trimmed. "Bâche" → "bache". */
export const fold = (text: string): string =>
  text
    .toLowerCase()
    // NFKD rather than NFD: it also unpacks ligatures (ﬁ) and full-width forms that phone keyboards produce.
    .normalize('NFKD')
    // Letters that decomposition leaves alone but that readers treat as plain Latin letters (German, French).
    .replace(/ß/g, 'ss')
    .replace(/œ/g, 'oe')
    .replace(/\p{M}/gu, '')
    // Vietnamese đ is a letter of its own that residents without a Vietnamese keyboard type as d ("đèn" → "den").
    .replace(/đ/g, 'd')
    // Arabic: taa marbuta and alef maqsura are often typed as haa and yaa (ة → ه, ى/ی → ي); the tatweel only
    // stretches a word. Hamzas on alef (أ إ آ) are marks after NFKD, removed above.
    .replace(/ة/g, 'ه')
    .replace(/[ىی]/g, 'ي')
    .replace(/ـ/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Folded words of a text. */
export const words = (text = ''): string[] => fold(text).match(/\S+/g) || [];
