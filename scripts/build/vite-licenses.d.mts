// Types for vite-licenses.mjs, so vite.config.ts (TypeScript, strict) can import it.
import type { Plugin } from 'vite';

/** Writes the licence of every package in the build to `fileName` in dist (default third-party-licenses.txt). */
export function licenses(options?: { fileName?: string }): Plugin;
