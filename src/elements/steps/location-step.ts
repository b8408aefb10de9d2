/**
 * Step 2, "Location": the map (when the city has one), "Use my location", the coordinates, the address (with
 * suggestions when the city has a geocoder) and open reports nearby. Each resource has a controller that owns its
 * lifetime; the draft keeps the place.
 *
 * @csspart map - the map and its "Set location here" button
 * @csspart nearby - "Is it one of these?": open reports nearby
 */
import { html, nothing, type TemplateResult } from 'lit';
import { AddressSearch } from './address-search';
import { MapController } from './map-controller';
import { NearbyReports } from './nearby';
import { PhotoUploads } from './photos';
import { StepElement, type LocationHost } from './step-element';

/** How long the pin's address is awaited before its coordinates are said instead. */
const ADDRESS_WAIT_MS = 1500;

export class LocationStep extends StepElement implements LocationHost {
  static override properties = { ...StepElement.properties, notice: { state: true } };

  /** What just happened to the location, announced (GPS, pin, address chosen). */
  declare notice: string | undefined;

  private readonly map = new MapController(this);
  private readonly address = new AddressSearch(this, () => this.map.bounds());
  private readonly nearby = new NearbyReports(this);
  /**
   * A resident who started with a photo (issue #13 §7) sees it added here, and the pin where it was taken (its
   * address looked up), or is asked to put the pin when the photo does not say.
   */
  private readonly photos = new PhotoUploads(this, (gps) => {
    if (!gps) return this.say(this.words.photoNoPlace);
    this.flow.set({ lat: gps.lat.toFixed(6), long: gps.long.toFixed(6) });
    this.say(this.words.photoLocationUsed);
    void this.address.reverseFill(gps.lat, gps.long);
  });
  /** Counts the pin's moves, so only the latest one is announced. */
  private pinMoves = 0;

  /** Says what happened to the location, in the step's status region. */
  say(notice: string): void {
    this.notice = notice;
  }

  /**
   * The pin moved on the map: say where, once. A screen reader interrupted by a second message hears neither in
   * full (issue #16), so the address is awaited briefly ("Pin placed near 12 Main Street"); if it is slow, the
   * coordinates are said meanwhile, and the address when it comes.
   */
  pinPlaced(lat: number, long: number): void {
    const coordinates = this.words.pinPlaced(lat.toFixed(6), long.toFixed(6));
    if (!this.address.reverses) return this.say(coordinates);
    const move = ++this.pinMoves;
    let saidCoordinates = false;
    const slow = setTimeout(() => {
      saidCoordinates = true;
      if (move === this.pinMoves) this.say(coordinates);
    }, ADDRESS_WAIT_MS);
    void this.address.reverseFill(lat, long).then((label) => {
      clearTimeout(slow);
      if (move !== this.pinMoves) return; // the pin moved again meanwhile: that move speaks
      if (label) this.say(this.words.pinNear(label));
      else if (!saidCoordinates) this.say(coordinates);
    });
  }

  protected override firstUpdated(): void {
    const photo = this.flow.firstPhoto;
    this.flow.firstPhoto = undefined;
    if (photo) void this.photos.addFiles([photo]);
  }

  private useMyLocation(): void {
    const m = this.words;
    const geo = globalThis.navigator?.geolocation;
    if (!geo) return this.say(m.locationUnavailable);
    this.say(m.locating);
    geo.getCurrentPosition(
      (pos) => {
        this.flow.set({ lat: pos.coords.latitude.toFixed(6), long: pos.coords.longitude.toFixed(6) });
        this.say(m.located(pos.coords.accuracy));
        this.map.showAccuracy([pos.coords.longitude, pos.coords.latitude], pos.coords.accuracy);
        // Its address too, as a pin on the map gets (issue #13): the review and the tracker show it, not numbers.
        void this.address.reverseFill(pos.coords.latitude, pos.coords.longitude);
      },
      (err) =>
        this.say(
          err.code === err.PERMISSION_DENIED
            ? m.locationDenied
            : err.code === err.TIMEOUT
              ? m.locationTimeout
              : m.locationUnavailable,
        ),
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
    );
  }

  private renderMap(): TemplateResult | string {
    const status = this.map.status;
    if (status === 'none') return '';
    const m = this.words;
    return html`<div class="field" part="map">
      <div class="map-frame" ?hidden=${status === 'failed'}>
        <div id="map" class="map"></div>
        <span class="crosshair" aria-hidden="true" ?hidden=${status !== 'ready'}></span>
      </div>
      ${
        status === 'ready'
          ? html`<button type="button" class="secondary" @click=${() => this.map.setHere()}>${m.setHere}</button>`
          : html`<p class="hint">${status === 'loading' ? m.mapLoading : m.mapUnavailable}</p>`
      }
    </div>`;
  }

  protected override renderStep(): TemplateResult {
    const m = this.words;
    const close = this.nearby.near();
    void this.updateComplete.then(() => this.map.showNearby(close, (r) => this.nearby.trackInstead(r)));
    const started = this.draft.start === 'where' && (this.draft.photos.length || this.photos.showing);
    return html`
      ${started ? this.photos.render() : nothing}
      <p class="hint">${m.locationHint}</p>
      ${this.renderMap()}
      <div class="field">
        <button type="button" class="secondary" @click=${() => this.useMyLocation()}>${m.useMyLocation}</button>
        <p role="status" class="hint">${this.notice ?? ''}</p>
      </div>
      <div class="row">
        ${this.textField('lat', m.latitude, { inputmode: 'decimal' })}
        ${this.textField('long', m.longitude, { inputmode: 'decimal' })}
      </div>
      ${this.address.render()} ${this.nearby.render(close)}
    `;
  }
}
