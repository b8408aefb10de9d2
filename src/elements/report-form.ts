/**
 * @summary "Report a problem", in four steps: the problem (its category), location, details and contact (the
 * category's questions first), then check and send. Only the first step is in the core bundle; the rest
 * (./report-steps, ./questions) loads when the resident moves on, so the first screen stays small.
 *
 * @event cp-request-submitted - A report was accepted; `detail: { serviceRequestId?, token?, notice?, serviceCode }`.
 * @event cp-reference-resolved - The reference number behind a provisional token arrived;
 *   `detail: { token, serviceRequestId }`.
 * @event cp-check-status - (internal) the resident asked to check the request just filed; `detail: { id }`.
 *
 * Errors follow govuk-frontend: when a step cannot go on, an error summary is focused, each field carries its own
 * message (aria-describedby, same shadow root); a field's message shows once it has been changed and left, or
 * after a try to go on. Nothing the resident typed is ever cleared; going back loses nothing.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Backend, Service, ServiceDefinition, SubmitResult } from '../backend/types';
import { loadMessages, type Messages } from '../i18n';
import {
  attrField,
  emptyDraft,
  questions,
  STEPS,
  stepOf,
  validateProblem,
  type ContactField,
  type Draft,
  type FieldError,
  type Step,
} from '../schema/draft';
import { clearDraft, loadDraft, saveDraft } from '../storage/draft-store';
import { baseStyles } from './styles';
import { backendErrorText } from './error-text';
import { CategoryPicker, pickerStyles } from './category-picker';
import type * as LaterSteps from './report-steps';

type Load<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; message: string };

/** Where to send residents for a category the city does not handle (electricity outage → the utility). */
export interface Redirect {
  message: string;
  url?: string;
  linkText?: string;
  phone?: string;
}

export type TextField = 'lat' | 'long' | 'address' | 'description' | 'email' | 'firstName' | 'lastName' | 'phone';

export class ReportForm extends LitElement {
  static override styles = [baseStyles, pickerStyles];

  static override properties = {
    backend: { attribute: false },
    messages: { attribute: false },
    storageKey: { attribute: false },
    synonyms: { attribute: false },
    translations: { attribute: false },
    category: { attribute: false },
    maxPhotos: { attribute: false },
    redirects: { attribute: false },
    requiredContact: { attribute: false },
    allowAnonymous: { attribute: false },
    services: { state: true },
    definition: { state: true },
    draft: { state: true },
    attempted: { state: true },
    touched: { state: true },
    later: { state: true },
    submitting: { state: true },
    submitError: { state: true },
    result: { state: true },
    geoMessage: { state: true },
    uploads: { state: true },
    photoProblem: { state: true },
    copied: { state: true },
    restored: { state: true },
  };

  /** Where requests go. */
  declare backend: Backend | undefined;
  /** UI strings in the resident's language. */
  declare messages: Messages;
  /** sessionStorage key for the unfinished report (per endpoint, so two portals on a page never mix). */
  declare storageKey: string;
  /** The city's own words for its services, by service code, in any language: `{ POTHOLE: ['bache'] }`. */
  declare synonyms: Record<string, readonly string[]> | undefined;
  /** The city's translations into the resident's language, from the server's words (names, groups, questions). */
  declare translations: Record<string, string> | undefined;
  /** A service code to start with, unless the resident already chose one. */
  declare category: string | null | undefined;
  /** How many photos a resident may add (0: none). */
  declare maxPhotos: number;
  /** Categories another organisation handles: a card instead of the form. */
  declare redirects: Record<string, Redirect> | undefined;
  /** Contact details the city requires (unless the resident reports anonymously). */
  declare requiredContact: readonly ContactField[];
  /** The city lets residents report without contact details. */
  declare allowAnonymous: boolean;

  // State. Not private: ./report-steps (a lazy chunk) renders and drives the later steps through it.
  /** @internal */ declare services: Load<Service[]>;
  /** @internal */ declare definition: Load<ServiceDefinition | undefined>;
  /** @internal */ declare draft: Draft;
  /** Steps the resident tried to leave: their errors show in full, with a summary. @internal */
  declare attempted: ReadonlySet<Step>;
  /** Fields changed and left: their own error shows. @internal */
  declare touched: ReadonlySet<string>;
  /** The later steps' module, once loaded. @internal */
  declare later: Load<typeof LaterSteps> | undefined;
  /** @internal */ declare submitting: boolean;
  /** @internal */ declare submitError: string | undefined;
  /** @internal */ declare result: SubmitResult | undefined;
  /** @internal */ declare geoMessage: string | undefined;
  /** Photos being prepared or uploaded (done ones are in the draft). @internal */
  declare uploads: ReadonlyArray<{ key: number; name: string; progress: number; error?: string }>;
  /** Why the last photo was refused, in plain words. @internal */
  declare photoProblem: string | undefined;
  /** The reference number was copied to the clipboard. @internal */
  declare copied: boolean;
  /** The report was restored from this tab's storage: say so, and offer to start again. */
  declare private restored: boolean;

