/**
 * "Is it one of these?": open reports of the same category within ~200 m of the chosen location, as markers on
 * the map and as a list (the list is the way for everyone; the map is never the only way). Following one
 * instead of filing a duplicate adds it to My requests and opens its status. Part of the later steps' chunk.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { withLater } from '../i18n/later';
import { distanceMeters } from '../map/geometry';
import { parseCoordinate } from '../schema/validate-rest';
import type { ServiceRequest } from '../schema/request';
import { myRequestsKeyFor, rememberRequest } from '../storage/my-requests';
import type { ReportForm } from './report-form';

/** Near enough to be the same problem, by what residents and crews consider "the same spot". */
const NEARBY_METERS = 200;
const MAX_SHOWN = 5;

interface Nearby {
  request: ServiceRequest;
  meters: number;
}
/** Open requests of one category, fetched once per category and host; filtered by distance as the pin moves. */
const cache = new WeakMap<ReportForm, { code: string; list?: ServiceRequest[] }>();

function load(host: ReportForm, code: string): void {
  const entry: { code: string; list?: ServiceRequest[] } = { code };
  cache.set(host, entry);
  void (
    host.backend?.requests?.({ serviceCode: code, status: ['open'], limit: 200 }, host.abort.signal) ??
    Promise.resolve([])
  )
    .catch(() => [] as ServiceRequest[]) // a server that lists nothing, or fails: no suggestions, no harm
    .then((list) => {
      entry.list = list;
      host.requestUpdate();
    });
}

/** The open reports near the draft's location, nearest first (empty until known). */
export function nearby(host: ReportForm): Nearby[] {
  const d = host.draft;
  const lat = parseCoordinate(d.lat, 90);
  const long = parseCoordinate(d.long, 180);
  if (!d.serviceCode || lat === undefined || long === undefined || !host.backend?.requests) return [];
  const entry = cache.get(host);
  if (entry?.code !== d.serviceCode) load(host, d.serviceCode);
  return (entry?.code === d.serviceCode ? (entry.list ?? []) : [])
    .filter((r) => r.lat !== undefined && r.long !== undefined)
    .map((request) => ({ request, meters: distanceMeters([long, lat], [request.long!, request.lat!]) }))
    .filter((n) => n.meters <= NEARBY_METERS)
    .sort((a, b) => a.meters - b.meters)
    .slice(0, MAX_SHOWN);
}

/** Follow an existing report instead of filing the same one again. */
export function trackInstead(host: ReportForm, request: ServiceRequest): void {
  rememberRequest(myRequestsKeyFor(host.storageKey), {
    id: request.service_request_id,
    ...(request.service_name && { serviceName: request.service_name }),
    ...(request.address && { address: request.address }),
  });
  host.dispatchEvent(new CustomEvent('cp-check-status', { detail: { id: request.service_request_id } }));
}

export function renderNearby(host: ReportForm, list: Nearby[]): TemplateResult | typeof nothing {
  if (!list.length) return nothing;
  const m = withLater(host.messages);
  // In the resident's language, not the browser's.
  const when = (iso?: string) => (iso ? new Date(iso).toLocaleDateString(host.messages.lang) : '');
  return html`<section class="panel" part="nearby" aria-labelledby="nearby-title">
    <h3 id="nearby-title">${m.nearbyTitle(list.length)}</h3>
    <p>${m.nearbyHint}</p>
    <ul class="nearby">
      ${list.map(
        ({ request: r, meters }) =>
          html`<li>
            <p>
              <strong>${r.service_name ?? ''}</strong> ${r.address ? html`— ${r.address}` : nothing}<br />
              <span class="hint"
                >${m.nearbyDetails(Math.round(meters), when(r.requested_datetime), r.status_notes)}</span
              >
            </p>
            <button type="button" class="secondary" @click=${() => trackInstead(host, r)}>
              ${m.trackInstead}<span class="visually-hidden"> (${r.service_request_id})</span>
            </button>
          </li>`,
      )}
    </ul>
  </section>`;
}
