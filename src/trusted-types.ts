/**
 * Our one Trusted Types policy, "citizen-portal" (issue #15). A page that requires Trusted Types
 * (`require-trusted-types-for 'script'`) and names its policies lists it, with lit's: `trusted-types lit-html
 * citizen-portal`. It blesses two things only:
 * - maplibre's worker, from the blob: URL we made of maplibre's own worker file (map/worker.ts) — that URL and no
 *   other;
 * - an XML answer handed to DOMParser as application/xml (backend/xml.ts), which parses it into a detached
 *   document: nothing of it is put into the page, and XML parsing runs no script.
 * - the script of a gateway's CAPTCHA provider (backend/captcha.ts): Cloudflare Turnstile's or hCaptcha's, at the
 *   fixed addresses written there.
 * Only URLs our own code names are blessed: the policy object never leaves this module.
 * Without Trusted Types, or where the page does not allow the name, the values stay the plain strings they were.
 */
interface Policy {
  createScriptURL(url: string): unknown;
  createHTML(xml: string): unknown;
}

const scriptUrls = new Set<string>();
let policy: Policy | null | undefined;

function ours(): Policy | null {
  if (policy !== undefined) return policy;
  const tt = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: Policy): Policy } }).trustedTypes;
  try {
    policy =
      tt?.createPolicy('citizen-portal', {
        createScriptURL: (url) => {
          if (!scriptUrls.has(url)) throw new TypeError(`citizen-portal: not a script of ours: ${url}`);
          return url;
        },
        createHTML: (xml) => xml,
      }) ?? null;
  } catch {
    policy = null; // the page's CSP does not allow the name: strings, as before
  }
  return policy;
}

/** An XML text, as DOMParser.parseFromString takes it under Trusted Types. */
export const trustedXml = (xml: string): string => (ours()?.createHTML(xml) ?? xml) as string;

/**
 * A script URL our code chose (the blob: URL of maplibre's worker, a CAPTCHA provider's script), as `new Worker()`
 * and a script's `src` take it under Trusted Types (else the string).
 */
export function trustedScriptUrl(url: string): string {
  scriptUrls.add(url);
  return (ours()?.createScriptURL(url) ?? url) as string;
}
