/**
 * @summary "Report a problem", in four steps: the problem (its category), location, details and contact (the
 * category's questions first), then check and send. This element is the frame — the step heading, the error
 * summary, Back and Continue — and the first step; the later steps are elements of their own in a lazy chunk
 * (./steps), fetched when the resident moves on, so the first screen stays small. All state is the ReportFlow it
 * is given (../report/flow): going back and forth, or a step's element going away, loses nothing.
 *
 * Errors follow govuk-frontend: when a step cannot go on, an error summary is focused, each field carries its own
 * message (aria-describedby, in the field's shadow root); a field's message shows once it has been changed and
 * left, or after a try to go on. Nothing the resident typed is ever cleared.
 *
 * @csspart form - the report form
 * @csspart error-summary - "There is a problem" with links to each field
 * @csspart submit - the Continue / Submit button
 * @csspart back - the Back button
 * @csspart step-title - the step's heading
 * @csspart redirect - the card for a category another organisation handles
 * @csspart confirmation - the thank-you panel with the reference number
 * @csspart error - why sending failed
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Adapters } from '../adapters';
import { moreWords, loadMessages, type Messages } from '../i18n';
import { allWords } from '../i18n/all-words';
import type { Config } from '../schema/config';
import { stepOf, stepsOf, type FieldError, type Step } from '../schema/draft';
import type { ReportFlow } from '../report/flow';
import { cityLang } from '../report/translate';
import { baseStyles } from './styles';
import { backendErrorText } from './error-text';
import { draftUnkept } from '../storage/draft-store';
import { isBackendError } from '../backend/types';
import { CategoryPicker, pickerStyles } from './category-picker';
import { FlowController } from './flow-controller';

/** Where to send residents for a category the city does not handle (electricity outage → the utility). */
export interface Redirect {
  message: string;
  url?: string;
  linkText?: string;
  phone?: string;
}

/**
 * For the webmaster, when the categories could not be read at all (no answer, or one the browser keeps from this
 * page: no CORS headers), and not because the resident is offline: the sentence naming `endpoint` (issue #13).
 */
const endpointNote = (m: Messages, e: unknown) =>
  isBackendError(e) && e.kind === 'network' && navigator.onLine ? moreWords[m.lang]?.endpointUnreachable : undefined;

/** What the form asks of a step's element: put focus on one of its fields (an error summary's link). */
interface StepView extends HTMLElement {
  focusField(id: string): boolean;
}

/** The later steps' elements, defined by their chunk. */
const STEP_TAGS = {
  nearby: 'citizen-portal-nearby',
  where: 'citizen-portal-location',
  details: 'citizen-portal-details',
  review: 'citizen-portal-review',
};

/** Parts of the later steps' elements that the page may style: forwarded through this element's shadow root. */
const STEP_PARTS = 'error, map, nearby, photos, contact, review';

export class ReportForm extends LitElement {
  static override styles = [baseStyles, pickerStyles];

  /** @internal */
  static override properties = {
    flow: { attribute: false },
    messages: { attribute: false },
    settings: { attribute: false },
    adapters: { attribute: false },
    synonyms: { attribute: false },
    redirects: { attribute: false },
  };

  /** The report being written: draft, step, checks, sending. @internal */
  declare flow: ReportFlow | undefined;
  /** UI strings in the resident's language. @internal */
  declare messages: Messages;
  /** The portal's settings, checked once by <citizen-portal>. @internal */
  declare settings: Config;
  /** The outside world (geocoder, map, boundary) for the later steps. @internal */
  declare adapters: Adapters;
  /** The city's own words for its services (see <citizen-portal>.synonyms). @internal */
  declare synonyms: Record<string, readonly string[]> | undefined;
  /** Categories another organisation handles: a card instead of the form. @internal */
  declare redirects: Record<string, Redirect> | undefined;

  private readonly flowController = new FlowController(this);

  constructor() {
    super();
    // The resident's first move in the form: a report kept in the tab and not looked for yet comes now, before they
    // type, and leaves them on their step (the flow looks when idle otherwise).
    this.addEventListener('focusin', () => this.flow?.lookForDraft(true));
  }
  private focusAfterRender: string | undefined;
  /** The step last rendered: when it changes, focus goes to the new step's heading. */
  private shownStep: Step | undefined;
  private shownServices: unknown;
  private shownStepElement: StepView | undefined;
  /** The chosen category's name in the list last shown: the input shows it unless the resident is typing. */
  private shownName = '';
  private shownCode = '';

