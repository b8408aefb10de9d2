/**
 * The search's chunk (loaded by the category picker when first needed, never with the first screen): the index
 * (service-index.ts), the indexes the picker keeps per list (kept.ts), and the lexicon of each language.
 */
export * from './service-index';
export { fold } from './fold';
export { loadLexicon, lexiconFor, type Lexicon } from './lexicon/index';
export { indexFor, prepareIndex } from './kept';
