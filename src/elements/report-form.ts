/**
 * @summary The "Report a problem" form: category, the category's questions, location, description, contact.
 *
 * @event cp-request-submitted - A report was accepted; `detail: { serviceRequestId?, token?, notice?, serviceCode }`.
 * @event cp-reference-resolved - The reference number behind a provisional token arrived;
 *   `detail: { token, serviceRequestId }`.
 * @event cp-check-status - (internal) the resident asked to check the request just filed; `detail: { id }`.
 *
 * Errors follow govuk-frontend: after a failed submit an error summary is focused, each field carries its own
 * message (aria-describedby, same shadow root), and nothing the resident typed is ever cleared.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Backend, Service, ServiceDefinition, SubmitResult } from '../backend/types';
import { isBackendError } from '../backend/types';
import type { Messages } from '../i18n';
import {
  attrField,
  DESCRIPTION_MAX,
  emptyDraft,
  questions,
  toNewRequest,
  validateDraft,
  type Draft,
  type FieldError,
} from '../schema/draft';
import type { Attribute } from '../schema/open311';
import { clearDraft, loadDraft, saveDraft } from '../storage/draft-store';
import { baseStyles } from './styles';
import { backendErrorText } from './error-text';

type Load<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; message: string };

/** Radio buttons for short lists, a select for long ones (easier to scan on a phone). */
const MAX_RADIOS = 5;

type TextField = 'lat' | 'long' | 'address' | 'description' | 'email' | 'firstName' | 'lastName' | 'phone';

export class ReportForm extends LitElement {
  static override styles = baseStyles;

  static override properties = {
    backend: { attribute: false },
    messages: { attribute: false },
    storageKey: { attribute: false },
    services: { state: true },
    definition: { state: true },
    draft: { state: true },
    errors: { state: true },
    submitting: { state: true },
    submitError: { state: true },
    result: { state: true },
    geoMessage: { state: true },
  };

  /** Where requests go. */
  declare backend: Backend | undefined;
  /** UI strings in the resident's language. */
  declare messages: Messages;
  /** sessionStorage key for the unfinished report (per endpoint, so two portals on a page never mix). */
  declare storageKey: string;

  declare private services: Load<Service[]>;
  declare private definition: Load<ServiceDefinition | undefined>;
  declare private draft: Draft;
  /** Shown only after the first submit attempt; then kept current as the resident fixes things. */
  declare private errors: FieldError[] | undefined;
  declare private submitting: boolean;
  declare private submitError: string | undefined;
  declare private result: SubmitResult | undefined;
  declare private geoMessage: string | undefined;

  private definitions = new Map<string, ServiceDefinition>();
  private abort = new AbortController();
  private focusSummaryAfterRender = false;

