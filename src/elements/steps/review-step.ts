/**
 * Step 4, "Check and send": every answer in one list, each with "Change" back to its step; why sending failed,
 * when it did (the draft is kept: Send again files it once); a gateway's CAPTCHA, when it wants one, drawn in the
 * page's own DOM (the providers' scripts do not work in shadow roots) and slotted in here.
 *
 * @csspart review - the list of answers
 * @csspart error - why sending failed
 */
import { html, nothing, type TemplateResult } from 'lit';
import { isBackendError } from '../../backend/types';
import { valueOf } from '../../report/load';
import { isSendDoubt, loadCaptcha, sendAnyway } from '../../report/send';
import { questions, type Step } from '../../schema/draft';
import { backendErrorText } from '../error-text';
import { StepElement } from './step-element';

export class ReviewStep extends StepElement {
  /** Online again: a report waiting on the device says it can go now (the resident presses Submit). */
  private readonly online = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('online', this.online);
    addEventListener('offline', this.online);
  }

  private captchaWidget: { reset(): void; remove(): void } | undefined;
  /** The resident answered the CAPTCHA shown now (an answer is used up by Send, and the widget then reset). */
  private answered = false;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this.online);
    removeEventListener('offline', this.online);
    this.captchaWidget?.remove();
    this.captchaWidget = undefined;
    this.answered = false;
    if (this.flow) this.flow.captchaAnswer = undefined;
  }

  protected override updated(): void {
    const challenge = valueOf(this.flow.captcha);
    if (challenge && !this.captchaWidget) {
      // <citizen-portal> lends a child of its own, slotted down to here.
      const ask = new CustomEvent<{ container?: HTMLElement }>('cp-captcha-container', {
        bubbles: true,
        composed: true,
        detail: {},
      });
      this.dispatchEvent(ask);
      const container = ask.detail.container;
      if (!container) return;
      const theme = this.settings.theme;
      this.captchaWidget = challenge.render(container, {
        lang: this.messages.lang,
        dark: theme === 'dark' || (theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches),
        onAnswer: (answer) => {
          this.flow.captchaAnswer = answer;
          this.answered = !!answer;
          this.flow.changed();
        },
      });
    } else if (this.answered && !this.flow.captchaAnswer && !this.flow.submitting) {
      this.answered = false;
      this.captchaWidget?.reset();
    }
  }

  /** The gateway's CAPTCHA, when it wants one: labelled, with its error, or why it could not be loaded. */
  private renderCaptcha(): TemplateResult | typeof nothing {
    const captcha = this.flow.captcha;
    if (captcha.state === 'loading' || !(captcha.state === 'failed' || captcha.value)) return nothing;
    const a = this.fieldA11y('captcha', false);
    return html`<div
      class="field captcha"
      id=${a.id}
      tabindex="-1"
      role="group"
      aria-labelledby="${a.id}-label"
      aria-describedby=${a.describedBy}
    >
      <p class="label" id="${a.id}-label">${this.words.captchaLabel}</p>
      ${a.message}
      ${
        captcha.state === 'failed'
          ? html`<p>${this.words.captchaFailed}</p>
              <button type="button" class="secondary" @click=${() => loadCaptcha(this.flow)}>
                ${this.messages.retry}
              </button>`
          : html`<slot name="captcha"></slot>`
      }
    </div>`;
  }

  private answer(code: string): string {
    const value = this.draft.answers[code];
    const attr = this.flow.currentDefinition()?.attributes.find((a) => a.code === code);
    const name = (key: string) => attr?.values.find((v) => v.key === key)?.name ?? key;
    return Array.isArray(value) ? value.map(name).join(', ') : value ? name(value) : '';
  }

  /** Why the last Send failed, in plain words, with the server's own words and the reassurance. */
  private failure(): string | undefined {
    const error = this.flow.submitError;
    if (error === undefined) return undefined;
    const m = this.words;
    // The report may have reached the city (issue #15): never "not sent".
    if (isSendDoubt(error))
      return error.doubt === 'unsure'
        ? `${backendErrorText(m, error.cause)} ${m.sendUnsure}`
        : error.doubt === 'offline'
          ? navigator.onLine
            ? m.sendBackOnline
            : m.sendOffline
          : m.sendUnchecked;
    const server = isBackendError(error) && error.details.serverMessage;
    return [m.submitFailed, backendErrorText(m, error), server ? m.serverSaid(server) : '', m.typedKept]
      .filter(Boolean)
      .join(' ');
  }

  /** After a lost answer that could not be checked: the resident sends again knowingly, or not. */
  private renderChoice(): TemplateResult | typeof nothing {
    const error = this.flow.submitError;
    if (!isSendDoubt(error) || error.doubt !== 'unchecked') return nothing;
    return html`<div class="row">
      <button
        type="button"
        @click=${() => {
          sendAnyway(this.flow);
          this.continue();
        }}
      >
        ${this.words.sendAnyway}
      </button>
      <button
        type="button"
        class="secondary"
        @click=${() => {
          this.flow.submitError = undefined;
          this.flow.changed();
        }}
      >
        ${this.words.dontSend}
      </button>
    </div>`;
  }

  protected override renderStep(): TemplateResult {
    const m = this.words;
    const d = this.draft;
    const place = [d.address, d.lat && d.long ? `${d.lat}, ${d.long}` : ''].filter(Boolean).join(' — ');
    const contact = [`${d.firstName} ${d.lastName}`.trim(), d.email, d.phone].filter(Boolean).join(', ');
    // The photos as the resident added them, so what is sent is what is checked (issue #13).
    const photos = d.photos.length
      ? html`<ul class="thumbs">
          ${d.photos.map(
            (p, i) => html`<li><img src=${p.thumb} alt=${m.photoAlt(i + 1, p.name)} width="64" height="64" /></li>`,
          )}
        </ul>`
      : '';
    // The city's own words (the category, its questions) in their language, for screen readers' voices.
    const city = (text: string) => html`<span lang=${this.cityLang}>${text}</span>`;
    const rows: Array<[label: string | TemplateResult, value: string | TemplateResult, step: Step]> = [
      [m.category, city(this.flow.selectedService()?.service_name ?? d.serviceCode), 'what'],
      ...questions(this.flow.currentDefinition()).map((a): [TemplateResult, string, Step] => [
        city(a.description ?? a.code),
        this.answer(a.code),
        'details',
      ]),
      [m.locationHeading, place, 'where'],
      [m.description, d.description, 'details'],
      ...(photos ? [[m.photos, photos, 'details'] as [string, TemplateResult, Step]] : []),
      [m.contactHeading, contact, 'details'],
    ];
    const failure = this.failure();
    return html`<p>${m.reviewIntro}</p>
      <dl class="review" part="review">
        ${rows.map(
          ([label, value, step]) =>
            html`<div class="review-row">
              <dt>${label}</dt>
              <dd>${value || m.notGiven}</dd>
              <dd>
                <button type="button" class="link" @click=${() => this.flow.goTo(step)}>
                  ${m.change}<span class="visually-hidden"> ${label}</span>
                </button>
              </dd>
            </div>`,
        )}
      </dl>
      ${this.renderCaptcha()}
      ${
        failure
          ? html`<div class="panel error" role="alert" part="error">
              <p>${failure}</p>
              ${this.renderChoice()}
            </div>`
          : nothing
      }`;
  }
}
