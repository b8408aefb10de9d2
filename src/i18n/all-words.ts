/**
 * All the words of a language: the first screen's and the rest (the later steps', the status view's, the rare
 * messages'), once the rest has loaded.
 */
import { moreWords, type LaterMessages, type Messages } from './index';

const merged = new WeakMap<Messages, Messages & LaterMessages>();

export function allWords(m: Messages): Messages & LaterMessages {
  let all = merged.get(m);
  const words = moreWords[m.lang];
  if (!words) throw new Error(`citizen-portal: the later words of "${m.lang}" were used before they loaded`);
  if (!all) merged.set(m, (all = { ...m, ...words }));
  return all;
}
