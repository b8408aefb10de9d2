/**
 * GeoReport v2 documents as real servers send them, parsed into one typed model (see ../shared/open311/README.md
 * for the dialects). JSON and XML arrive here as the same plain values (backend/xml.ts turns XML into them), with
 * keys lower-cased (backend/decode.ts). Tolerant by design:
 * - ids, codes and keys may be numbers; booleans may be "true"/"false"; null, "" and absent all mean absent;
 * - lists may be bare, wrapped (`{services: [...]}`, `{service_requests: {request: ...}}`), or one object;
 * - a list item that does not fit is dropped (a catalogue with one broken service still works), unless every
 *   item is broken: then the document is not what we asked for;
 * - fields we do not know are kept (loose objects), never fatal.
 * The field parsers that do this are in ./fields.ts.
 */
import { z } from './zod';
import { boolLike, listOf, optionalText, requiredId } from './fields';

// --- Services -------------------------------------------------------------------------------------------------

export const ServiceSchema = z.looseObject({
  service_code: requiredId,
  service_name: requiredId,
  description: optionalText,
  metadata: boolLike(false),
  /** realtime | batch | blackbox (as sent; absent means realtime). */
  type: z.pipe(
    optionalText,
    z.transform((v) => v?.toLowerCase() ?? 'realtime'),
  ),
  keywords: optionalText,
  group: optionalText,
});
export type Service = z.infer<typeof ServiceSchema>;
export const ServiceListSchema = listOf(ServiceSchema, ['services', 'service']);

// Service definitions (a category's questions) are in ./service-definition: the later steps' chunk.
export type { Attribute, ServiceDefinition } from './service-definition';

// --- Errors --------------------------------------------------------------------------------------------------

/**
 * Error bodies: `[{code, description}]`, one object, `{description}`, `{message}` (Eindhoven's
 * `{type, code: "middleware_26", message}`), `{errors: [...]}`, XML <errors>, and a bare `<error>text</error>`.
 */
export const ErrorBodySchema = listOf(
  z.looseObject({ code: optionalText, description: optionalText, message: optionalText, error: optionalText }),
  ['errors', 'error'],
);
