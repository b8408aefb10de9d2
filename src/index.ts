/**
 * citizen-portal: loading this module defines <citizen-portal> (and its two inner views).
 * Safe to load twice (two script tags, two bundles): a tag already defined is left alone.
 */
// First: queues the requests for the resident's words and the categories, made as soon as the entry has evaluated.
import './start';
import { createAdapters } from './adapters';
import { fetchConfigFile } from './backend/config-file';
import { CitizenPortal } from './elements/citizen-portal';
import { define } from './elements/define';
import { ReportForm } from './elements/report-form';
import type { StatusView } from './elements/status-view';

// The outside world the elements are given: they never fetch, and see interfaces only.
CitizenPortal.outside = { createAdapters, fetchConfigFile };
// <citizen-portal-status> and the later steps' elements are defined by their chunks, when first needed.
define('citizen-portal-report', ReportForm);
define('citizen-portal', CitizenPortal);
mountScriptTags(import.meta.url);

/**
 * The script tag alone, for sites whose editor strips unknown tags: `<script type="module" src="…/citizen-portal.js"
 * data-endpoint="…" data-jurisdiction="…">` puts a <citizen-portal> right after itself, its data- attributes
 * being the settings (checked like a JSON config). Exported for tests.
 */
export function mountScriptTags(url: string): void {
  for (const script of document.querySelectorAll<HTMLScriptElement>(
    'script[src][data-endpoint],script[src][data-config]',
  )) {
    if (script.src !== url) continue;
    const portal = document.createElement('citizen-portal');
    const settings = Object.assign(document.createElement('script'), { type: 'application/json' });
    settings.textContent = JSON.stringify(script.dataset);
    portal.append(settings);
    script.after(portal);
  }
}

export { CitizenPortal, ReportForm };
export { RequestSubmittedEvent, ReferenceResolvedEvent, type RequestSubmittedDetail } from './elements/events';
export { createOpen311Backend, type Open311Options } from './backend/open311';
export { BackendError, type Backend, type BackendErrorKind, type SubmitResult } from './backend/types';
export type { NewRequest } from './schema/new-request';
export type { Service, ServiceDefinition, Attribute } from './schema/open311';
export type { ServiceRequest, StatusFamily } from './schema/request';

declare global {
  interface HTMLElementTagNameMap {
    'citizen-portal': CitizenPortal;
    'citizen-portal-report': ReportForm;
    'citizen-portal-status': StatusView;
  }
}
