import { isBackendError } from '../backend/types';
import { moreWords, type Messages } from '../i18n';

/**
 * One plain sentence for any failure of a backend call; details go to the console for the webmaster. The
 * sentences come with the later words (see ReportForm.loadServices). Until they are here, only a failure to reach
 * the server is said ("could not reach", in the first words): the server that did answer, wrongly, is not called
 * unreachable meanwhile (a screen reader would hear the wrong sentence first); its sentence follows the words.
 */
export function backendErrorText(m: Messages, error: unknown): string {
  const words = moreWords[m.lang];
  if (isBackendError(error)) {
    if (error.kind === 'invalid-response') console.error('citizen-portal:', error.message);
    if (words) return words.backendError(error.kind, error.details.status, error.details.retryAfterSeconds);
    return error.kind === 'network' || error.kind === 'timeout' ? m.unreachable : '';
  }
  console.error('citizen-portal:', error);
  return m.unreachable;
}
