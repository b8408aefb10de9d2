// Types for vite-maplibre-worker.mjs, so vite.config.ts (TypeScript, strict) can import it.
import type { Plugin } from 'vite';

/** The worker's file name, as emitted next to the map chunk. */
export const WORKER_FILE: 'maplibre-gl-worker.mjs';
/** Path of the worker file maplibre-gl ships, resolved from `root` (default: the working directory). */
export function maplibreWorkerPath(root?: string): string;
/** The worker's code as shipped: without its sourceMappingURL comment. */
export function maplibreWorkerCode(root?: string): string;
/** Emits maplibre-gl-worker.mjs next to the chunk(s) naming it; serves it in `vite` dev. */
export function maplibreWorker(): Plugin;
export default maplibreWorker;
