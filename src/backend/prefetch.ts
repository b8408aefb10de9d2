/**
 * A GET started before the widget's code has evaluated (see src/start.ts), kept for the Open311 client's first
 * attempt at the same call: the categories are on their way while lit and the rest evaluate, and the client takes
 * this answer instead of asking again (one request, never two).
 */
const started = new Map<string, Promise<Response>>();

const key = (url: string, accept: string, lang: string | undefined) => `${url}\n${accept}\n${lang ?? ''}`;

/** Starts a GET exactly as the client's first attempt would make it (CORS-safelisted headers, no credentials). */
export function prefetch(url: string, accept: string, lang: string | undefined): void {
  const headers: Record<string, string> = { Accept: accept };
  if (lang) headers['Accept-Language'] = lang;
  const answer = fetch(url, { headers, credentials: 'omit' });
  answer.catch(() => undefined); // a failure is the client's to meet, when (and if) it takes this answer
  started.set(key(url, accept, lang), answer);
}

/** The answer of a prefetched GET, once: the next attempt asks the network again. */
export function takePrefetched(url: string, accept: string, lang: string | undefined): Promise<Response> | undefined {
  const k = key(url, accept, lang);
  const answer = started.get(k);
  started.delete(k);
  return answer;
}
