/**
 * What the resident is typing (the draft), how it is checked, and the GeoReport v2 request it becomes.
 * The draft keeps every value as typed (strings), so nothing is lost on a failed submit or a reload;
 * only `toNewRequest` converts.
 */
import { z } from './zod';
import type { Attribute, ServiceDefinition } from './open311';

/** A typed value; anything else (an older or damaged draft) is empty. */
const text = z.transform((v: unknown) => (typeof v === 'string' ? v : ''));

type Answers = Record<string, string | string[]>;

/**
 * A photo of the report: uploaded (its address) or, for servers that take the files in the POST, kept on this
 * device until sending (`local`: its key in IndexedDB). A small preview (a data: URL), and where it was taken.
 */
export interface SavedPhoto {
  url?: string;
  local?: string;
  thumb: string;
  name: string;
  lat?: number;
  long?: number;
}
const isPhoto = (p: unknown): p is SavedPhoto => {
  const o = p as SavedPhoto | null;
  return (
    !!o && (/^https?:/.test(o.url ?? '') || !!o.local) && /^data:image\//.test(o.thumb) && typeof o.name === 'string'
  );
};
const isAnswer = (v: unknown) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));

/** The steps of the report, in order. Everything from 'where' on is a lazy chunk (see elements/report-steps). */
export const STEPS = ['what', 'where', 'details', 'review'] as const;
export type Step = (typeof STEPS)[number];

/**
 * The steps in the resident's order: the category first, or the place first (issue #13 §7: "Start with the
 * location", or "with a photo", whose place sets the pin), then the category.
 */
export const stepsOf = (d: Pick<Draft, 'start'>): readonly Step[] =>
  d.start === 'where' ? ['where', 'what', 'details', 'review'] : STEPS;

/** The step that asks for a field. */
export const stepOf = (field: string): Step =>
  field === 'serviceCode'
    ? 'what'
    : field === 'lat' || field === 'long' || field === 'address'
      ? 'where'
      : field === 'captcha'
        ? 'review'
        : 'details';

export const DraftSchema = z.object({
  /** Where the resident was, so a reload brings them back there. */
  step: z.transform((v: unknown): Step => (STEPS.includes(v as Step) ? (v as Step) : 'what')),
  /** Where the resident started: the category ('what'), or the place ('where'; see stepsOf). */
  start: z.transform((v: unknown): 'what' | 'where' => (v === 'where' ? v : 'what')),
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
  photos: z.transform((v: unknown): SavedPhoto[] => (Array.isArray(v) ? v.filter(isPhoto) : [])),
  lat: text,
  long: text,
  address: text,
  description: text,
  /** The city allows it and the resident chose it: no contact details are sent. */
  anonymous: z.transform((v: unknown) => v === true),
  /** The location is outside the city's boundary (set by the location step, which knows the boundary). */
  outside: z.transform((v: unknown) => v === true),
  /** The resident asked to keep their contact details on this device for next time. */
  remember: z.transform((v: unknown) => v === true),
  email: text,
  firstName: text,
  lastName: text,
  phone: text,
});
export type Draft = z.infer<typeof DraftSchema>;
export const emptyDraft = (): Draft => DraftSchema.parse({});

/** A problem with one field: `field` is the draft key or `attr:<code>`; `code` picks the i18n message. */
export interface FieldError {
  field: string;
  code:
    | 'category'
    | 'answer'
    | 'number'
    | 'location'
    | 'lat'
    | 'long'
    | 'description'
    | 'descriptionLength'
    | 'email'
    | 'required'
    | 'outside'
    | 'captcha';
  /** The question's wording, for messages about attributes. */
  label?: string;
}

export const attrField = (code: string) => `attr:${code}`;

/** The attributes that are questions (variable), in order. */
export const questions = (def: ServiceDefinition | undefined): Attribute[] =>
  def ? def.attributes.filter((a) => a.variable) : [];

export const isEmpty = (v: string | string[] | undefined) =>
  v === undefined || (Array.isArray(v) ? v.length === 0 : v.trim() === '');

/** The contact fields a city may require. */
export type ContactField = 'email' | 'firstName' | 'lastName' | 'phone';

/** The first step's one problem: no category. The later steps' (questions too) are in ./location-and-details. */
export function validateProblem(draft: Draft): FieldError[] {
  return draft.serviceCode ? [] : [{ field: 'serviceCode', code: 'category' }];
}
