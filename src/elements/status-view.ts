/**
 * @summary "Check status": a reference number in, the request's status in plain words out; the requests kept on
 * this device ("My requests"); the shown request kept fresh while it is on screen.
 * Results are announced in a role=status region, failures in role=alert; the typed number is never cleared.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { Backend, ServiceRequest } from '../backend/types';
import { isBackendError } from '../backend/types';
import type { Messages } from '../i18n';
import { baseStyles } from './styles';
import { backendErrorText } from './error-text';
import { formControlStyles } from './form-controls.styles';
import { allWords } from '../i18n/all-words';
import { define } from './define';
import { deepLink, parseReference } from '../schema/reference';
import { coordinates, renderCard, statusText } from './status-card';
import { MyRequestsController } from './my-requests-list';
import { statusViewStyles } from './status-view.styles';
import type { PinMap } from '../map/pin-map';
import type { Adapters } from '../adapters';
import { cityLang, translate } from '../report/translate';
import type { Config } from '../schema/config';

/** How long a number the server does not know is tried as a provisional token: one attempt. */
const TOKEN_TRY_MS = 1500;

/** A configured pattern as residents can read it: without the anchors and the slashes of a literal. */
const readablePattern = (p: string) =>
  p
    .replace(/^\/(.*)\/[a-z]*$/s, '$1')
    .replace(/^\^/, '')
    .replace(/\$$/, '');

export class StatusView extends LitElement {
  static override styles = [baseStyles, formControlStyles, statusViewStyles];

  static override properties = {
    backend: { attribute: false },
    adapters: { attribute: false },
    settings: { attribute: false },
    messages: { attribute: false },
    locale: { attribute: false },
    translations: { attribute: false },
    storageKey: { attribute: false },
    pollMs: { attribute: false },
    reference: { state: true },
    loading: { state: true },
    found: { state: true },
    error: { state: true },
    staleSince: { state: true },
    announcement: { state: true },
  };

  declare backend: Backend | undefined;
  declare messages: Messages;
  /** The portal's map engine (for the card's small map of the place). */
  declare adapters: Adapters | undefined;
  /** The portal's settings (map style, deep links, the city's reference pattern). */
  declare settings: Config | undefined;
  /** BCP 47 locale for dates. */
  declare locale: string;
  /** The city's translations of its words into the resident's language (category names here). */
  declare translations: Record<string, string> | undefined;
  /** The shell's draft key (`citizen-portal:draft:<endpoint>`): My requests live beside it. */
  declare storageKey: string | undefined;
  /** How often the shown request is refreshed while on screen. */
  declare pollMs: number;

  /** A category's name in the resident's language, where the city translated it. */
  private named(name: string | undefined): string | undefined {
    return name && translate(this.translations, name);
  }

  declare private reference: string;
  declare private loading: boolean;
  declare private found: ServiceRequest | undefined;
  declare private error: string | undefined;
  declare private staleSince: Date | undefined;
  declare private announcement: string;
  private abort = new AbortController();
  private timer: ReturnType<typeof setInterval> | undefined;
  /** The requests kept on this device, under the lookup. */
  private readonly myRequests = new MyRequestsController(this, {
    open: (id) => this.open(id),
    named: (name) => this.named(name),
  });
  /** What the Retry button does again. */
  private retryAction: (() => void) | undefined;

  constructor() {
    super();
    this.reference = '';
    this.loading = false;
    this.announcement = '';
    this.pollMs = 60_000;
  }

  /** The small map in the card, and which request it shows. */
  private cardMap: PinMap | undefined;
  private mapFor: string | undefined;

  private readonly onVisible = () => {
    if (document.visibilityState === 'visible') void this.refreshShown();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.abort = new AbortController();
    document.addEventListener('visibilitychange', this.onVisible);
    this.startPolling();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort.abort();
    this.cardMap?.destroy();
    this.cardMap = undefined;
    this.mapFor = undefined;
    document.removeEventListener('visibilitychange', this.onVisible);
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private startPolling(): void {
    clearInterval(this.timer);
    // Polite: only while the page is in view (a hidden tab catches up when it becomes visible again).
    this.timer = setInterval(() => document.visibilityState !== 'hidden' && void this.refreshShown(), this.pollMs);
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('pollMs') && changed.get('pollMs') !== undefined) this.startPolling();
    void this.showMap();
  }

