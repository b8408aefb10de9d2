/**
 * The first module the entry evaluates, before lit and the rest: the resident's words start loading now, in
 * parallel with everything else, instead of after the element's first render (issue #14). English's first screen
 * is in the entry file already; another language is one small chunk, fetched at once.
 */
import { loadMessages, resolveLanguage } from './i18n';

const portal = document.querySelector('citizen-portal');
const { lang } = resolveLanguage([
  portal?.getAttribute('lang'),
  portal?.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang,
]);
// The element asks for the same words when it renders, and gets this load; a failure is its to tell.
if (lang !== 'en') void loadMessages(lang).catch(() => undefined);
