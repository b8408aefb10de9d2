/**
 * The first module the entry evaluates (issue #14): what the first screen needs starts loading as soon as the entry
 * has evaluated, in parallel, instead of after the element's first render —
 * - the resident's words (English's first screen is in the entry file; another language is one small chunk);
 * - the categories of a <citizen-portal> already on the page, requested exactly as the Open311 client's first
 *   attempt will (see backend/prefetch.ts), which then takes this answer: one request, never two.
 * Only the plain case is guessed (attributes on the element); a JSON config, a language switcher, XML or a backend
 * of the page's own leave it to the element. Nothing here may import what is heavy to evaluate (zod schemas, lit).
 *
 * Why in a microtask (the first one queued, so it runs right after the entry's evaluation, before the element's
 * own first steps): Chromium takes the script stack of each request, and for a request made from the file's
 * top-level code it parses the whole file again to find the line. For our entry that was 11–15 ms at 4x CPU, more
 * than the rest of the evaluation takes; from a microtask the stack is this function alone (about 4 ms).
 */
import { prefetch } from './backend/prefetch';
import { loadMessages, pageLanguage, resolveLanguage } from './i18n';
import { resolveHttpUrl } from './schema/url';

queueMicrotask(() => {
  const portal = document.querySelector('citizen-portal');
  const read = (name: string) => portal?.getAttribute(name)?.trim() || undefined;
  // As the element resolves it (elements/language.ts) when no language switcher is offered.
  const { lang, locale } = resolveLanguage([read('lang'), portal && pageLanguage(portal)]);
  // The element asks for the same words when it renders, and gets this load; a failure is its to tell.
  if (lang !== 'en') void loadMessages(lang).catch(() => undefined);

  const endpoint = read('endpoint') ?? read('gateway');
  const plain =
    portal &&
    endpoint &&
    !read('config') &&
    !read('languages') &&
    (read('format') ?? 'json') === 'json' &&
    !portal.querySelector(':scope > script[type="application/json"]');
  // As the settings resolve it; not a web address: the element says so.
  const base = plain && resolveHttpUrl(endpoint);
  if (base) {
    const url = new URL(`${base}/services.json`);
    const jurisdiction = read('jurisdiction');
    const localeParam = read('locale-param');
    if (jurisdiction) url.searchParams.set('jurisdiction_id', jurisdiction);
    if (localeParam) url.searchParams.set(localeParam, locale);
    prefetch(url.href, 'application/json', locale);
  }
});