  /** Service definitions already fetched, by code. @internal */
  definitions = new Map<string, ServiceDefinition>();
  /** Aborted when the element leaves the page: whatever is in flight stops. @internal */
  abort = new AbortController();
  private focusAfterRender: string | undefined;

  constructor() {
    super();
    this.services = { state: 'loading' };
    this.definition = { state: 'ready', value: undefined };
    this.draft = emptyDraft();
    this.attempted = new Set();
    this.touched = new Set();
    this.submitting = false;
    this.maxPhotos = 3;
    this.requiredContact = [];
    this.allowAnonymous = false;
    this.restored = false;
    this.uploads = [];
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
      if (saved) {
        this.draft = saved;
        this.restored = true;
        if (saved.step !== 'what') void this.loadLater();
      }
    }
    if ((changed.has('backend') || changed.has('translations')) && this.backend) {
      this.definitions.clear();
      void this.loadServices();
    }
  }

  protected override updated(): void {
    if (this.focusAfterRender) {
      this.renderRoot.querySelector<HTMLElement>(this.focusAfterRender)?.focus();
      this.focusAfterRender = undefined;
    }
  }

  /** Moves focus after the next render (a selector in this shadow root). @internal */
  focusSoon(selector: string): void {
    this.focusAfterRender = selector;
  }

  // --- Loading ----------------------------------------------------------------------------------------------------

  private async loadServices(): Promise<void> {
    const backend = this.backend!;
    // Words being typed into the category field stay through a reload of the list (another language, Try again).
    const typed = this.picker.query !== this.picker.selectedName();
    this.services = { state: 'loading' };
    try {
      const t = this.translations ?? {};
      const list = (await backend.services(this.abort.signal)).map((s) => ({
        ...s,
        service_name: t[s.service_name] ?? s.service_name,
        group: s.group && (t[s.group] ?? s.group),
        description: s.description && (t[s.description] ?? s.description),
      }));
      this.services = { state: 'ready', value: list };
      const preset = this.category && list.find((svc) => svc.service_code === this.category);
      if (preset && !this.draft.serviceCode) this.setDraft({ serviceCode: preset.service_code });
      if (!typed) this.picker.sync();
      this.prepareLater();
    } catch (e) {
      // The sentences for failures are in the later words: fetched now (offline, they cannot be: one sentence).
      await loadMessages(this.messages.lang, true).catch(() => undefined);
      this.services = { state: 'failed', message: backendErrorText(this.messages, e) };
    }
  }

  /** @internal */
  selectedService(): Service | undefined {
    return this.services.state === 'ready'
      ? this.services.value.find((s) => s.service_code === this.draft.serviceCode)
      : undefined;
  }

  /** The later steps are their own chunk: fetched when the resident first moves on. */
  private async loadLater(): Promise<typeof LaterSteps | undefined> {
    if (this.later?.state === 'ready') return this.later.value;
    this.later = { state: 'loading' };
    try {
      const [module] = await Promise.all([import('./report-steps'), loadMessages(this.messages.lang, true)]);
      module.loaded(this);
      this.later = { state: 'ready', value: module };
      this.prepareLater();
      return module;
    } catch {
      this.later = { state: 'failed', message: this.messages.loadStepFailed };
      return undefined;
    }
  }

  /** The later steps get ready for the chosen category (its questions) once they and the categories are here. */
  private prepareLater(): void {
    if (this.later?.state === 'ready' && this.services.state === 'ready') this.later.value.prepare(this);
  }

  /** @internal */
  currentDefinition(): ServiceDefinition | undefined {
    return this.definition.state === 'ready' ? this.definition.value : undefined;
  }

  // --- The draft --------------------------------------------------------------------------------------------------

  /** @internal */
  setDraft(patch: Partial<Draft>): void {
    this.draft = { ...this.draft, ...patch };
    saveDraft(this.storageKey, this.draft);
  }

  /** @internal */
  setAnswer(code: string, value: string | string[]): void {
    this.setDraft({ answers: { ...this.draft.answers, [code]: value } });
  }

  /** Every problem with the draft; which of them show depends on `attempted` and `touched`. @internal */
  errors(): FieldError[] {
    // The later steps' checks come with their chunk (loaded whenever the resident is past the first step).
    const later = this.later?.state === 'ready' ? this.later.value.validateRest(this) : [];
    return [...validateProblem(this.draft), ...later];
  }

  private stepErrors(step: Step = this.draft.step): FieldError[] {
    return this.errors().filter((e) => step === 'review' || stepOf(e.field) === step);
  }

  /** A problem in plain words: the first step's strings are here, the later steps' come with their chunk. */
  private errorText(e: FieldError): string {
    const later = this.later?.state === 'ready' && stepOf(e.field) !== 'what' ? this.later.value : undefined;
    return later ? later.errorText(this, e) : this.messages.chooseCategory;
  }

  /** @internal */
  errorFor(field: string): FieldError | undefined {
    const shown = this.attempted.has(stepOf(field)) || this.touched.has(field);
    return shown ? this.errors().find((e) => e.field === field) : undefined;
  }

  // --- Moving between steps ---------------------------------------------------------------------------------------

  /** @internal */
  async goTo(step: Step, focus = '#step-title'): Promise<void> {
    if (step !== 'what' && !(await this.loadLater())) return;
    this.restored = false; // said once is enough
    this.setDraft({ step });
    this.focusSoon(focus);
  }

  private async handleContinue(e: Event): Promise<void> {
    e.preventDefault();
    if (this.submitting) return;
    const step = this.draft.step;
    this.attempted = new Set([...this.attempted, step]);
    const errors = this.stepErrors(step);
    if (errors.length) {
      // On the last step, a problem left on an earlier one takes the resident there.
      const first = stepOf(errors[0]!.field);
      if (step === 'review' && first !== 'review') {
        this.attempted = new Set([...this.attempted, first]);
        await this.goTo(first, '.error-summary');
      } else this.focusSoon('.error-summary');
      return;
    }
    if (step === 'review') {
      // Set at once, before any await: a second press while the first is on its way must not file twice.
      this.submitting = true;
      try {
        await (await this.loadLater())?.submit(this);
      } finally {
        this.submitting = false;
      }
      return;
    }
    await this.goTo(STEPS[STEPS.indexOf(step) + 1]!);
  }

  private handleBack(): void {
    void this.goTo(STEPS[Math.max(0, STEPS.indexOf(this.draft.step) - 1)]!);
  }

  /** A field changed and was left: from now on its own message shows. */
  private handleChange(e: Event): void {
    const field = (e.target as HTMLElement).closest<HTMLElement>('[data-field]')?.dataset['field'];
    if (field && !this.touched.has(field)) this.touched = new Set([...this.touched, field]);
  }

  private handleSummaryLink(e: Event, id: string): void {
    // In-page links would change the host page's URL hash; focus the field ourselves instead.
    e.preventDefault();
    const target = this.renderRoot.querySelector<HTMLElement>(`#${id}`);
    const control = target?.matches('input, select, textarea') ? target : target?.querySelector('input, select');
    target?.scrollIntoView({ block: 'center' });
    (control as HTMLElement | null | undefined)?.focus();
  }

  // --- Rendering helpers (shared with ./report-steps) ---------------------------------------------------------------

  /** The element id for a draft field; questions use their position, since codes may hold any character. */
  private idFor(field: string): string {
    if (field === 'serviceCode') return 'category';
    if (field.startsWith('attr:')) {
      const i = questions(this.currentDefinition()).findIndex((a) => attrField(a.code) === field);
      return `q${i}`;
    }
    return field;
  }

  /** aria-describedby / aria-invalid and the message paragraph for one field. @internal */
  fieldA11y(field: string, hint: boolean, extraDescription = '') {
    const id = this.idFor(field);
    const error = this.errorFor(field);
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', extraDescription]
      .filter(Boolean)
      .join(' ');
    const message = error
      ? html`<p class="error-message" id="${id}-error">
          <span class="visually-hidden">${this.messages.errorPrefix}</span> ${this.errorText(error)}
        </p>`
      : nothing;
    return { id, describedBy: describedBy || nothing, invalid: error ? 'true' : nothing, message };
  }

  // --- Step 1: the problem ----------------------------------------------------------------------------------------

  private picker = new CategoryPicker(this, {
    services: () => (this.services.state === 'ready' ? this.services.value : []),
    selected: () => this.draft.serviceCode,
    synonyms: () => this.synonyms,
    messages: () => this.messages,
    onSelect: (code, sentence) => {
      // A description typed into the category field is the start of the report's description.
      const words = sentence?.trim().split(/\s+/).length ?? 0;
      this.setDraft({
        serviceCode: code,
        ...(words >= 3 && !this.draft.description ? { description: sentence!.trim() } : {}),
      });
      if (!this.touched.has('serviceCode')) this.touched = new Set([...this.touched, 'serviceCode']);
      this.prepareLater();
    },
  });

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
    const a = this.fieldA11y('serviceCode', true);
    const selected = this.selectedService();
    return html`<div class="field">
      <label for="category">${m.category}</label>
      <p class="hint" id="category-hint">${m.categoryHint}</p>
      ${a.message} ${this.picker.render(a)}
      ${selected?.description ? html`<p class="hint">${selected.description}</p>` : nothing}
    </div>`;
  }

  /** The chosen category's redirect, if the city set one; links only to web or phone addresses. */
  private redirect(): Redirect | undefined {
    return this.redirects?.[this.draft.serviceCode];
  }

  private renderRedirect(): TemplateResult | undefined {
    const r = this.redirect();
    if (!r) return undefined;
    const m = this.messages;
    return html`<div class="panel" role="status" part="redirect">
      <h3>${m.notHandledHere}</h3>
      <p>${r.message}</p>
      ${r.url && /^https?:\/\//.test(r.url) ? html`<p><a href=${r.url}>${r.linkText ?? r.url}</a></p>` : nothing}
      ${r.phone ? html`<p><a href="tel:${r.phone.replace(/[^\d+]/g, '')}">${m.call(r.phone)}</a></p>` : nothing}
    </div>`;
  }

  private discardDraft(): void {
    clearDraft(this.storageKey);
    this.draft = emptyDraft();
    this.definition = { state: 'ready', value: undefined };
    this.attempted = new Set();
    this.touched = new Set();
    this.restored = false;
    this.picker.sync();
    this.focusSoon('#step-title');
  }

  // --- The frame: step heading, error summary, buttons ---------------------------------------------------------------

  private renderErrorSummary(): TemplateResult | typeof nothing {
    const m = this.messages;
    const errors = this.attempted.has(this.draft.step) ? this.stepErrors() : [];
    if (!errors.length) return nothing;
    return html`<div class="panel error error-summary" tabindex="-1" part="error-summary">
      <div role="alert">
        <h3>${m.errorSummaryTitle}</h3>
        <ul>
          ${errors.map((err) => {
            const id = this.idFor(err.field);
            return html`<li>
              <a href="#${id}" @click=${(e: Event) => this.handleSummaryLink(e, id)}>${this.errorText(err)}</a>
            </li>`;
          })}
        </ul>
      </div>
    </div>`;
  }

  private renderStep(): TemplateResult | typeof nothing {
    const step = this.draft.step;
    if (step === 'what') return html`${this.renderCategory()} ${this.renderRedirect() ?? nothing}`;
    const later = this.later;
    if (later?.state === 'ready') return later.value.renderStep(this, step);
    if (later?.state === 'failed') {
      return html`<div class="panel error" role="alert">
        <p>${later.message}</p>
        <button type="button" class="secondary" @click=${() => this.goTo(step)}>${this.messages.retry}</button>
      </div>`;
    }
    return html`<p role="status">${this.messages.loadingStep}</p>`;
  }

  protected override render(): TemplateResult {
    const m = this.messages;
    const step = this.draft.step;
    const n = STEPS.indexOf(step);
    const confirmation =
      this.result && this.later?.state === 'ready' ? this.later.value.renderConfirmation(this) : nothing;
    return html`
      <div role="status" part="status">${confirmation}</div>
      <form novalidate part="form" ?hidden=${!!this.result} @submit=${this.handleContinue} @change=${this.handleChange}>
        <h2 id="step-title" tabindex="-1" part="step-title">
          <span class="step-count">${m.stepCount(n + 1, STEPS.length)}</span> ${m.stepNames[step]}
        </h2>
        ${
          this.restored
            ? html`<p class="panel" role="status">
                ${m.restored}
                <button type="button" class="secondary" @click=${this.discardDraft}>${m.discard}</button>
              </p>`
            : nothing
        }
        ${this.renderErrorSummary()} ${this.renderStep()}
        ${
          this.submitError
            ? html`<div class="panel error" role="alert" part="error"><p>${this.submitError}</p></div>`
            : nothing
        }
        <p role="status" class="visually-hidden">${this.submitting ? m.submitting : ''}</p>
        <div class="actions">
          ${
            n > 0
              ? html`<button type="button" class="secondary" part="back" @click=${this.handleBack}>${m.back}</button>`
              : nothing
          }
          <button
            type="submit"
            part="submit"
            ?hidden=${!!this.redirect() && step === 'what'}
            aria-disabled=${this.submitting ? 'true' : 'false'}
          >
            ${step === 'review' ? m.submit : m.continue}
          </button>
        </div>
      </form>
    `;
  }
}
