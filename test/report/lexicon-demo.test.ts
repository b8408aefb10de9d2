/**
 * The demo city speaks every built-in language (issue #13): its `translations` cover every word its server sends
 * (groups, categories, descriptions, questions, hints and answers) in es, fr, zh, vi and ar, each translated.
 */
import { expect } from '@open-wc/testing';
import { catalogueEntries } from '../../demo/backend/catalogue';
import { TRANSLATED_LANGUAGES, translations } from '../../demo/backend/translations';

/** Every string of the catalogue that the widget shows and `translations` can translate. */
const shown = (): string[] => {
  const out = new Set<string>();
  for (const { service, definition } of catalogueEntries) {
    out.add(service.group).add(service.service_name).add(service.description);
    for (const a of definition?.attributes ?? []) {
      out.add(a.description);
      if (a.datatype_description) out.add(a.datatype_description);
      for (const v of a.values ?? []) out.add(v.name);
    }
  }
  return [...out];
};

describe('demo translations', () => {
  it('translate every word the demo server sends, in every language but English', () => {
    const words = shown();
    for (const lang of TRANSLATED_LANGUAGES) {
      const missing = words.filter((w) => !Object.hasOwn(translations[lang], w));
      expect(missing, lang).to.deep.equal([]);
      // No row left over from a string the catalogue no longer has.
      expect(
        Object.keys(translations[lang]).filter((w) => !words.includes(w)),
        lang,
      ).to.deep.equal([]);
    }
  });

  it('say it in the language: categories and questions differ from the English', () => {
    for (const lang of TRANSLATED_LANGUAGES)
      for (const { service, definition } of catalogueEntries) {
        expect(translations[lang][service.service_name], `${lang}: ${service.service_name}`).not.to.equal(
          service.service_name,
        );
        for (const a of definition?.attributes ?? [])
          expect(translations[lang][a.description], `${lang}: ${a.description}`).not.to.equal(a.description);
      }
  });
});
