import { isBackendError } from '../backend/types';
import type { Messages } from '../i18n';

/** One plain sentence for any failure of a backend call; details go to the console for the webmaster. */
export function backendErrorText(m: Messages, error: unknown): string {
  if (isBackendError(error)) {
    if (error.kind === 'invalid-response') console.error('citizen-portal:', error.message);
    return m.backendError(error.kind, error.details.status, error.details.retryAfterSeconds);
  }
  console.error('citizen-portal:', error);
  return m.backendError('network');
}
