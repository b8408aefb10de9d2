/**
 * The "Address or place" field of the location step. With a geocoder it is a combobox: typed words bring address
 * suggestions (debounced; biased to the city's area) and choosing one moves the pin; a pin put on the map fills
 * the field with the nearest address (reverse geocoding), unless the resident wrote their own. Without one it is
 * a plain text field. Either way the resident can always type a free description. The controller owns its timer
 * and requests: both stop when the step's element leaves the page.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { Geocoder, Place } from '../../backend/geocoder';
import type { LocationHost } from './step-element';

export class AddressSearch implements ReactiveController {
  private places: Place[] = [];
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: AbortController | undefined;
  private geocoder: Promise<Geocoder> | undefined;
  /** The address the pin filled in, so a later pin may replace it (but never what the resident typed). */
  private auto: string | undefined;

  constructor(
    private readonly host: LocationHost,
    /** Where to look first: the city's area, as [west, south, east, north]. */
    private readonly bounds: () => [number, number, number, number] | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.geocoder = this.host.adapters.geocoder?.();
    this.pending = new AbortController();
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.pending?.abort();
  }

  private search(query: string): void {
    clearTimeout(this.timer);
    this.pending?.abort();
    if (query.trim().length < 3) {
      this.places = [];
      this.host.requestUpdate();
      return;
    }
    // Debounced: public geocoders allow about one request a second, and a resident types faster.
    this.timer = setTimeout(async () => {
      const pending = (this.pending = new AbortController());
      const bounds = this.bounds();
      try {
        this.places = await (
          await this.geocoder!
        ).search(query, {
          signal: pending.signal,
          lang: this.host.messages.lang,
          ...(bounds && { bounds }),
        });
      } catch {
        this.places = []; // suggestions are a help, not a requirement: the typed text still counts
      }
      this.active = -1;
      this.host.requestUpdate();
    }, 300);
  }

  private choose(place: Place): void {
    this.places = [];
    this.active = -1;
    this.auto = place.label;
    this.host.flow.set({ address: place.label, lat: place.lat.toFixed(6), long: place.long.toFixed(6) });
    this.host.say(this.host.words.placeChosen(place.label));
  }

  /** Whether a pin's address can be looked up (the city has a geocoder). */
  get reverses(): boolean {
    return !!this.geocoder;
  }

  /**
   * A pin was put on the map: its nearest address, filled in unless the resident wrote their own. Returns that
   * address (for the step to say where the pin is), or undefined when there is none.
   */
  async reverseFill(lat: number, long: number): Promise<string | undefined> {
    if (!this.geocoder) return undefined;
    try {
      const geocoder = await this.geocoder;
      const place = await geocoder.reverse(lat, long, { signal: this.pending?.signal, lang: this.host.messages.lang });
      if (!place) return undefined;
      const d = this.host.flow.draft;
      if (!d.address || d.address === this.auto) {
        this.auto = place.label;
        this.host.flow.set({ address: place.label });
      }
      return place.label;
    } catch {
      return undefined; // no address for this spot: the coordinates are enough
    }
  }

  private handleKey(e: KeyboardEvent): void {
    const n = this.places.length;
    if (!n) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      this.active =
        (this.active + (e.key === 'ArrowDown' ? 1 : n - 1) + (this.active < 0 && e.key === 'ArrowUp' ? 1 : 0)) % n;
      this.host.requestUpdate();
    } else if (e.key === 'Enter' && this.active >= 0) {
      e.preventDefault();
      this.choose(this.places[this.active]!);
    } else if (e.key === 'Escape') {
      this.places = [];
      this.host.requestUpdate();
    }
  }

  render(): TemplateResult {
    const host = this.host;
    const m = host.words;
    if (!this.geocoder) {
      return host.textField('address', m.address, { hint: m.addressHint, autocomplete: 'street-address' });
    }
    const a = host.fieldA11y('address', true);
    const open = this.places.length > 0;
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
        aria-activedescendant=${open && this.active >= 0 ? `place-${this.active}` : nothing}
        aria-describedby=${a.describedBy}
        aria-invalid=${a.invalid}
        .value=${host.flow.draft.address}
        @input=${(e: Event) => {
          const value = (e.target as HTMLInputElement).value;
          host.flow.set({ address: value });
          this.search(value);
        }}
        @keydown=${(e: KeyboardEvent) => this.handleKey(e)}
      />
      <ul id="address-list" role="listbox" aria-label=${m.addressSuggestions} class="places" ?hidden=${!open}>
        ${this.places.map(
          (p, i) =>
            html`<li
              role="option"
              id="place-${i}"
              aria-selected=${i === this.active ? 'true' : 'false'}
              ?data-active=${i === this.active}
              @mousedown=${(e: Event) => e.preventDefault()}
              @click=${() => this.choose(p)}
            >
              ${p.label}
            </li>`,
        )}
      </ul>
      <p class="visually-hidden" role="status">${open ? m.placesFound(this.places.length) : ''}</p>
    </div>`;
  }
}
