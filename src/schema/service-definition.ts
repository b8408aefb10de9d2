/**
 * GeoReport v2 service definitions: a category's questions (GET services/{code}). Asked on "Details and
 * contact", so this schema loads with the later steps, not the first screen.
 */
import { z } from './zod';
import { boolLike, listOf, optionalId, optionalNumber, optionalText, requiredId, unwrapped } from './fields';

export const AttributeValueSchema = z.looseObject({
  key: requiredId,
  name: z.pipe(
    optionalText,
    z.transform((v) => v ?? ''),
  ),
});

export const AttributeSchema = z.pipe(
  z.looseObject({
    /** false: informational text shown to the resident, not a question. Absent counts as a question. */
    variable: boolLike(true),
    code: requiredId,
    /**
     * Lower-cased, otherwise as sent ("string", "singlevaluelist", but also "boolean (checkbox)", "date",
     * "informational"…): the form picks a control by it, and anything it does not know becomes a text field.
     */
    datatype: z.pipe(
      optionalText,
      z.transform((v) => (v ?? 'string').toLowerCase()),
    ),
    required: boolLike(false),
    datatype_description: optionalText,
    order: optionalNumber,
    description: optionalText,
    values: listOf(AttributeValueSchema, ['values', 'value']),
  }),
  // An "informational" datatype is what other servers say with variable: false.
  z.transform((a) => (a.datatype === 'informational' ? { ...a, variable: false } : a)),
);
export type Attribute = z.infer<typeof AttributeSchema>;

export const ServiceDefinitionSchema = unwrapped(
  'service_definition',
  z.pipe(
    z.looseObject({
      service_code: optionalId,
      attributes: listOf(AttributeSchema, ['attributes', 'attribute']),
    }),
    // Stable numeric sort by `order`; attributes without one keep their place after the ordered ones.
    z.transform((def) => ({
      ...def,
      service_code: def.service_code ?? undefined,
      attributes: def.attributes
        .map((a, i) => ({ a, i }))
        .sort((x, y) => (x.a.order ?? Infinity) - (y.a.order ?? Infinity) || x.i - y.i)
        .map(({ a }) => a),
    })),
  ),
);
export type ServiceDefinition = z.infer<typeof ServiceDefinitionSchema>;
