/**
 * The built-in languages: their tags, each with its name in itself (for the language switcher). Here rather than
 * in i18n/ because the settings (config.ts) check `lang` and `languages` against them, and schema/ imports
 * nothing but schema/. i18n/index.ts has each language's words; a tag added here needs its chunks there.
 */

/** Each language's name in itself, for the language switcher. */
export const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  zh: '中文',
  vi: 'Tiếng Việt',
  ar: 'العربية',
};

/** A built-in language's tag ("constructor", say, is not one, though every object has it). */
export const isLanguage = (tag: string) => Object.hasOwn(LANGUAGE_NAMES, tag);
