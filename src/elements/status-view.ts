/**
 * @summary "Check status": a reference number in, the request's status in plain words out.
 * Results are announced in a role=status region, failures in role=alert; the typed number is never cleared.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { Backend, ServiceRequest } from '../backend/types';
import { isBackendError } from '../backend/types';
import type { Messages } from '../i18n';
import { baseStyles } from './styles';
import { backendErrorText } from './error-text';
import { withLater } from '../i18n/later';
import { define } from './define';

/** "# 1 234", " 1234 " → "1234": residents copy numbers with spaces and hash signs. */
export const normalizeReference = (raw: string): string => raw.trim().replace(/^#/, '').replace(/\s+/g, '');

export class StatusView extends LitElement {
  static override styles = baseStyles;

  static override properties = {
    backend: { attribute: false },
    messages: { attribute: false },
    locale: { attribute: false },
    reference: { state: true },
    loading: { state: true },
    found: { state: true },
    error: { state: true },
  };

  declare backend: Backend | undefined;
  declare messages: Messages;
  /** BCP 47 locale for dates. */
  declare locale: string;

  declare private reference: string;
  declare private loading: boolean;
  declare private found: ServiceRequest | undefined;
  declare private error: string | undefined;
  private abort = new AbortController();

  constructor() {
    super();
    this.reference = '';
    this.loading = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.abort = new AbortController();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort.abort();
  }

  /** Fills in the number and looks it up (used after filing, and by deep links later). */
  async check(reference: string): Promise<void> {
    this.reference = reference;
    await this.lookup();
  }

  private async lookup(): Promise<void> {
    const m = withLater(this.messages);
    const id = normalizeReference(this.reference);
    this.found = undefined;
    if (!id) {
      this.error = m.enterReference;
      this.renderRoot.querySelector<HTMLElement>('#reference')?.focus();
      return;
    }
    if (!this.backend || this.loading) return;
    this.error = undefined;
    this.loading = true;
    try {
      this.found = await this.backend.request(id, this.abort.signal);
    } catch (e) {
      this.error = isBackendError(e) && e.kind === 'not-found' ? m.notFound(id) : backendErrorText(m, e);
    } finally {
      this.loading = false;
    }
  }

  private handleSubmit(e: Event): void {
    e.preventDefault();
    void this.lookup();
  }

  private formatDate(value: string | undefined): string | undefined {
    if (!value) return undefined;
    const d = new Date(value);
    if (Number.isNaN(d.getTime())) return value;
    try {
      return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
    } catch {
      return d.toLocaleString();
    }
  }

  private renderCard(r: ServiceRequest): TemplateResult {
    const m = withLater(this.messages);
    const family = m.statusFamily[r.statusFamily];
    // Servers use extended statuses ("in_progress", "fixed"…): show ours and keep theirs in view.
    const raw = r.status.toLowerCase() === family.toLowerCase() ? '' : ` (${r.status})`;
    const rows: Array<[string, string | undefined]> = [
      [m.status, `${family}${raw}`],
      [m.notes, r.status_notes],
      [m.service, r.service_name],
      [m.place, r.address],
      [m.agency, r.agency_responsible],
      [m.requested, this.formatDate(r.requested_datetime)],
      [m.updated, this.formatDate(r.updated_datetime)],
      [m.expected, this.formatDate(r.expected_datetime)],
    ];
    return html`<article class="panel" part="status-card" aria-labelledby="request-title">
      <h2 id="request-title">${m.requestTitle(r.service_request_id)}</h2>
      <dl>
        ${rows.map(([label, value]) =>
          value
            ? html`<dt>${label}</dt>
                <dd>${value}</dd>`
            : nothing,
        )}
      </dl>
    </article>`;
  }

  protected override render(): TemplateResult {
    const m = withLater(this.messages);
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
        ${this.loading ? html`<p>${m.checking}</p>` : nothing} ${this.found ? this.renderCard(this.found) : nothing}
      </div>
      <div role="alert">
        ${this.error ? html`<div class="panel error" part="error"><p>${this.error}</p></div>` : nothing}
      </div>
    `;
  }
}

define('citizen-portal-status', StatusView);
