/**
 * "Remember my details on this device": the resident's contact details, kept in localStorage only when they
 * ask for it, so their next report starts filled in. Never without consent, never sent anywhere but with a
 * report; forgetting is one untick. Failures are silent: the form works without it.
 */
import type { ContactField } from '../schema/draft';

export type Contact = Record<ContactField, string>;
const FIELDS: ContactField[] = ['email', 'firstName', 'lastName', 'phone'];

/** Beside the unfinished report's key (one per endpoint): the contact details remembered on this device. */
export const contactKeyFor = (draftKey: string): string => draftKey.replace(':draft:', ':contact:');

export function loadContact(key: string): Contact | undefined {
  try {
    const saved = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<Contact> | null;
    if (!saved || typeof saved !== 'object') return undefined;
    return Object.fromEntries(FIELDS.map((f) => [f, typeof saved[f] === 'string' ? saved[f] : ''])) as Contact;
  } catch {
    return undefined;
  }
}

export function saveContact(key: string, contact: Contact): void {
  try {
    localStorage.setItem(key, JSON.stringify(Object.fromEntries(FIELDS.map((f) => [f, contact[f]]))));
  } catch {
    // storage full or blocked: nothing is remembered, nothing breaks
  }
}

export function forgetContact(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // nothing to do
  }
}
