/**
 * What every later step's element shares: the flow it shows (re-rendered on each change), the resident's words,
 * the settings; each field's label, hint, message and ARIA wiring in the step's own shadow root (ARIA ids cannot
 * cross shadow roots); "changed and left" marks a field touched; Enter in a field goes on, as in any form.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { Adapters } from '../../adapters';
import type { Messages } from '../../i18n';
import { allWords } from '../../i18n/all-words';
import type { ReportFlow } from '../../report/flow';
import { cityLang } from '../../report/translate';
import type { Config } from '../../schema/config';
import type { Draft } from '../../schema/draft';
import { FlowController } from '../flow-controller';
import { baseStyles } from '../styles';
import { formControlStyles } from '../form-controls.styles';
import { stepStyles } from './steps.styles';

/**
 * Numbers, addresses of mail and phone numbers read left to right in every language ("-90.499000", not
 * "90.499000-" in Arabic); what residents write takes the direction of its own first letters (issue #13).
 */
const LEFT_TO_RIGHT: readonly string[] = ['lat', 'long', 'email', 'phone'];

export type TextField = 'lat' | 'long' | 'address' | 'description' | 'email' | 'firstName' | 'lastName' | 'phone';

export interface TextFieldOptions {
  hint?: string;
  type?: string;
  autocomplete?: string;
  inputmode?: string;
  required?: boolean;
}

/**
 * A field left by a tap (on Continue, say) shows its message only once the tap is over: shown at once, it pushed
 * the button down under the finger and the tap was lost (issue #13). Continue then says what to mend anyway.
 */
let pressed = false;
const waiting: Array<() => void> = [];
function afterTap(task: () => void): void {
  if (pressed) waiting.push(task);
  else task();
}
addEventListener('pointerdown', () => (pressed = true), true);
for (const type of ['pointerup', 'pointercancel'])
  addEventListener(
    type,
    () => {
      pressed = false;
      // After the click that follows the pointerup.
      setTimeout(() => waiting.splice(0).forEach((task) => task()));
    },
    true,
  );

export abstract class StepElement extends LitElement {
  static override styles = [baseStyles, formControlStyles, stepStyles];

  static override properties = {
    flow: { attribute: false },
    messages: { attribute: false },
    settings: { attribute: false },
    adapters: { attribute: false },
  };

  declare flow: ReportFlow;
  declare messages: Messages;
  declare settings: Config;
  declare adapters: Adapters;

  protected readonly flowController = new FlowController(this);

  /** The resident's words, the later steps' included (loaded with this chunk). */
  get words() {
    return allWords(this.messages);
  }

  /** The language of the city's own words, where it is not the resident's (see cityLang): their `lang`. */
  get cityLang(): string | typeof nothing {
    return cityLang(this.settings.serverLang, this.messages.lang, this.flow.words) ?? nothing;
  }

  protected get draft(): Draft {
    return this.flow.draft;
  }

  /** Asks the form to go on (Continue), as Enter in a field of a native form does. */
  protected continue(): void {
    this.dispatchEvent(new Event('cp-continue'));
  }

  /** Focuses the field with this id (an error summary's link); false when it is not in this step. */
  focusField(id: string): boolean {
    const target = this.renderRoot.querySelector<HTMLElement>(`#${id}`);
    const control = target?.matches('input, select, textarea') ? target : target?.querySelector('input, select');
    target?.scrollIntoView({ block: 'center' });
    // A field without a control of ours (a CAPTCHA's group) takes focus itself.
    ((control as HTMLElement | null | undefined) ?? target)?.focus();
    return !!target;
  }

  private handleChange(e: Event): void {
    const field = (e.target as HTMLElement).closest<HTMLElement>('[data-field]')?.dataset['field'];
    if (field) afterTap(() => this.flow.touch(field));
  }

  private handleKey(e: KeyboardEvent): void {
    const target = e.target as HTMLInputElement;
    if (e.key !== 'Enter' || e.defaultPrevented || target.localName !== 'input') return;
    if (['button', 'submit', 'file', 'reset'].includes(target.type)) return;
    e.preventDefault();
    this.continue();
  }

  /** aria-describedby / aria-invalid and the message paragraph for one field. */
  fieldA11y(field: string, hint: boolean, extraDescription = '') {
    const id = this.flow.fieldId(field);
    const error = this.flow.errorFor(field);
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', extraDescription]
      .filter(Boolean)
      .join(' ');
    const message = error
      ? html`<p class="error-message" id="${id}-error">
          <span class="visually-hidden">${this.messages.errorPrefix}</span> ${this.words.laterFieldError(error)}
        </p>`
      : nothing;
    return { id, describedBy: describedBy || nothing, invalid: error ? 'true' : nothing, message };
  }

  /** Typing goes straight into the draft (and storage): nothing typed is ever lost. */
  onText(field: TextField) {
    return (e: Event) => this.flow.set({ [field]: (e.target as HTMLInputElement).value });
  }

  /** A labelled text field bound to the draft. */
  textField(field: TextField, label: string, opts: TextFieldOptions = {}): TemplateResult {
    const a = this.fieldA11y(field, !!opts.hint);
    return html`<div class="field">
      <label for=${a.id}>${label}</label>
      ${opts.hint ? html`<p class="hint" id="${a.id}-hint">${opts.hint}</p>` : nothing} ${a.message}
      <input
        id=${a.id}
        name=${field}
        data-field=${field}
        type=${opts.type ?? 'text'}
        autocomplete=${opts.autocomplete ?? 'off'}
        inputmode=${opts.inputmode ?? nothing}
        dir=${LEFT_TO_RIGHT.includes(field) ? 'ltr' : 'auto'}
        aria-describedby=${a.describedBy}
        aria-invalid=${a.invalid}
        aria-required=${opts.required ? 'true' : nothing}
        .value=${this.draft[field]}
        @input=${this.onText(field)}
      />
    </div>`;
  }

  /** The step's own content. */
  protected abstract renderStep(): TemplateResult;

  protected override render(): TemplateResult {
    return html`<div @change=${this.handleChange} @keydown=${this.handleKey}>${this.renderStep()}</div>`;
  }
}

/** What the location step's controllers ask of it (an interface: they do not import the step's element). */
export interface LocationHost extends StepElement {
  /** Says what happened to the location, in the step's status region. */
  say(notice: string): void;
  /** The pin moved on the map: say where, and look up its address. */
  pinPlaced(lat: number, long: number): void;
}
