/**
 * The one place that imports zod. We use `zod/mini` (tree-shakable, a few KB) because everything the resident
 * loads before the location step must fit in 25 KB gzip. `jitless` stops zod from probing `new Function`, which a
 * strict Content-Security-Policy reports as a violation even though zod catches the error.
 */
import * as z from 'zod/mini';

z.config({ jitless: true });

export { z };