  private readonly picker = new CategoryPicker(this, {
    services: () => (this.flow?.services.state === 'ready' ? this.flow.services.value : []),
    selected: () => this.flow?.draft.serviceCode ?? '',
    synonyms: () => this.synonyms,
    messages: () => this.messages,
    lang: () => this.cityLang(),
    onSelect: (code, sentence) => {
      const flow = this.flow!;
      // A description typed into the category field is the start of the report's description.
      const words = sentence?.trim().split(/\s+/).length ?? 0;
      flow.set({
        serviceCode: code,
        ...(words >= 3 && !flow.draft.description ? { description: sentence!.trim() } : {}),
      });
      flow.touch('serviceCode');
    },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    const flow = this.flow;
    if (!flow) return;
    const services = flow.services;
    const code = flow.draft.serviceCode;
    // A new list (another language, Try again) or a category chosen elsewhere (a preset, a restored report, Start
    // again): the input shows its name, unless the resident is typing there.
    if ((services !== this.shownServices || code !== this.shownCode) && services.state === 'ready') {
      if (this.picker.query === this.shownName) this.picker.sync();
      this.picker.refresh();
      this.shownCode = code;
    }
    if (services !== this.shownServices) {
      this.shownServices = services;
      // The sentences for failures are in the later words: fetched now (offline, they cannot be: one sentence).
      // An endpoint this page cannot read is the webmaster's to fix: the console names it too (issue #13).
      if (services.state === 'failed')
        void loadMessages(this.messages.lang, true).then(
          () => {
            const note = endpointNote(this.messages, services.error);
            if (note) console.error('citizen-portal:', note, String(services.error));
            this.requestUpdate();
          },
          () => undefined,
        );
    }
    if (changed.has('flow')) this.picker.sync();
    if (services.state === 'ready') this.shownName = this.picker.selectedName();
  }

  protected override updated(): void {
    const step = this.flow?.draft.step;
    // A new step (Continue, Back, Change, Start again): its heading takes focus, unless something else asked.
    // (Not a report restored after the first screen: the resident may be elsewhere on the page.)
    if (this.shownStep !== undefined && step !== this.shownStep && !this.flow?.restored)
      this.focusAfterRender ??= '#step-title';
    this.shownStep = step;
    if (this.focusAfterRender) {
      this.renderRoot.querySelector<HTMLElement>(this.focusAfterRender)?.focus();
      this.focusAfterRender = undefined;
    }
  }

  // --- Moving between steps ---------------------------------------------------------------------------------------

  private async handleContinue(e?: Event): Promise<void> {
    e?.preventDefault();
    const flow = this.flow!;
    const outcome = await flow.continue();
    if (outcome.kind === 'invalid') this.focusAfterRender = '.error-summary';
    if (outcome.kind === 'sent') {
      await this.updateComplete;
      const confirmation = this.renderRoot.querySelector<HTMLElement & { focusTitle(): void }>(
        'citizen-portal-confirmation',
      );
      confirmation?.focusTitle();
    }
    this.requestUpdate();
  }

  /** A field changed and was left: from now on its own message shows. */
  private handleChange(e: Event): void {
    const field = (e.target as HTMLElement).closest<HTMLElement>('[data-field]')?.dataset['field'];
    if (field) this.flow!.touch(field);
  }

  private handleSummaryLink(e: Event, id: string): void {
    // In-page links would change the host page's URL hash; focus the field ourselves instead.
    e.preventDefault();
    // The first step's one field is the category input itself; the later steps' are in their element's root.
    const own = this.renderRoot.querySelector<HTMLElement>(`#${id}`);
    if (own) {
      own.scrollIntoView({ block: 'center' });
      own.focus();
    } else this.shownStepElement?.focusField(id);
  }

  /** A problem in plain words: the first step's strings are here, the later steps' come with their words. */
  private errorText(e: FieldError): string {
    const m = this.messages;
    return stepOf(e.field) !== 'what' && moreWords[m.lang] ? allWords(m).laterFieldError(e) : m.chooseCategory;
  }

  // --- Step 1: the problem ----------------------------------------------------------------------------------------

  /** The language of the city's own words where it is not the resident's: their `lang` (issue #13). */
  private cityLang(): string | undefined {
    return cityLang(this.settings.serverLang, this.messages.lang, this.flow?.words);
  }

  private renderCategory(flow: ReportFlow): TemplateResult {
    const m = this.messages;
    const s = flow.services;
    if (s.state === 'failed') {
      const note = endpointNote(m, s.error);
      return html`<div class="panel error field" role="alert">
        <p>${m.loadCategoriesFailed} ${backendErrorText(m, s.error)}</p>
        ${note && html`<p>${note}</p>`}
        <button type="button" class="secondary" @click=${() => flow.loadServices()}>${m.retry}</button>
      </div>`;
    }
    const error = flow.errorFor('serviceCode');
    const a = {
      id: 'category',
      describedBy: ['category-hint', error ? 'category-error' : ''].filter(Boolean).join(' '),
      invalid: error ? 'true' : nothing,
      message: error
        ? html`<p class="error-message" id="category-error">
            <span class="visually-hidden">${m.errorPrefix}</span> ${this.errorText(error)}
          </p>`
        : nothing,
    };
    const selected = flow.selectedService();
    // While the list loads, the field is already there (the same box: nothing moves when the list arrives), and
    // what the resident types meanwhile is searched as soon as it comes.
    return html`<div class="field" aria-busy=${s.state === 'loading' ? 'true' : 'false'}>
      <label for="category">${m.category}</label>
      <p class="hint" id="category-hint">${m.categoryHint}</p>
      ${a.message} ${this.picker.render(a)}
      <p class="visually-hidden" role="status">${s.state === 'loading' ? m.loadingCategories : ''}</p>
      ${selected?.description ? html`<p class="hint" lang=${this.cityLang() ?? nothing}>${selected.description}</p>` : nothing}
    </div>`;
  }

  /** The chosen category's redirect, if the city set one (own keys only); links only to web or phone addresses. */
  private redirect(): Redirect | undefined {
    const code = this.flow?.draft.serviceCode ?? '';
    return this.redirects && Object.hasOwn(this.redirects, code) ? this.redirects[code] : undefined;
  }

  /** The card instead of the form, from the later steps' chunk (fetched at once for it: a rare case). */
  private renderRedirect(flow: ReportFlow): TemplateResult | typeof nothing {
    const r = this.redirect();
    // Asked for once: a failed load (offline) is not asked again at every render.
    if (r && !flow.steps) void flow.loadSteps();
    return r
      ? html`<citizen-portal-redirect
          .redirect=${r}
          .messages=${this.messages}
          exportparts="redirect"
        ></citizen-portal-redirect>`
      : nothing;
  }

  private discardDraft(): void {
    this.flow!.discard();
    this.picker.sync();
  }

  // --- The frame: step heading, error summary, buttons ---------------------------------------------------------------

  private renderErrorSummary(flow: ReportFlow): TemplateResult | typeof nothing {
    const m = this.messages;
    const errors = flow.attempted.has(flow.draft.step) ? flow.stepErrors() : [];
    if (!errors.length) return nothing;
    // Said once (issue #16): the inner role=alert speaks the summary as it appears (VoiceOver on iOS says nothing
    // for a focused container alone); the focus then lands on a group named by its title, which readers announce
    // by name and role ("There is a problem, group") instead of reading the whole list out a second time.
    return html`<div
      class="panel error error-summary"
      tabindex="-1"
      part="error-summary"
      role="group"
      aria-labelledby="error-summary-title"
    >
      <div role="alert">
        <h3 id="error-summary-title">${m.errorSummaryTitle}</h3>
        <ul>
          ${errors.map((err) => {
            const id = flow.fieldId(err.field);
            return html`<li>
              <a href="#${id}" @click=${(e: Event) => this.handleSummaryLink(e, id)}>${this.errorText(err)}</a>
            </li>`;
          })}
        </ul>
      </div>
    </div>`;
  }

  private renderStep(flow: ReportFlow): TemplateResult {
    const step = flow.draft.step;
    if (step === 'what') {
      // After the place (issue #13 §7): the open reports near it, of every category, before the categories.
      const after = flow.draft.start === 'where' && flow.steps?.state === 'ready';
      if (!after) this.shownStepElement = undefined;
      return html`${after ? this.stepElement('nearby') : nothing} ${this.renderCategory(flow)}
      ${after ? nothing : this.renderStarts(flow)} ${this.renderRedirect(flow)}`;
    }
    const later = flow.steps;
    if (later?.state === 'failed') {
      return html`<div class="panel error" role="alert">
        <p>${this.messages.loadStepFailed}</p>
        <button type="button" class="secondary" @click=${() => flow.goTo(step)}>${this.messages.retry}</button>
      </div>`;
    }
    if (later?.state !== 'ready') return html`<p role="status">${this.messages.loadingStep}</p>`;
    return html`${this.stepElement(step)}`;
  }

  /**
   * Beside the category (issue #13 §7), as FixMyStreet starts from the place and SeeClickFix from a photo: "Start
   * with a photo" (where it was taken sets the pin; only where the city takes photos) and "Start with the location".
   */
  private renderStarts(flow: ReportFlow): TemplateResult {
    const m = this.messages;
    const photos = (flow.backend?.uploadMedia || flow.backend?.acceptsMedia) && this.settings.maxPhotos > 0;
    return html`<div class="actions">
      ${
        photos
          ? html`<label class="button secondary"
              >${m.startWithPhoto}<input
                type="file"
                accept="image/*"
                class="visually-hidden"
                @change=${(e: Event) => flow.startWhere((e.target as HTMLInputElement).files?.[0])}
            /></label>`
          : nothing
      }
      <button type="button" class="secondary" @click=${() => flow.startWhere()}>${m.startWithLocation}</button>
    </div>`;
  }

  /**
   * The step's element: made when its step shows and dropped when it goes, and with it what it holds (the map).
   * Its state is the flow's, so nothing is lost; its properties follow each render.
   */
  private stepElement(step: keyof typeof STEP_TAGS): StepView {
    if (this.shownStepElement?.dataset['step'] !== step) {
      const element = document.createElement(STEP_TAGS[step]) as StepView;
      element.dataset['step'] = step;
      element.setAttribute('exportparts', STEP_PARTS);
      element.addEventListener('cp-continue', () => void this.handleContinue());
      // A gateway's CAPTCHA lives in the page's own DOM (see review-step.ts): passed on from <citizen-portal>.
      if (step === 'review')
        element.append(Object.assign(document.createElement('slot'), { name: 'captcha', slot: 'captcha' }));
      this.shownStepElement = element;
    }
    const { flow, messages, settings, adapters } = this;
    return Object.assign(this.shownStepElement, { flow, messages, settings, adapters });
  }

  protected override render(): TemplateResult | typeof nothing {
    const flow = this.flow;
    if (!flow) return nothing;
    const m = this.messages;
    const step = flow.draft.step;
    const order = stepsOf(flow.draft);
    const n = order.indexOf(step);
    return html`
      ${
        flow.steps?.state === 'ready'
          ? html`<citizen-portal-confirmation
              .flow=${flow}
              .messages=${m}
              .settings=${this.settings}
              exportparts="confirmation"
            ></citizen-portal-confirmation>`
          : nothing
      }
      <form novalidate part="form" ?hidden=${!!flow.result} @submit=${this.handleContinue} @change=${this.handleChange}>
        <h2 id="step-title" tabindex="-1" part="step-title">
          <span class="step-count">${m.stepCount(n + 1, order.length)}</span> ${m.stepNames[step]}
        </h2>
        ${
          // A report kept from before (a reload, a closed tab): with the later words, which come with it.
          flow.restored && moreWords[m.lang]
            ? html`<p class="panel" role="status">
                ${allWords(m).restored}
                <button type="button" class="secondary" @click=${this.discardDraft}>${allWords(m).discard}</button>
              </p>`
            : nothing
        }
        ${
          // Storage refused the draft (blocked, private mode, full): said once, with the later words (issue #15).
          draftUnkept() && moreWords[m.lang]
            ? html`<p class="panel" role="status">${allWords(m).noDraftStorage}</p>`
            : nothing
        }
        ${this.renderErrorSummary(flow)} ${this.renderStep(flow)}
        <p role="status" class="visually-hidden">${flow.submitting ? m.submitting : ''}</p>
        <div class="actions">
          ${
            n > 0 || step !== 'what'
              ? html`<button type="button" class="secondary" part="back" @click=${() => flow.back()}>${m.back}</button>`
              : nothing
          }
          <button
            type="submit"
            part="submit"
            ?hidden=${!!this.redirect() && step === 'what'}
            aria-disabled=${flow.submitting || (step === 'review' && Date.now() < flow.resendAt) ? 'true' : 'false'}
          >
            ${step === 'review' ? m.submit : m.continue}
          </button>
        </div>
      </form>
    `;
  }
}