  constructor() {
    super();
    this.services = { state: 'loading' };
    this.definition = { state: 'ready', value: undefined };
    this.draft = emptyDraft();
    this.submitting = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.abort = new AbortController();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort.abort(); // cancel whatever is in flight: the element is gone
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('storageKey') && this.storageKey) {
      const saved = loadDraft(this.storageKey);
      if (saved) this.draft = saved;
    }
    if (changed.has('backend') && this.backend) {
      this.definitions.clear();
      void this.loadServices();
    }
  }

  protected override updated(): void {
    if (this.focusSummaryAfterRender) {
      this.focusSummaryAfterRender = false;
      this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
    }
  }

  private async loadServices(): Promise<void> {
    const backend = this.backend!;
    this.services = { state: 'loading' };
    try {
      const list = await backend.services(this.abort.signal);
      this.services = { state: 'ready', value: list };
      if (this.draft.serviceCode) void this.loadDefinition(this.draft.serviceCode);
    } catch (e) {
      this.services = { state: 'failed', message: backendErrorText(this.messages, e) };
    }
  }

  private selectedService(): Service | undefined {
    return this.services.state === 'ready'
      ? this.services.value.find((s) => s.service_code === this.draft.serviceCode)
      : undefined;
  }

  private async loadDefinition(code: string): Promise<void> {
    const service = this.selectedService();
    if (!service?.metadata) {
      this.definition = { state: 'ready', value: undefined };
      return;
    }
    const cached = this.definitions.get(code);
    if (cached) {
      this.definition = { state: 'ready', value: cached };
      return;
    }
    this.definition = { state: 'loading' };
    try {
      const def = await this.backend!.serviceDefinition(code, this.abort.signal);
      this.definitions.set(code, def);
      // The resident may have picked another category meanwhile.
      if (this.draft.serviceCode === code) this.definition = { state: 'ready', value: def };
    } catch (e) {
      if (this.draft.serviceCode === code) {
        this.definition = { state: 'failed', message: backendErrorText(this.messages, e) };
      }
    }
  }

  private currentDefinition(): ServiceDefinition | undefined {
    return this.definition.state === 'ready' ? this.definition.value : undefined;
  }

  private setDraft(patch: Partial<Draft>): void {
    this.draft = { ...this.draft, ...patch };
    saveDraft(this.storageKey, this.draft);
    if (this.errors) this.errors = validateDraft(this.draft, this.currentDefinition());
  }

  private setAnswer(code: string, value: string | string[]): void {
    this.setDraft({ answers: { ...this.draft.answers, [code]: value } });
  }

  private handleCategory(e: Event): void {
    const code = (e.target as HTMLSelectElement).value;
    this.setDraft({ serviceCode: code });
    void this.loadDefinition(code);
  }

  private handleText(field: TextField) {
    return (e: Event) => this.setDraft({ [field]: (e.target as HTMLInputElement).value });
  }

  private handleUseMyLocation(): void {
    const m = this.messages;
    const geo = globalThis.navigator?.geolocation;
    if (!geo) {
      this.geoMessage = m.locationUnavailable;
      return;
    }
    this.geoMessage = m.locating;
    geo.getCurrentPosition(
      (pos) => {
        this.setDraft({ lat: pos.coords.latitude.toFixed(6), long: pos.coords.longitude.toFixed(6) });
        this.geoMessage = m.located(pos.coords.accuracy);
      },
      (err) => {
        this.geoMessage = err.code === err.PERMISSION_DENIED ? m.locationDenied : m.locationUnavailable;
      },
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
    );
  }

  private async handleSubmit(e: Event): Promise<void> {
    e.preventDefault();
    // A second press while the first is on its way must not file the problem twice.
    if (this.submitting || !this.backend) return;
    const def = this.currentDefinition();
    const errors = validateDraft(this.draft, def);
    this.errors = errors;
    this.submitError = undefined;
    if (errors.length) {
      this.focusSummaryAfterRender = true;
      return;
    }
    this.submitting = true;
    try {
      const result = await this.backend.submit(toNewRequest(this.draft, def), this.abort.signal);
      this.result = result;
      clearDraft(this.storageKey);
      this.dispatchEvent(
        new CustomEvent('cp-request-submitted', {
          bubbles: true,
          composed: true,
          detail: { ...result, serviceCode: this.draft.serviceCode },
        }),
      );
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#confirmation-title')?.focus();
      if (result.token && !result.serviceRequestId) void this.awaitReference(result.token);
    } catch (err) {
      const m = this.messages;
      const server = isBackendError(err) && err.details.serverMessage;
      this.submitError = [m.submitFailed, backendErrorText(m, err), server ? m.serverSaid(server) : '', m.typedKept]
        .filter(Boolean)
        .join(' ');
    } finally {
      this.submitting = false;
    }
  }

  /**
   * Batch servers answer with a token; the real reference number comes later. The token is shown meanwhile,
   * and replaced (announced by the status region) when the id arrives.
   */
  private async awaitReference(token: string): Promise<void> {
    try {
      const id = await this.backend?.resolveToken?.(token, this.abort.signal);
      if (!id || this.result?.token !== token) return;
      this.result = { ...this.result, serviceRequestId: id };
      this.dispatchEvent(
        new CustomEvent('cp-reference-resolved', {
          bubbles: true,
          composed: true,
          detail: { token, serviceRequestId: id },
        }),
      );
    } catch {
      // Cancelled or gave up: the token stays as the reference, which the status view also accepts.
    }
  }

  private handleReportAnother(): void {
    this.result = undefined;
    this.errors = undefined;
    this.draft = emptyDraft();
    this.definition = { state: 'ready', value: undefined };
    clearDraft(this.storageKey);
  }

  private handleCheckThis(): void {
    const id = this.result?.serviceRequestId ?? this.result?.token;
    this.dispatchEvent(new CustomEvent('cp-check-status', { detail: { id } }));
  }

  private handleSummaryLink(e: Event, id: string): void {
    // In-page links would change the host page's URL hash; focus the field ourselves instead.
    e.preventDefault();
    const target = this.renderRoot.querySelector<HTMLElement>(`#${id}`);
    const control = target?.matches('input, select, textarea') ? target : target?.querySelector('input, select');
    target?.scrollIntoView({ block: 'center' });
    (control as HTMLElement | null | undefined)?.focus();
  }

  /** The element id for a draft field; questions use their position, since codes may hold any character. */
  private idFor(field: string): string {
    if (field === 'serviceCode') return 'category';
    if (field.startsWith('attr:')) {
      const i = questions(this.currentDefinition()).findIndex((a) => attrField(a.code) === field);
      return `q${i}`;
    }
    return field;
  }

  private errorFor(field: string): FieldError | undefined {
    return this.errors?.find((e) => e.field === field);
  }

  /** aria-describedby / aria-invalid and the message paragraph for one field. */
  private fieldA11y(field: string, hint: boolean, extraDescription = '') {
    const id = this.idFor(field);
    const error = this.errorFor(field);
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', extraDescription]
      .filter(Boolean)
      .join(' ');
    const message = error
      ? html`<p class="error-message" id="${id}-error">
          <span class="visually-hidden">${this.messages.errorPrefix}</span> ${this.messages.fieldError(error)}
        </p>`
      : nothing;
    return { id, describedBy: describedBy || nothing, invalid: error ? 'true' : nothing, message };
  }

  private renderTextField(
    field: TextField,
    label: string,
    opts: { hint?: string; type?: string; autocomplete?: string; inputmode?: string } = {},
  ): TemplateResult {
    const a = this.fieldA11y(field, !!opts.hint);
    return html`<div class="field">
      <label for=${a.id}>${label}</label>
      ${opts.hint ? html`<p class="hint" id="${a.id}-hint">${opts.hint}</p>` : nothing} ${a.message}
      <input
        id=${a.id}
        name=${field}
        type=${opts.type ?? 'text'}
        autocomplete=${opts.autocomplete ?? 'off'}
        inputmode=${opts.inputmode ?? nothing}
        aria-describedby=${a.describedBy}
        aria-invalid=${a.invalid}
        .value=${this.draft[field]}
        @input=${this.handleText(field)}
      />
    </div>`;
  }

  private renderCategory(): TemplateResult {
    const m = this.messages;
    const s = this.services;
    if (s.state === 'loading') return html`<p class="field" role="status">${m.loadingCategories}</p>`;
    if (s.state === 'failed') {
      return html`<div class="panel error field" role="alert">
        <p>${m.loadCategoriesFailed} ${s.message}</p>
        <button type="button" class="secondary" @click=${() => this.loadServices()}>${m.retry}</button>
      </div>`;
    }
    // Groups in the order the server lists them; ungrouped services last, under "Other" if others are grouped.
    const groups = new Map<string, Service[]>();
    for (const svc of s.value) {
      const g = svc.group ?? '';
      groups.set(g, [...(groups.get(g) ?? []), svc]);
    }
    const ungrouped = groups.get('') ?? [];
    groups.delete('');
    const option = (svc: Service) =>
      html`<option value=${svc.service_code} ?selected=${svc.service_code === this.draft.serviceCode}>
        ${svc.service_name}
      </option>`;
    const a = this.fieldA11y('serviceCode', false);
    return html`<div class="field">
      <label for="category">${m.category}</label>
      ${a.message}
      <select
        id="category"
        name="service_code"
        aria-describedby=${a.describedBy}
        aria-invalid=${a.invalid}
        @change=${this.handleCategory}
      >
        <option value="" ?selected=${!this.draft.serviceCode}>${m.chooseCategory}</option>
        ${[...groups].map(([name, list]) => html`<optgroup label=${name}>${list.map(option)}</optgroup>`)}
        ${
          groups.size && ungrouped.length
            ? html`<optgroup label=${m.otherGroup}>${ungrouped.map(option)}</optgroup>`
            : ungrouped.map(option)
        }
      </select>
      ${
        this.selectedService()?.description ? html`<p class="hint">${this.selectedService()!.description}</p>` : nothing
      }
    </div>`;
  }

  private renderQuestions(): TemplateResult | typeof nothing {
    const m = this.messages;
    const d = this.definition;
    if (d.state === 'loading') return html`<p class="field" role="status">${m.loadingQuestions}</p>`;
    if (d.state === 'failed') {
      return html`<div class="panel error field" role="alert">
        <p>${m.loadQuestionsFailed} ${d.message}</p>
        <button type="button" class="secondary" @click=${() => this.loadDefinition(this.draft.serviceCode)}>
          ${m.retry}
        </button>
      </div>`;
    }
    if (!d.value?.attributes.length) return nothing;
    let index = 0;
    return html`<fieldset>
      <legend>${m.questionsHeading}</legend>
      ${d.value.attributes.map((attr) =>
        attr.variable ? this.renderQuestion(attr, index++) : html`<p class="field hint">${attr.description ?? ''}</p>`,
      )}
    </fieldset>`;
  }

  private renderQuestion(attr: Attribute, index: number): TemplateResult {
    const m = this.messages;
    const id = `q${index}`;
    const a = this.fieldA11y(attrField(attr.code), !!attr.datatype_description);
    const label = html`${attr.description ?? attr.code}${attr.required ? nothing : html` ${m.optional}`}`;
    const hint = attr.datatype_description
      ? html`<p class="hint" id="${id}-hint">${attr.datatype_description}</p>`
      : nothing;
    const value = this.draft.answers[attr.code];
    const text = typeof value === 'string' ? value : '';
    const list = Array.isArray(value) ? value : [];
    const onInput = (e: Event) => this.setAnswer(attr.code, (e.target as HTMLInputElement).value);
    const common = { describedBy: a.describedBy, invalid: a.invalid };

    if (
      attr.datatype === 'multivaluelist' ||
      (attr.datatype === 'singlevaluelist' && attr.values.length <= MAX_RADIOS)
    ) {
      const multi = attr.datatype === 'multivaluelist';
      const toggle = (key: string) => (e: Event) => {
        const checked = (e.target as HTMLInputElement).checked;
        // Read the answer now, not at render time: two quick clicks land before the next render.
        const current = this.draft.answers[attr.code];
        const chosen = Array.isArray(current) ? current.filter((k) => k !== key) : [];
        this.setAnswer(attr.code, multi ? (checked ? [...chosen, key] : chosen) : key);
      };
      return html`<fieldset class="field" id=${id} aria-describedby=${common.describedBy}>
        <legend>${label}</legend>
        ${hint} ${a.message}
        ${attr.values.map(
          (v, i) =>
            html`<div class="choice">
              <input
                type=${multi ? 'checkbox' : 'radio'}
                id="${id}-${i}"
                name=${id}
                value=${v.key}
                aria-invalid=${common.invalid}
                .checked=${multi ? list.includes(v.key) : text === v.key}
                @change=${toggle(v.key)}
              />
              <label for="${id}-${i}">${v.name}</label>
            </div>`,
        )}
      </fieldset>`;
    }

    let control: TemplateResult;
    if (attr.datatype === 'singlevaluelist') {
      control = html`<select
        id=${id}
        aria-describedby=${common.describedBy}
        aria-invalid=${common.invalid}
        @change=${onInput}
      >
        <option value="" ?selected=${!text}>${m.chooseOne}</option>
        ${attr.values.map((v) => html`<option value=${v.key} ?selected=${v.key === text}>${v.name}</option>`)}
      </select>`;
    } else if (attr.datatype === 'text') {
      control = html`<textarea
        id=${id}
        aria-describedby=${common.describedBy}
        aria-invalid=${common.invalid}
        .value=${text}
        @input=${onInput}
      ></textarea>`;
    } else {
      // string, number, datetime; anything unknown degrades to a text field.
      const type = attr.datatype === 'number' ? 'number' : attr.datatype === 'datetime' ? 'datetime-local' : 'text';
      control = html`<input
        id=${id}
        type=${type}
        inputmode=${type === 'number' ? 'decimal' : nothing}
        step=${type === 'number' ? 'any' : nothing}
        aria-describedby=${common.describedBy}
        aria-invalid=${common.invalid}
        .value=${text}
        @input=${onInput}
      />`;
    }
    return html`<div class="field"><label for=${id}>${label}</label>${hint} ${a.message} ${control}</div>`;
  }

  private renderErrorSummary(): TemplateResult | typeof nothing {
    const m = this.messages;
    if (!this.errors?.length) return nothing;
    return html`<div class="panel error error-summary" tabindex="-1" part="error-summary">
      <div role="alert">
        <h2>${m.errorSummaryTitle}</h2>
        <ul>
          ${this.errors.map((err) => {
            const id = this.idFor(err.field);
            return html`<li>
              <a href="#${id}" @click=${(e: Event) => this.handleSummaryLink(e, id)}>${m.fieldError(err)}</a>
            </li>`;
          })}
        </ul>
      </div>
    </div>`;
  }

  private renderConfirmation(result: SubmitResult): TemplateResult {
    const m = this.messages;
    const reference = result.serviceRequestId ?? result.token;
    return html`<div class="panel success" part="confirmation">
      <h2 id="confirmation-title" tabindex="-1">${m.submittedTitle}</h2>
      ${
        reference
          ? html`<p>${result.serviceRequestId ? m.referenceIs : m.provisionalReference}</p>
              <p class="reference">${reference}</p>
              <p>${result.serviceRequestId ? m.submittedKeep : m.provisionalExplained}</p>`
          : nothing
      }
      ${result.notice ? html`<p>${result.notice}</p>` : nothing}
      <div class="row">
        ${
          reference
            ? html`<button type="button" @click=${this.handleCheckThis}>${m.checkThisRequest}</button>`
            : nothing
        }
        <button type="button" class="secondary" @click=${this.handleReportAnother}>${m.reportAnother}</button>
      </div>
    </div>`;
  }

  protected override render(): TemplateResult {
    const m = this.messages;
    const left = DESCRIPTION_MAX - this.draft.description.length;
    const description = this.fieldA11y('description', true, 'description-count');
    return html`
      <div role="status" part="status">${this.result ? this.renderConfirmation(this.result) : nothing}</div>
      <form novalidate part="form" ?hidden=${!!this.result} @submit=${this.handleSubmit}>
        ${this.renderErrorSummary()} ${this.renderCategory()} ${this.renderQuestions()}

        <fieldset>
          <legend>${m.locationHeading}</legend>
          <p class="hint">${m.locationHint}</p>
          <div class="field">
            <button type="button" class="secondary" @click=${this.handleUseMyLocation}>${m.useMyLocation}</button>
            <p role="status" class="hint">${this.geoMessage ?? ''}</p>
          </div>
          <div class="row">
            ${this.renderTextField('lat', m.latitude, { inputmode: 'decimal' })}
            ${this.renderTextField('long', m.longitude, { inputmode: 'decimal' })}
          </div>
          ${this.renderTextField('address', m.address, { hint: m.addressHint, autocomplete: 'street-address' })}
        </fieldset>

        <div class="field">
          <label for="description">${m.description}</label>
          <p class="hint" id="description-hint">${m.descriptionHint}</p>
          ${description.message}
          <textarea
            id="description"
            name="description"
            aria-describedby=${description.describedBy}
            aria-invalid=${description.invalid}
            .value=${this.draft.description}
            @input=${this.handleText('description')}
          ></textarea>
          <p class="hint" id="description-count">${m.charactersLeft(left)}</p>
        </div>

        <fieldset>
          <legend>${m.contactHeading}</legend>
          <p class="hint">${m.contactHint}</p>
          ${this.renderTextField('email', m.email, { type: 'email', autocomplete: 'email' })}
          <div class="row">
            ${this.renderTextField('firstName', m.firstName, { autocomplete: 'given-name' })}
            ${this.renderTextField('lastName', m.lastName, { autocomplete: 'family-name' })}
          </div>
          ${this.renderTextField('phone', m.phone, { type: 'tel', autocomplete: 'tel' })}
        </fieldset>

        ${
          this.submitError
            ? html`<div class="panel error" role="alert" part="error"><p>${this.submitError}</p></div>`
            : nothing
        }
        <p role="status" class="visually-hidden">${this.submitting ? m.submitting : ''}</p>
        <button type="submit" part="submit" aria-disabled=${this.submitting ? 'true' : 'false'}>${m.submit}</button>
      </form>
    `;
  }
}
