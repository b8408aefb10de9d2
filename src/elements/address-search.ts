/**
 * The "Address or place" field of the location step. With a `geocoder` attribute it is a combobox: typed words
 * bring address suggestions (debounced; biased to the city's area) and choosing one moves the pin; a pin put on
 * the map fills the field with the nearest address (reverse geocoding), unless the resident wrote their own.
 * Without a geocoder it is a plain text field. Either way the resident can always type a free description.
 * Part of the later steps' chunk.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { createGeocoder, type Geocoder, type Place } from '../backend/geocoder';
import { withLater } from '../i18n/later';
import type { ReportForm } from './report-form';
import { portalAttribute } from './portal-attribute';
import { textField } from './text-field';

interface SearchState {
  geocoder: Geocoder;
  places: Place[];
  active: number;
  timer?: ReturnType<typeof setTimeout>;
  pending?: AbortController;
  /** The address the pin filled in, so a later pin may replace it (but never what the resident typed). */
  auto?: string;
}
const states = new WeakMap<ReportForm, SearchState | null>();

function stateOf(host: ReportForm): SearchState | undefined {
  let state = states.get(host);
  if (state === undefined) {
    const spec = portalAttribute(host, 'geocoder');
    state = spec ? { geocoder: createGeocoder(spec), places: [], active: -1 } : null;
    states.set(host, state);
  }
  return state ?? undefined;
}

/** Where to look first: the city's area, as [west, south, east, north]. */
let boundsOf: (host: ReportForm) => [number, number, number, number] | undefined = () => undefined;
export function setBoundsSource(source: typeof boundsOf): void {
  boundsOf = source;
}

function search(host: ReportForm, state: SearchState, query: string): void {
  clearTimeout(state.timer);
  state.pending?.abort();
  if (query.trim().length < 3) {
    state.places = [];
    host.requestUpdate();
    return;
  }
  // Debounced: public geocoders allow about one request a second, and a resident types faster.
  state.timer = setTimeout(async () => {
    const pending = (state.pending = new AbortController());
    const bounds = boundsOf(host);
    try {
      state.places = await state.geocoder.search(query, {
        signal: pending.signal,
        lang: host.messages.lang,
        ...(bounds && { bounds }),
      });
    } catch {
      state.places = []; // suggestions are a help, not a requirement: the typed text still counts
    }
    state.active = -1;
    host.requestUpdate();
  }, 300);
}

function choose(host: ReportForm, state: SearchState, place: Place): void {
  state.places = [];
  state.active = -1;
  state.auto = place.label;
  host.setDraft({ address: place.label, lat: place.lat.toFixed(6), long: place.long.toFixed(6) });
  host.geoMessage = withLater(host.messages).placeChosen(place.label);
}

/** A pin was put on the map: fill in the nearest address, if the resident has not written one. */
export async function reverseFill(host: ReportForm, lat: number, long: number): Promise<void> {
  const state = stateOf(host);
  if (!state) return;
  try {
    const place = await state.geocoder.reverse(lat, long, { signal: host.abort.signal, lang: host.messages.lang });
    const d = host.draft;
    if (!place || (d.address && d.address !== state.auto)) return;
    state.auto = place.label;
    host.setDraft({ address: place.label });
    host.geoMessage = withLater(host.messages).pinNear(place.label);
  } catch {
    // no address for this spot: the coordinates are enough
  }
}

export function renderAddress(host: ReportForm): TemplateResult {
  const m = withLater(host.messages);
  const state = stateOf(host);
  if (!state) return textField(host, 'address', m.address, { hint: m.addressHint, autocomplete: 'street-address' });
  const a = host.fieldA11y('address', true);
  const open = state.places.length > 0;
  const onKey = (e: KeyboardEvent) => {
    const n = state.places.length;
    if (!n) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      state.active =
        (state.active + (e.key === 'ArrowDown' ? 1 : n - 1) + (state.active < 0 && e.key === 'ArrowUp' ? 1 : 0)) % n;
      host.requestUpdate();
    } else if (e.key === 'Enter' && state.active >= 0) {
      e.preventDefault();
      choose(host, state, state.places[state.active]!);
    } else if (e.key === 'Escape') {
      state.places = [];
      host.requestUpdate();
    }
  };
  return html`<div class="field">
    <label for="address">${m.address}</label>
    <p class="hint" id="address-hint">${m.addressSearchHint}</p>
    ${a.message}
    <input
      id="address"
      name="address"
      data-field="address"
      role="combobox"
      autocomplete="off"
      aria-autocomplete="list"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls="address-list"
      aria-activedescendant=${open && state.active >= 0 ? `place-${state.active}` : nothing}
      aria-describedby=${a.describedBy}
      aria-invalid=${a.invalid}
      .value=${host.draft.address}
      @input=${(e: Event) => {
        const value = (e.target as HTMLInputElement).value;
        host.setDraft({ address: value });
        search(host, state, value);
      }}
      @keydown=${onKey}
    />
    <ul id="address-list" role="listbox" aria-label=${m.addressSuggestions} class="places" ?hidden=${!open}>
      ${state.places.map(
        (p, i) =>
          html`<li
            role="option"
            id="place-${i}"
            aria-selected=${i === state.active ? 'true' : 'false'}
            ?data-active=${i === state.active}
            @mousedown=${(e: Event) => e.preventDefault()}
            @click=${() => choose(host, state, p)}
          >
            ${p.label}
          </li>`,
      )}
    </ul>
    <p class="visually-hidden" role="status">${open ? m.placesFound(state.places.length) : ''}</p>
  </div>`;
}
