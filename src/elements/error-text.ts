import { isBackendError } from '../backend/types';
import { moreWords, type Messages } from '../i18n';

/**
 * One plain sentence for any failure of a backend call; details go to the console for the webmaster. The
 * sentences come with the later words (see ReportForm.loadServices); without them (offline), "could not reach".
 */
export function backendErrorText(m: Messages, error: unknown): string {
  const words = moreWords[m.lang];
  if (isBackendError(error)) {
    if (error.kind === 'invalid-response') console.error('citizen-portal:', error.message);
    return words?.backendError(error.kind, error.details.status, error.details.retryAfterSeconds) ?? m.unreachable;
  }
  console.error('citizen-portal:', error);
  return m.unreachable;
}
