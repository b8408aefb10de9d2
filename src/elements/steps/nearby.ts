/**
 * "Is it one of these?": open reports of the same category within ~200 m of the chosen location, as markers on
 * the map and as a list (the list is the way for everyone; the map is never the only way). Following one instead
 * of filing a duplicate adds it to My requests and opens its status. The controller fetches the category's open
 * reports once per category and stops fetching when the step's element leaves the page.
 *
 * A resident who started with the place (issue #13 §7) sees, before choosing a category, the open reports of every
 * category near it: <citizen-portal-nearby>, on the first step.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { distanceMeters } from '../../map/geometry';
import { draftPoint } from '../../schema/location-and-details';
import type { ServiceRequest } from '../../schema/request';
import { myRequestsKeyFor, recordOf, rememberRequest } from '../../storage/my-requests';
import { CheckStatusEvent } from '../events';
import { StepElement } from './step-element';

/** Near enough to be the same problem, by what residents and crews consider "the same spot". */
const NEARBY_METERS = 200;
const MAX_SHOWN = 5;

export interface Nearby {
  request: ServiceRequest;
  meters: number;
}

export class NearbyReports implements ReactiveController {
  private code: string | undefined;
  private list: ServiceRequest[] = [];
  private abort: AbortController | undefined;

  /** `anyCategory`: every category's open reports, before one is chosen. */
  constructor(
    private readonly host: StepElement,
    private readonly anyCategory = false,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.abort = new AbortController();
    this.code = undefined;
  }

  hostDisconnected(): void {
    this.abort?.abort();
  }

  private load(code: string): void {
    this.code = code;
    this.list = [];
    const backend = this.host.flow.backend;
    void (
      backend?.requests?.({ ...(code && { serviceCode: code }), status: ['open'], limit: 200 }, this.abort?.signal) ??
      Promise.resolve([])
    )
      .catch(() => [] as ServiceRequest[]) // a server that lists nothing, or fails: no suggestions, no harm
      .then((list) => {
        if (this.code !== code) return;
        this.list = list;
        this.host.requestUpdate();
      });
  }

  /** The open reports near the draft's location, nearest first (empty until known). */
  near(): Nearby[] {
    const d = this.host.flow.draft;
    const point = draftPoint(d);
    const code = this.anyCategory ? '' : d.serviceCode;
    if (!(code || this.anyCategory) || !point || !this.host.flow.backend?.requests) return [];
    if (this.code !== code) this.load(code);
    return this.list
      .filter((r) => r.lat !== undefined && r.long !== undefined)
      .map((request) => ({ request, meters: distanceMeters(point, [request.long!, request.lat!]) }))
      .filter((n) => n.meters <= NEARBY_METERS)
      .sort((a, b) => a.meters - b.meters)
      .slice(0, MAX_SHOWN);
  }

  /** Follow an existing report instead of filing the same one again. */
  trackInstead(request: ServiceRequest): void {
    rememberRequest(myRequestsKeyFor(this.host.flow.storageKey), recordOf(request));
    this.host.dispatchEvent(new CheckStatusEvent(request.service_request_id));
  }

  render(list: Nearby[]): TemplateResult | typeof nothing {
    if (!list.length) return nothing;
    const m = this.host.words;
    // In the resident's language, not the browser's.
    const when = (iso?: string) => (iso ? new Date(iso).toLocaleDateString(m.lang) : '');
    return html`<section class="panel" part="nearby" aria-labelledby="nearby-title">
      <h3 id="nearby-title">${m.nearbyTitle(list.length)}</h3>
      <p>${m.nearbyHint}</p>
      <ul class="nearby">
        ${list.map(
          ({ request: r, meters }) =>
            html`<li>
              <p>
                <strong lang=${this.host.cityLang}>${r.service_name ?? ''}</strong>
                ${r.address ? html`— ${r.address}` : nothing}<br />
                <span class="hint"
                  >${m.nearbyDetails(Math.round(meters), when(r.requested_datetime), r.status_notes)}</span
                >
              </p>
              <button type="button" class="secondary" @click=${() => this.trackInstead(r)}>
                ${m.trackInstead}<span class="visually-hidden"> (${r.service_request_id})</span>
              </button>
            </li>`,
        )}
      </ul>
    </section>`;
  }
}

/** The open reports of every category near the place, on the first step when the resident started there. */
export class NearbyStep extends StepElement {
  private readonly nearby = new NearbyReports(this, true);

  protected override renderStep(): TemplateResult {
    return html`${this.nearby.render(this.nearby.near())}`;
  }
}
