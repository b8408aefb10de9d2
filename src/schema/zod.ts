/**
 * The one place that imports zod. We use `zod/mini` (tree-shakable, a few KB) because everything the resident
 * loads before the location step must fit in 28 KB gzip. `jitless` stops zod from probing `new Function`, which a
 * strict Content-Security-Policy reports as a violation even though zod catches the error.
 *
 * On the first screen, scalar fields are checked by small z.transform()s that push zod issues, instead of
 * z.string() / z.number() / z.union() / z.enum() with checks: the same validation, and about 2 KB less of zod
 * classes in the core bundle. Objects, pipes and the error model stay zod's.
 */
import * as z from 'zod/mini';

z.config({ jitless: true });

export { z };
