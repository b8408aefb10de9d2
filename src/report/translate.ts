/**
 * The city's own translations of its words (category names, groups, descriptions, questions and their answers),
 * from the server's words into the resident's language: `{ Pothole: 'Bache' }`. The one place they are applied;
 * a word without a translation stays as the server sent it.
 */
import type { Service, ServiceDefinition } from '../backend/types';

export type CityWords = Readonly<Record<string, string>>;

/** One word in the resident's language. Own keys only: "constructor" is not a translation. */
export const translate = (t: CityWords | undefined, word: string): string =>
  t && Object.hasOwn(t, word) ? t[word]! : word;

/**
 * The language to mark the city's own words with (`lang`), so that a screen reader reads them in their own voice:
 * the server's (`server-lang`, English unless set) where the resident reads another language and the city gave no
 * translations into theirs; undefined where the words are the resident's language.
 */
export const cityLang = (server = 'en', resident: string, words: CityWords | undefined): string | undefined =>
  words || server.split('-')[0]!.toLowerCase() === resident ? undefined : server;

export const translateService = (t: CityWords | undefined, s: Service): Service => ({
  ...s,
  service_name: translate(t, s.service_name),
  group: s.group && translate(t, s.group),
  description: s.description && translate(t, s.description),
});

export const translateDefinition = (t: CityWords | undefined, def: ServiceDefinition): ServiceDefinition => ({
  ...def,
  attributes: def.attributes.map((a) => ({
    ...a,
    description: a.description && translate(t, a.description),
    datatype_description: a.datatype_description && translate(t, a.datatype_description),
    values: a.values.map((v) => ({ ...v, name: translate(t, v.name) })),
  })),
});
