/**
 * What the resident is typing (the draft), how it is checked, and the GeoReport v2 request it becomes.
 * The draft keeps every value as typed (strings), so nothing is lost on a failed submit or a reload;
 * only `toNewRequest` converts.
 */
import { z } from './zod';
import type { Attribute, ServiceDefinition } from './open311';

/** A typed value; absent (an older draft) is empty. */
const text = z.pipe(
  z.optional(z.string()),
  z.transform((v) => v ?? ''),
);

type Answers = Record<string, string | string[]>;
const isAnswer = (v: unknown) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));

/** The steps of the report, in order. Everything from 'where' on is a lazy chunk (see elements/report-steps). */
export const STEPS = ['what', 'where', 'details', 'review'] as const;
export type Step = (typeof STEPS)[number];

/** The step that asks for a field. */
export const stepOf = (field: string): Step =>
  field === 'serviceCode' || field.startsWith('attr:')
    ? 'what'
    : field === 'lat' || field === 'long' || field === 'address'
      ? 'where'
      : 'details';

export const DraftSchema = z.object({
  /** Where the resident was, so a reload brings them back there. */
  step: z.pipe(
    z.optional(z.string()),
    z.transform((v): Step => (STEPS.includes(v as Step) ? (v as Step) : 'what')),
  ),
  serviceCode: text,
  /**
   * Answers by attribute code; multi-value lists are arrays. Kept across category changes. Checked by hand:
   * z.record costs the core bundle more than these lines.
   */
  answers: z.transform((v: unknown, ctx): Answers => {
    if (v === undefined) return {};
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every(isAnswer)) return v as Answers;
    ctx.issues.push({ code: 'custom', message: 'answers must be text or lists of text', input: v });
    return {};
  }),
  lat: text,
  long: text,
  address: text,
  description: text,
  email: text,
  firstName: text,
  lastName: text,
  phone: text,
});
export type Draft = z.infer<typeof DraftSchema>;
export const emptyDraft = (): Draft => DraftSchema.parse({});

/** GeoReport v2 allows at most 4,000 characters of description. */
export const DESCRIPTION_MAX = 4000;

/** The POST fields of GeoReport v2, before form encoding. */
export interface NewRequest {
  service_code: string;
  lat?: number;
  long?: number;
  address_string?: string;
  description?: string;
  email?: string;
  first_name?: string;
  last_name?: string;
  phone?: string;
  media_url?: string;
  attributes: Record<string, string | string[]>;
}

/** A problem with one field: `field` is the draft key or `attr:<code>`; `code` picks the i18n message. */
export interface FieldError {
  field: string;
  code: 'category' | 'answer' | 'number' | 'location' | 'lat' | 'long' | 'description' | 'descriptionLength' | 'email';
  /** The question's wording, for messages about attributes. */
  label?: string;
}

export const attrField = (code: string) => `attr:${code}`;

/** The attributes that are questions (variable), in order. */
export const questions = (def: ServiceDefinition | undefined): Attribute[] =>
  def ? def.attributes.filter((a) => a.variable) : [];

/** Deliberately loose (something@something.tld): the city's server has the last word; z.email() costs 1 KB. */
const Email = z.string().check(z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/));
const parseCoordinate = (v: string, max: number): number | undefined => {
  const n = Number(v.trim().replace(',', '.'));
  return v.trim() !== '' && Number.isFinite(n) && Math.abs(n) <= max ? n : undefined;
};
const isEmpty = (v: string | string[] | undefined) =>
  v === undefined || (Array.isArray(v) ? v.length === 0 : v.trim() === '');

export function validateDraft(draft: Draft, def: ServiceDefinition | undefined): FieldError[] {
  const errors: FieldError[] = [];
  if (!draft.serviceCode) errors.push({ field: 'serviceCode', code: 'category' });

  for (const a of questions(def)) {
    const value = draft.answers[a.code];
    const label = a.description ?? a.code;
    if (isEmpty(value)) {
      if (a.required) errors.push({ field: attrField(a.code), code: 'answer', label });
    } else if (a.datatype === 'number' && !Number.isFinite(Number(value))) {
      errors.push({ field: attrField(a.code), code: 'number', label });
    }
  }

  const hasLat = draft.lat.trim() !== '';
  const hasLong = draft.long.trim() !== '';
  if (hasLat || hasLong) {
    if (parseCoordinate(draft.lat, 90) === undefined) errors.push({ field: 'lat', code: 'lat' });
    if (parseCoordinate(draft.long, 180) === undefined) errors.push({ field: 'long', code: 'long' });
  } else if (!draft.address.trim()) {
    errors.push({ field: 'address', code: 'location' });
  }

  if (!draft.description.trim()) errors.push({ field: 'description', code: 'description' });
  else if (draft.description.length > DESCRIPTION_MAX) errors.push({ field: 'description', code: 'descriptionLength' });

  if (draft.email.trim() && !Email.safeParse(draft.email.trim()).success)
    errors.push({ field: 'email', code: 'email' });
  return errors;
}

/** "2026-11-26T09:30" (a datetime-local value, the resident's time) → ISO 8601 with the zone offset. */
export function localDateTimeToIso(value: string): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}

/** The request to send: only answers to the chosen category's questions, typed values trimmed, empties left out. */
export function toNewRequest(draft: Draft, def: ServiceDefinition | undefined): NewRequest {
  const attributes: NewRequest['attributes'] = {};
  for (const a of questions(def)) {
    const value = draft.answers[a.code];
    if (isEmpty(value)) continue;
    attributes[a.code] = Array.isArray(value)
      ? value
      : a.datatype === 'datetime'
        ? localDateTimeToIso(value!.trim())
        : value!.trim();
  }
  const opt = (v: string) => v.trim() || undefined;
  const lat = parseCoordinate(draft.lat, 90);
  const long = parseCoordinate(draft.long, 180);
  return {
    service_code: draft.serviceCode,
    ...(lat !== undefined && long !== undefined ? { lat, long } : {}),
    address_string: opt(draft.address),
    description: opt(draft.description),
    email: opt(draft.email),
    first_name: opt(draft.firstName),
    last_name: opt(draft.lastName),
    phone: opt(draft.phone),
    attributes,
  };
}
