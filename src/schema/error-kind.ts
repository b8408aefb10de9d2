/**
 * The kinds of backend failure: what every Backend rejects with (BackendError in backend/types.ts, which
 * re-exports this type for the public API) and what every language puts in one plain sentence
 * (i18n/messages.ts). It lives here because both layers may import schema/, and i18n/ never imports backend/.
 */
export type BackendErrorKind =
  'network' | 'timeout' | 'http' | 'rate-limited' | 'not-found' | 'forbidden' | 'invalid-response' | 'aborted';
