/**
 * The thank-you panel: the reference number (or a provisional one, replaced when the real one arrives), copy it,
 * a link to this request's status, "Check this request" and "Report another problem". Its status region is on the
 * page before the report is sent, so screen readers announce the confirmation when it appears.
 *
 * @csspart confirmation - the thank-you panel with the reference number
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../../i18n';
import { allWords } from '../../i18n/all-words';
import type { ReportFlow } from '../../report/flow';
import { startAnother } from '../../report/send';
import type { Config } from '../../schema/config';
import { deepLink } from '../../schema/reference';
import { CheckStatusEvent } from '../events';
import { FlowController } from '../flow-controller';
import { baseStyles } from '../styles';
import { formControlStyles } from '../form-controls.styles';
import { stepStyles } from './steps.styles';

export class ReportConfirmation extends LitElement {
  static override styles = [baseStyles, formControlStyles, stepStyles];

  static override properties = {
    flow: { attribute: false },
    messages: { attribute: false },
    settings: { attribute: false },
    copied: { state: true },
  };

  declare flow: ReportFlow | undefined;
  declare messages: Messages;
  declare settings: Config;
  /** The reference number was copied to the clipboard. */
  declare copied: boolean;

  private readonly flowController = new FlowController(this);

  constructor() {
    super();
    this.copied = false;
  }

  /** After sending: focus on the panel's heading, so the next Tab is inside it. */
  async focusTitle(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#confirmation-title')?.focus();
  }

  private async copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.copied = true;
    } catch {
      this.copied = false; // no clipboard (permissions, old browser): the number is on screen to copy by hand
    }
  }

  private startAnother(): void {
    this.copied = false;
    startAnother(this.flow!);
  }

  private renderPanel(flow: ReportFlow): TemplateResult | typeof nothing {
    const result = flow.result;
    if (!result) return nothing;
    const m = allWords(this.messages);
    const reference = result.serviceRequestId ?? result.token;
    // view="report": a form alone, with no tracker to go to.
    const tracker = this.settings.view !== 'report';
    return html`<div class="panel success" part="confirmation">
      <h2 id="confirmation-title" tabindex="-1">${m.submittedTitle}</h2>
      ${
        reference
          ? html`<p>${result.serviceRequestId ? m.referenceIs : m.provisionalReference}</p>
              <p class="reference">${reference}</p>
              <p>
                <button type="button" class="link" @click=${() => this.copy(reference)}>${m.copyReference}</button>
                <span role="status">${this.copied ? m.copied : ''}</span>
              </p>
              <p>${result.serviceRequestId ? m.submittedKeep : m.provisionalExplained}</p>
              ${
                tracker
                  ? html`<div class="field">
                      <label for="report-link">${m.linkToRequest}</label>
                      <input id="report-link" readonly .value=${deepLink(reference)} />
                      <button type="button" class="link" @click=${() => this.copy(deepLink(reference))}>
                        ${m.copyLink}
                      </button>
                    </div>`
                  : nothing
              }`
          : nothing
      }
      ${result.notice ? html`<p>${result.notice}</p>` : nothing}
      <div class="row">
        ${
          reference && tracker
            ? html`<button type="button" @click=${() => this.dispatchEvent(new CheckStatusEvent(reference))}>
                ${m.checkThisRequest}
              </button>`
            : nothing
        }
        <button type="button" class="secondary" @click=${this.startAnother}>${m.reportAnother}</button>
      </div>
    </div>`;
  }

  protected override render(): TemplateResult {
    return html`<div role="status">${this.flow ? this.renderPanel(this.flow) : nothing}</div>`;
  }
}
