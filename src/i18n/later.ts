/** The later steps' and the status view's strings, for the language of the first screen's. */
import { enLater } from './en.later';
import type { LaterMessages, Messages } from './messages';

const catalogs: Record<string, LaterMessages> = { en: enLater };
const merged = new WeakMap<Messages, Messages & LaterMessages>();

export function withLater(m: Messages): Messages & LaterMessages {
  let all = merged.get(m);
  if (!all) merged.set(m, (all = { ...m, ...(catalogs[m.lang] ?? enLater) }));
  return all;
}
