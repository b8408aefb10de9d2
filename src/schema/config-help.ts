/**
 * What the console tells a webmaster about a setting that is wrong (English: it is for the site's developer).
 * Its own chunk, loaded only when a setting is wrong.
 */
import type { Config } from './config';

/** What the console tells the webmaster to do about each setting (English: it is for the site's developer). */
export const configHints: Partial<Record<keyof Config, string>> = {
  endpoint: 'Set it to the base URL of your Open311 GeoReport v2 API, e.g. endpoint="https://city.example/open311/v2".',
  format: 'Use format="json" (the default) or format="xml".',
  timeout: 'For example timeout="20"; the default is 15 seconds.',
  mediaUpload: 'Set it to the URL of an endpoint that stores a photo and answers with its URL.',
  maxPhotos: 'For example max-photos="3" (the default); 0 turns photos off.',
  requiredContact: 'For example required-contact="email name".',
};

/** The console's sentence: which attribute, what is wrong, what it got, and what to do. */
export const configMessage = (r: { key: keyof Config; attribute: string; problem: string; value: unknown }) =>
  `citizen-portal: the "${r.attribute}" attribute ${r.problem} (got ${JSON.stringify(r.value ?? null)}). ${configHints[r.key] ?? ''}`.trim();

/** `category` names a service code the server does not have: which, and a few that it has. */
export const unknownCategory = (code: string, services: ReadonlyArray<{ service_code: string }>) =>
  `citizen-portal: the "category" attribute names no category of this server (got ${JSON.stringify(code)}). Use one of its service codes, e.g. ${services
    .slice(0, 3)
    .map((s) => JSON.stringify(s.service_code))
    .join(', ')}.`;
