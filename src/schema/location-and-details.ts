/**
 * Problems on the later steps (location, the category's questions, description, contact): with their chunk, not
 * the first screen's.
 */
import {
  attrField,
  isEmpty,
  questions,
  validateProblem,
  type ContactField,
  type Draft,
  type FieldError,
} from './draft';
import type { ServiceDefinition } from './open311';

/** GeoReport v2 allows at most 4,000 characters of description. */
export const DESCRIPTION_MAX = 4000;

/** Deliberately loose (something@something.tld): the city's server has the last word; z.email() costs 1 KB. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** "41,5" or "41.5" within ±max, else undefined. */
export const parseCoordinate = (v: string, max: number): number | undefined => {
  const n = Number(v.trim().replace(',', '.'));
  return v.trim() !== '' && Number.isFinite(n) && Math.abs(n) <= max ? n : undefined;
};

/** The draft's location as [longitude, latitude], when both coordinates are valid. */
export function draftPoint(draft: Pick<Draft, 'lat' | 'long'>): [number, number] | undefined {
  const lat = parseCoordinate(draft.lat, 90);
  const long = parseCoordinate(draft.long, 180);
  return lat !== undefined && long !== undefined ? [long, lat] : undefined;
}

export function validateLocationAndDetails(
  draft: Draft,
  requiredContact: readonly ContactField[] = [],
  def?: ServiceDefinition,
): FieldError[] {
  const errors: FieldError[] = [];
  const hasLat = draft.lat.trim() !== '';
  const hasLong = draft.long.trim() !== '';
  if (hasLat || hasLong) {
    if (parseCoordinate(draft.lat, 90) === undefined) errors.push({ field: 'lat', code: 'lat' });
    if (parseCoordinate(draft.long, 180) === undefined) errors.push({ field: 'long', code: 'long' });
  } else if (!draft.address.trim()) {
    errors.push({ field: 'address', code: 'location' });
  }
  if (draft.outside) errors.push({ field: 'lat', code: 'outside' });

  for (const a of questions(def)) {
    const value = draft.answers[a.code];
    const label = a.description ?? a.code;
    if (isEmpty(value)) {
      if (a.required) errors.push({ field: attrField(a.code), code: 'answer', label });
    } else if (a.datatype === 'number' && !Number.isFinite(Number(value))) {
      errors.push({ field: attrField(a.code), code: 'number', label });
    }
  }

  if (!draft.description.trim()) errors.push({ field: 'description', code: 'description' });
  else if (draft.description.length > DESCRIPTION_MAX) errors.push({ field: 'description', code: 'descriptionLength' });

  if (!draft.anonymous) {
    for (const field of requiredContact) if (!draft[field].trim()) errors.push({ field, code: 'required' });
    if (draft.email.trim() && !EMAIL.test(draft.email.trim())) errors.push({ field: 'email', code: 'email' });
  }
  return errors;
}

/** Every problem with a draft, all steps. */
export const validateDraft = (
  draft: Draft,
  def: ServiceDefinition | undefined,
  requiredContact: readonly ContactField[] = [],
): FieldError[] => [...validateProblem(draft), ...validateLocationAndDetails(draft, requiredContact, def)];
