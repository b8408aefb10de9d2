/** The later steps' and the status view's strings, for the language of the first screen's (loaded by then). */
import { laterLoaded, type LaterMessages, type Messages } from './index';

const merged = new WeakMap<Messages, Messages & LaterMessages>();

export function withLater(m: Messages): Messages & LaterMessages {
  let all = merged.get(m);
  const words = laterLoaded[m.lang];
  if (!words) throw new Error(`citizen-portal: the later words of "${m.lang}" were used before they loaded`);
  if (!all) merged.set(m, (all = { ...m, ...words }));
  return all;
}
