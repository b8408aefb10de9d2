// Types for vite-minify-templates.mjs, so vite.config.ts (TypeScript, strict) can import it.
import type { Plugin } from 'vite';

export function minifyCss(text: string): string;
export function minifyHtml(text: string): string;
/** Squeezes whitespace out of css`…` and html`…` templates in src/ (build only). */
export function minifyTemplates(): Plugin;
