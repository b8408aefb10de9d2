/**
 * The element's public events: typed classes, dispatched by <citizen-portal> itself, bubbling and composed, so a
 * webmaster can hook analytics or a thank-you page (`el.addEventListener('cp-request-submitted', (e) =>
 * e.detail.serviceRequestId)`, typed in TypeScript through GlobalEventHandlersEventMap).
 */
import type { SubmitResult } from '../backend/types';

export interface RequestSubmittedDetail extends SubmitResult {
  /** The category the report was filed in. */
  serviceCode: string;
}

/** A report was accepted by the city's server. */
export class RequestSubmittedEvent extends CustomEvent<RequestSubmittedDetail> {
  static readonly type = 'cp-request-submitted';
  constructor(detail: RequestSubmittedDetail) {
    super(RequestSubmittedEvent.type, { bubbles: true, composed: true, detail });
  }
}

/** The real reference number behind a provisional token (GeoReport v2 "batch" servers) arrived. */
export class ReferenceResolvedEvent extends CustomEvent<{ token: string; serviceRequestId: string }> {
  static readonly type = 'cp-reference-resolved';
  constructor(detail: { token: string; serviceRequestId: string }) {
    super(ReferenceResolvedEvent.type, { bubbles: true, composed: true, detail });
  }
}

/**
 * Inside the widget only: a view asks to open the tracker on a request (the one just filed, or a nearby one the
 * resident follows instead). Composed, to reach <citizen-portal> from any inner shadow root; stopped there.
 * @internal
 */
export class CheckStatusEvent extends CustomEvent<{ id?: string }> {
  static readonly type = 'cp-check-status';
  constructor(id?: string) {
    super(CheckStatusEvent.type, { bubbles: true, composed: true, detail: { id } });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cp-request-submitted': RequestSubmittedEvent;
    'cp-reference-resolved': ReferenceResolvedEvent;
    'cp-check-status': CheckStatusEvent;
  }
}
