/**
 * GeoReport v2 service definitions: a category's questions (GET services/{code}). Asked on "Details and
 * contact", so this schema loads with the later steps, not the first screen.
 *
 * A definition never blocks a resident (issue #17): a question that cannot be read (no code, a list without one
 * usable choice) is left out and named in `skipped`, which the client reports to the console; the category stays
 * fileable with the questions that could be read. Questions the server fills itself (FixMyStreet's
 * `automated: server_set | hidden_field`) are not questions for a person and are left out silently.
 */
import { z } from './zod';
import { absent, boolLike, listOf, optionalId, optionalNumber, optionalText, requiredId, unwrapped } from './fields';

/**
 * One field of a value, dug out of the nesting some servers add: Eindhoven's open311-api sends
 * `{"key": {"key": 123, "name": "Ford"}, "name": {"key": 123, "name": "Ford"}}`.
 */
const dig = (v: unknown, field: 'key' | 'name'): unknown => {
  for (let depth = 0; depth < 3 && v && typeof v === 'object' && !Array.isArray(v); depth++) {
    const o = v as Record<string, unknown>;
    v = field in o ? o[field] : field === 'name' ? o.key : undefined;
  }
  return v;
};

export const AttributeValueSchema = z.pipe(
  // A bare "Ford" (or 123) is a value whose key is its name.
  z.transform((v: unknown) => {
    const o: Record<string, unknown> =
      v && typeof v === 'object' ? (v as Record<string, unknown>) : { key: v, name: v };
    return { ...o, key: dig(o.key, 'key'), name: dig(o.name, 'name') };
  }),
  z.looseObject({
    key: requiredId,
    name: z.pipe(
      optionalText,
      z.transform((v) => v ?? ''),
    ),
  }),
);

const valueList = listOf(AttributeValueSchema, ['values', 'value']);
const CHOICE = /valuelist$/;

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
    // No usable choice at all is no list (checked below), not a broken document. A transform, not z.catch():
    // every zod class a lazy chunk uses lands in the first screen's chunk, where zod lives.
    values: z.transform((v: unknown) => valueList.safeParse(v).data ?? []),
    /** FixMyStreet / open311-adapter: `server_set` or `hidden_field`, filled by the server or the map, not asked. */
    automated: optionalText,
  }),
  // An "informational" datatype is what other servers say with variable: false.
  z.transform((a, ctx) => {
    if (a.variable && CHOICE.test(a.datatype) && !a.values.length) {
      ctx.issues.push({ code: 'custom', message: 'a list without one usable choice', input: a, path: ['values'] });
    }
    return a.datatype === 'informational' ? { ...a, variable: false } : a;
  }),
);
export type Attribute = z.infer<typeof AttributeSchema>;

/** The attributes, each read on its own: the readable ones, and a note on each one that was not. */
const attributeList = z.transform((v: unknown) => {
  const list = absent(v) ? [] : Array.isArray(v) ? v : [v];
  const attributes: Attribute[] = [];
  const skipped: string[] = [];
  list.forEach((entry, i) => {
    const r = AttributeSchema.safeParse(entry);
    if (r.success) {
      if (!r.data.automated) attributes.push(r.data);
      return;
    }
    const code = entry && typeof entry === 'object' ? (entry as Record<string, unknown>).code : undefined;
    const issue = r.error.issues[0];
    skipped.push(
      `question ${absent(code) || typeof code === 'object' ? `#${i + 1}` : String(code)}: ${issue?.path.join('.') || 'it'}: ${issue?.message}`,
    );
  });
  return { attributes, skipped };
});

export const ServiceDefinitionSchema = unwrapped(
  'service_definition',
  z.pipe(
    // No definition at all (an empty body, [], "") is a category without questions.
    z.transform((v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {})),
    z.pipe(
      z.looseObject({
        service_code: optionalId,
      }),
      // `{attributes: [...]}`, `{attributes: {attribute: [...]}}` (XML), or the spec's old example: <attribute>s
      // straight in the root. Kept by the loose object, read here.
      z.transform(({ attribute, ...def }) => {
        let raw = def.attributes ?? attribute;
        for (let d = 0; d < 2 && raw && typeof raw === 'object' && !Array.isArray(raw); d++) {
          const o = raw as Record<string, unknown>;
          if (!('attributes' in o || 'attribute' in o)) break;
          raw = o.attributes ?? o.attribute;
        }
        const { attributes, skipped } = attributeList.parse(raw);
        return {
          ...def,
          service_code: def.service_code ?? undefined,
          // Stable numeric sort by `order`; attributes without one keep their place after the ordered ones.
          attributes: attributes
            .map((a, i) => ({ a, i }))
            .sort((x, y) => (x.a.order ?? Infinity) - (y.a.order ?? Infinity) || x.i - y.i)
            .map(({ a }) => a),
          ...(skipped.length ? { skipped } : {}),
        };
      }),
    ),
  ),
);
export type ServiceDefinition = z.infer<typeof ServiceDefinitionSchema>;
