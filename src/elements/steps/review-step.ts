/**
 * Step 4, "Check and send": every answer in one list, each with "Change" back to its step; why sending failed,
 * when it did (the draft is kept: Send again files it once).
 *
 * @csspart review - the list of answers
 * @csspart error - why sending failed
 */
import { html, nothing, type TemplateResult } from 'lit';
import { isBackendError } from '../../backend/types';
import { questions, type Step } from '../../schema/draft';
import { backendErrorText } from '../error-text';
import { StepElement } from './step-element';

export class ReviewStep extends StepElement {
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
    const server = isBackendError(error) && error.details.serverMessage;
    return [m.submitFailed, backendErrorText(m, error), server ? m.serverSaid(server) : '', m.typedKept]
      .filter(Boolean)
      .join(' ');
  }

  protected override renderStep(): TemplateResult {
    const m = this.words;
    const d = this.draft;
    const place = [d.address, d.lat && d.long ? `${d.lat}, ${d.long}` : ''].filter(Boolean).join(' — ');
    const contact = [`${d.firstName} ${d.lastName}`.trim(), d.email, d.phone].filter(Boolean).join(', ');
    const rows: Array<[label: string, value: string, step: Step]> = [
      [m.category, this.flow.selectedService()?.service_name ?? d.serviceCode, 'what'],
      ...questions(this.flow.currentDefinition()).map((a): [string, string, Step] => [
        a.description ?? a.code,
        this.answer(a.code),
        'details',
      ]),
      [m.locationHeading, place, 'where'],
      [m.description, d.description, 'details'],
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
      ${failure ? html`<div class="panel error" role="alert" part="error"><p>${failure}</p></div>` : nothing}`;
  }
}
