/**
 * citizen-portal: loading this module defines <citizen-portal> (and its two inner views).
 * Safe to load twice (two script tags, two bundles): a tag already defined is left alone.
 */
import { CitizenPortal } from './elements/citizen-portal';
import { define } from './elements/define';
import { ReportForm } from './elements/report-form';
import type { StatusView } from './elements/status-view';

// <citizen-portal-status> is defined by its own chunk, loaded when the resident first opens "Check status".
define('citizen-portal-report', ReportForm);
define('citizen-portal', CitizenPortal);

export { CitizenPortal, ReportForm };
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
