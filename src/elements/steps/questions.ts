/**
 * The chosen category's questions (its GeoReport v2 service definition), asked at the top of "Details and
 * contact". The flow fetches the definition as soon as this chunk and the categories are here, while the resident
 * sets the location; here they are only shown and answered.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { attrField } from '../../schema/draft';
import type { Attribute } from '../../schema/open311';
import { backendErrorText } from '../error-text';
import type { StepElement } from './step-element';

/** Radio buttons for short lists, a select for long ones (easier to scan on a phone). */
const MAX_RADIOS = 5;

export function renderQuestions(host: StepElement): TemplateResult | typeof nothing {
  const m = host.words;
  const d = host.flow.definition;
  if (d.state === 'loading') return html`<p class="field" role="status">${m.loadingQuestions}</p>`;
  if (d.state === 'failed') {
    return html`<div class="panel error field" role="alert">
      <p>${m.loadQuestionsFailed} ${backendErrorText(m, d.error)}</p>
      <button type="button" class="secondary" @click=${() => host.flow.loadDefinition()}>${m.retry}</button>
    </div>`;
  }
  if (!d.value?.attributes.length) return nothing;
  let index = 0;
  return html`<fieldset>
    <legend>${m.questionsHeading}</legend>
    ${d.value.attributes.map((attr) =>
      attr.variable
        ? renderQuestion(host, attr, index++)
        : html`<p class="field hint" lang=${host.cityLang}>${attr.description ?? ''}</p>`,
    )}
  </fieldset>`;
}

function renderQuestion(host: StepElement, attr: Attribute, index: number): TemplateResult {
  const m = host.words;
  const id = `q${index}`;
  const field = attrField(attr.code);
  const a = host.fieldA11y(field, !!attr.datatype_description);
  // The city's words are isolated from ours: an English question in an Arabic form keeps its "?" at its end.
  // Marked with their language too, for screen readers' voices (issue #13).
  const label = html`<bdi lang=${host.cityLang}>${attr.description ?? attr.code}</bdi>${
      attr.required ? nothing : html` ${m.optional}`
    }`;
  const hint = attr.datatype_description
    ? html`<p class="hint" id="${id}-hint" dir="auto" lang=${host.cityLang}>${attr.datatype_description}</p>`
    : nothing;
  const value = host.flow.draft.answers[attr.code];
  const text = typeof value === 'string' ? value : '';
  const onInput = (e: Event) => host.flow.answer(attr.code, (e.target as HTMLInputElement).value);
  const common = { describedBy: a.describedBy, invalid: a.invalid };

  if (attr.datatype === 'multivaluelist' || (attr.datatype === 'singlevaluelist' && attr.values.length <= MAX_RADIOS)) {
    const multi = attr.datatype === 'multivaluelist';
    const list = Array.isArray(value) ? value : [];
    const toggle = (key: string) => (e: Event) => {
      const checked = (e.target as HTMLInputElement).checked;
      // Read the answer now, not at render time: two quick clicks land before the next render.
      const current = host.flow.draft.answers[attr.code];
      const chosen = Array.isArray(current) ? current.filter((k) => k !== key) : [];
      host.flow.answer(attr.code, multi ? (checked ? [...chosen, key] : chosen) : key);
    };
    return html`<fieldset class="field" id=${id} data-field=${field} aria-describedby=${common.describedBy}>
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
            <label for="${id}-${i}"><bdi lang=${host.cityLang}>${v.name}</bdi></label>
          </div>`,
      )}
    </fieldset>`;
  }

  // "boolean (checkbox)" and kin, from servers beyond the standard's six datatypes: one box, label beside it.
  if (attr.datatype.startsWith('bool')) {
    return html`<div class="field">
      ${hint} ${a.message}
      <div class="choice">
        <input
          type="checkbox"
          id=${id}
          data-field=${field}
          aria-describedby=${common.describedBy}
          aria-invalid=${common.invalid}
          .checked=${text === 'true'}
          @change=${(e: Event) => host.flow.answer(attr.code, (e.target as HTMLInputElement).checked ? 'true' : '')}
        />
        <label for=${id}>${label}</label>
      </div>
    </div>`;
  }

  let control: TemplateResult;
  if (attr.datatype === 'singlevaluelist') {
    control = html`<select
      id=${id}
      data-field=${field}
      aria-describedby=${common.describedBy}
      aria-invalid=${common.invalid}
      @change=${onInput}
    >
      <option value="" ?selected=${!text}>${m.chooseOne}</option>
      ${attr.values.map(
        (v) =>
          html`<option value=${v.key} dir="auto" lang=${host.cityLang} ?selected=${v.key === text}>${v.name}</option>`,
      )}
    </select>`;
  } else if (attr.datatype === 'text') {
    control = html`<textarea
      id=${id}
      dir="auto"
      data-field=${field}
      aria-describedby=${common.describedBy}
      aria-invalid=${common.invalid}
      .value=${text}
      @input=${onInput}
    ></textarea>`;
  } else {
    // string, number, datetime, date; anything unknown degrades to a text field.
    const type = { number: 'number', datetime: 'datetime-local', date: 'date' }[attr.datatype as 'date'] ?? 'text';
    control = html`<input
      id=${id}
      data-field=${field}
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
