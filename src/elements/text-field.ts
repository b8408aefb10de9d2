/**
 * A labelled text field bound to the draft: the later steps' building block (location, description, contact).
 * In their chunk, not the first screen's.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ReportForm, TextField } from './report-form';

/** Typing goes straight into the draft (and storage): nothing typed is ever lost. */
export const onText = (host: ReportForm, field: TextField) => (e: Event) =>
  host.setDraft({ [field]: (e.target as HTMLInputElement).value });

export function textField(
  host: ReportForm,
  field: TextField,
  label: string,
  opts: { hint?: string; type?: string; autocomplete?: string; inputmode?: string; required?: boolean } = {},
): TemplateResult {
  const a = host.fieldA11y(field, !!opts.hint);
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
      aria-describedby=${a.describedBy}
      aria-invalid=${a.invalid}
      aria-required=${opts.required ? 'true' : nothing}
      .value=${host.draft[field]}
      @input=${onText(host, field)}
    />
  </div>`;
}