  /** A small map of the request's place, in the card, when the city has a map style and the request a place. */
  private async showMap(): Promise<void> {
    const r = this.found;
    const container = this.renderRoot.querySelector<HTMLElement>('#card-map');
    const style = this.settings?.mapStyle;
    const key = r && `${r.service_request_id}@${r.lat},${r.long}`;
    if (!container || !style || !this.adapters || r?.lat === undefined || r.long === undefined) return;
    if (key === this.mapFor) return;
    this.mapFor = key;
    this.cardMap?.destroy();
    this.cardMap = undefined;
    const m = allWords(this.messages);
    try {
      // The map chunk is loaded here too when nothing loaded it before (a link to the request opened the page:
      // issue #13). It stays a lazy chunk: this runs only once a card with a place is on screen.
      const pinMap = await this.adapters.map();
      if (this.mapFor !== key) return;
      pinMap.adoptMapStyles(this.shadowRoot!);
      // A picture of where the report is (issue #13: it used to take clicks and carry the reporting help).
      const map = await pinMap.createPinMap({
        container,
        style,
        center: [r.long, r.lat],
        zoom: 16,
        interactive: false,
        strings: {
          mapLabel: m.requestMap,
          instructions: m.mapPinAt(r.address ?? coordinates(r.lat, r.long)),
          pin: m.pinLabel,
        },
        signal: this.abort.signal,
      });
      if (this.mapFor !== key) return map.destroy();
      map.setPin([r.long, r.lat]);
      this.cardMap = map;
    } catch {
      // no map (WebGL, offline, the chunk): the place is on the card in words
    }
  }

  /** The portal's `deep-link-param`: a query parameter a city's page may use for the request (else the hash). */
  private get queryParam(): string | undefined {
    return this.settings?.deepLinkParam;
  }

  /**
   * Fills in the number and looks it up (used after filing, and by deep links). With `focus`, the request's heading
   * then takes focus (the number's field when there is no card): the resident came from a button elsewhere, whose
   * view was just hidden (issue #16).
   */
  async check(reference: string, { focus = false } = {}): Promise<void> {
    const queryParam = this.queryParam;
    this.reference = parseReference(reference, queryParam ? { queryParam } : undefined) ?? reference;
    await this.lookup({ announce: !focus });
    if (!focus) return;
    await this.updateComplete;
    (
      this.renderRoot.querySelector<HTMLElement>('#request-title') ??
      this.renderRoot.querySelector<HTMLElement>('#reference')
    )?.focus();
  }

  private notFoundText(id: string): string {
    const m = allWords(this.messages);
    const pattern = this.settings?.referencePattern;
    return pattern ? `${m.notFound(id)} ${m.referenceLooksLike(readablePattern(pattern))}` : m.notFound(id);
  }

  private errorText(e: unknown): string {
    const m = allWords(this.messages);
    if (isBackendError(e) && e.kind === 'network' && navigator.onLine === false) return m.offline;
    return backendErrorText(m, e);
  }

  /** The id behind a provisional token, tried once and briefly; undefined when there is none. */
  private async tryToken(token: string): Promise<string | undefined> {
    if (!this.backend?.resolveToken) return undefined;
    const signal = AbortSignal.any([this.abort.signal, AbortSignal.timeout(TOKEN_TRY_MS)]);
    try {
      return await this.backend.resolveToken(token, signal);
    } catch {
      return undefined;
    }
  }

  /** `announce`: say the status found in a sentence (not when the focus moves to the card's heading instead). */
  private async lookup({ announce = true } = {}): Promise<void> {
    const m = allWords(this.messages);
    const typed = this.reference.trim();
    this.found = undefined;
    this.announcement = ''; // the same sentence, found again, is said again
    this.staleSince = undefined;
    this.retryAction = undefined;
    if (!typed) {
      this.error = m.enterReference;
      this.renderRoot.querySelector<HTMLElement>('#reference')?.focus();
      return;
    }
    if (!this.backend || this.loading) return;
    const queryParam = this.queryParam;
    const id = parseReference(typed, queryParam ? { queryParam } : undefined);
    if (!id) {
      this.error = this.notFoundText(typed);
      return;
    }
    this.error = undefined;
    this.loading = true;
    try {
      let found: ServiceRequest;
      let token: string | undefined;
      try {
        found = await this.backend.request(id, this.abort.signal);
      } catch (e) {
        if (!(isBackendError(e) && e.kind === 'not-found')) throw e;
        const resolved = await this.tryToken(id);
        if (!resolved) throw e;
        token = id;
        found = await this.backend.request(resolved, this.abort.signal);
      }
      this.show(found, token);
      if (announce) this.announcement = m.statusFound(found.service_request_id, statusText(m, found));
    } catch (e) {
      if (isBackendError(e) && e.kind === 'not-found') this.error = this.notFoundText(id);
      else {
        this.error = this.errorText(e);
        this.retryAction = () => void this.lookup();
      }
    } finally {
      this.loading = false;
    }
  }

