/** Web addresses in the settings. No zod here: src/start.ts uses it before the rest of the code evaluates. */

/**
 * Resolves `value` against the page (a relative endpoint such as "/open311/v2" is fine) and keeps http(s);
 * `trim` drops trailing slashes (a base URL that paths are added to).
 */
export function resolveHttpUrl(value: string, trim = true): string | undefined {
  try {
    const url = new URL(value, document.baseURI);
    return /^https?:$/.test(url.protocol) ? (trim ? url.href.replace(/\/+$/, '') : url.href) : undefined;
  } catch {
    return undefined;
  }
}
