/**
 * GeoReport v2 documents as real servers send them, parsed into one typed model.
 * Tolerant by design (see ../shared/open311/README.md): ids and codes may arrive as numbers, booleans as
 * "true"/"false", lists wrapped in an object or as a single object, nulls and "" where a value is absent.
 * Unknown fields are ignored, never fatal. Issue #3 extends the dialects; this is the common core.
 */
import { z } from './zod';

/** A string, or a number that stands for one (ids, codes, keys). */
const idLike = z.pipe(
  z.union([z.string(), z.number()]),
  z.transform((v) => String(v).trim()),
);

/** Text that may be null, "" or absent: always `string | undefined` afterwards. */
const optionalText = z.pipe(
  z.optional(z.nullable(z.union([z.string(), z.number()]))),
  z.transform((v) => (v === null || v === undefined || String(v).trim() === '' ? undefined : String(v))),
);

/** true/false, "true"/"false" (any case), 1/0. */
const boolLike = z.pipe(
  z.optional(z.nullable(z.union([z.boolean(), z.string(), z.number()]))),
  z.transform((v) => v === true || v === 1 || (typeof v === 'string' && /^(true|1|yes)$/i.test(v.trim()))),
);

/** "1", 1, "1.00" or nothing. */
const optionalNumber = z.pipe(
  z.optional(z.nullable(z.union([z.number(), z.string()]))),
  z.transform((v) => {
    if (v === null || v === undefined || v === '') return undefined;
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }),
);

/** A list that some servers send bare, some wrap as `{key: [...]}`, and some collapse to one object. */
export function listOf<T extends z.ZodMiniType>(item: T, wrapperKey: string) {
  return z.pipe(
    z.transform((v: unknown): unknown[] => {
      let list: unknown = v;
      if (list && typeof list === 'object' && !Array.isArray(list) && wrapperKey in list) {
        list = (list as Record<string, unknown>)[wrapperKey];
      }
      if (list === null || list === undefined) return [];
      return Array.isArray(list) ? list : [list];
    }),
    z.array(item),
  );
}

export const ServiceSchema = z.object({
  service_code: idLike,
  service_name: idLike,
  description: optionalText,
  metadata: boolLike,
  type: optionalText,
  keywords: optionalText,
  group: optionalText,
});
export type Service = z.infer<typeof ServiceSchema>;
export const ServiceListSchema = listOf(ServiceSchema, 'services');

export const AttributeValueSchema = z.object({ key: idLike, name: idLike });

export const AttributeSchema = z.object({
  /** false: informational text shown to the resident, not a question. Absent counts as a question. */
  variable: z.pipe(
    z.optional(z.nullable(z.union([z.boolean(), z.string(), z.number()]))),
    z.transform((v) => !(v === false || v === 0 || (typeof v === 'string' && /^(false|0|no)$/i.test(v.trim())))),
  ),
  code: idLike,
  /** Kept raw: unknown datatypes degrade to a text field in the form. */
  datatype: z.pipe(optionalText, z.transform((v) => (v ?? 'string').trim().toLowerCase())),
  required: boolLike,
  datatype_description: optionalText,
  order: optionalNumber,
  description: optionalText,
  values: z.pipe(
    z.transform((v: unknown): unknown[] => (v == null ? [] : Array.isArray(v) ? v : [v])),
    z.array(AttributeValueSchema),
  ),
});
export type Attribute = z.infer<typeof AttributeSchema>;

export const ServiceDefinitionSchema = z.pipe(
  z.object({
    service_code: z.optional(idLike),
    attributes: listOf(AttributeSchema, 'attribute'),
  }),
  // Stable numeric sort by `order`; attributes without one keep their place after the ordered ones.
  z.transform((def) => ({
    ...def,
    attributes: def.attributes
      .map((a, i) => ({ a, i }))
      .sort((x, y) => (x.a.order ?? Infinity) - (y.a.order ?? Infinity) || x.i - y.i)
      .map(({ a }) => a),
  })),
);
export type ServiceDefinition = z.infer<typeof ServiceDefinitionSchema>;

export const ServiceRequestSchema = z.object({
  service_request_id: idLike,
  status: z.pipe(optionalText, z.transform((v) => (v ?? 'open').trim())),
  status_notes: optionalText,
  service_name: optionalText,
  service_code: z.optional(idLike),
  description: optionalText,
  agency_responsible: optionalText,
  service_notice: optionalText,
  requested_datetime: optionalText,
  updated_datetime: optionalText,
  expected_datetime: optionalText,
  address: optionalText,
  zipcode: optionalText,
  lat: optionalNumber,
  long: optionalNumber,
  media_url: optionalText,
});
export type ServiceRequest = z.infer<typeof ServiceRequestSchema>;
export const ServiceRequestListSchema = listOf(ServiceRequestSchema, 'service_requests');

export const PostResultSchema = z.object({
  service_request_id: z.optional(z.nullable(idLike)),
  token: z.optional(z.nullable(idLike)),
  service_notice: optionalText,
  account_id: z.optional(z.nullable(idLike)),
});
export type PostResult = z.infer<typeof PostResultSchema>;
export const PostResultListSchema = listOf(PostResultSchema, 'service_requests');

/** Error bodies: `[{code, description}]`, a single object, or `{message}`. */
export const ErrorBodySchema = listOf(
  z.object({ code: z.optional(z.nullable(idLike)), description: optionalText, message: optionalText }),
  'errors',
);