  /** Shows a request, keeps it in My requests and records what the resident has now seen. */
  private show(r: ServiceRequest, token?: string): void {
    this.found = r;
    this.staleSince = undefined;
    this.error = undefined;
    this.retryAction = undefined;
    this.myRequests.keep(r, token);
  }

  /** Background refresh of the shown request: announces a change; a failure keeps the last known status. */
  private async refreshShown(): Promise<void> {
    const shown = this.found;
    if (!shown || !this.backend || this.loading) return;
    try {
      const r = await this.backend.request(shown.service_request_id, this.abort.signal);
      if (this.found?.service_request_id !== r.service_request_id) return;
      if (r.status !== shown.status) {
        const m = allWords(this.messages);
        this.announcement = m.statusChanged(r.service_request_id, statusText(m, r));
      }
      this.show(r);
    } catch (e) {
      if (isBackendError(e) && e.kind === 'aborted') return;
      if (this.found?.service_request_id !== shown.service_request_id) return;
      this.staleSince ??= new Date();
      this.error = this.errorText(e);
      this.retryAction = () => void this.refreshShown();
    }
  }

  private open(id: string): void {
    void this.check(id, { focus: true });
  }

  private copyLink(): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#deep-link');
    if (!input) return;
    const m = allWords(this.messages);
    const done = () => (this.announcement = m.copied);
    input.select();
    if (navigator.clipboard?.writeText) navigator.clipboard.writeText(input.value).then(done, () => {});
  }

  private handleSubmit(e: Event): void {
    e.preventDefault();
    void this.lookup();
  }

  protected override render(): TemplateResult {
    const m = allWords(this.messages);
    return html`
      <form novalidate part="status-form" @submit=${this.handleSubmit}>
        <div class="field">
          <label for="reference">${m.referenceNumber}</label>
          <p class="hint" id="reference-hint">${m.referenceHint}</p>
          <input
            id="reference"
            name="reference"
            autocomplete="off"
            spellcheck="false"
            aria-describedby="reference-hint"
            .value=${this.reference}
            @input=${(e: Event) => (this.reference = (e.target as HTMLInputElement).value)}
          />
        </div>
        <button type="submit" aria-disabled=${this.loading ? 'true' : 'false'}>${m.checkStatus}</button>
      </form>
      <div role="status" part="status-result">
        ${this.loading ? html`<p>${m.checking}</p>` : nothing}
        ${
          this.found
            ? renderCard(
                m,
                { ...this.found, service_name: this.named(this.found.service_name) },
                {
                  locale: this.locale,
                  staleSince: this.staleSince,
                  link: deepLink(this.found.service_request_id),
                  onCopy: () => this.copyLink(),
                  withMap: !!this.settings?.mapStyle && this.found.lat !== undefined && this.found.long !== undefined,
                  langs: {
                    name: cityLang(this.settings?.serverLang, m.lang, this.translations),
                    server: cityLang(this.settings?.serverLang, m.lang, undefined),
                  },
                },
              )
            : nothing
        }
      </div>
      <div role="status" class="visually-hidden">${this.announcement}</div>
      <div role="alert">
        ${
          this.error
            ? html`<div class="panel error" part="error">
                <p>${this.error}</p>
                ${
                  this.retryAction
                    ? html`<button type="button" @click=${() => this.retryAction?.()}>${m.retry}</button>`
                    : nothing
                }
              </div>`
            : nothing
        }
      </div>
      ${this.myRequests.render()}
    `;
  }
}

define('citizen-portal-status', StatusView);
