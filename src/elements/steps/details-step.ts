/**
 * Step 3, "Details and contact": the category's questions first, then the description, photos and contact details
 * (with "report anonymously" where the city allows it, and "remember me" on this device).
 *
 * @csspart photos - the photos fieldset
 * @csspart contact - the contact details fieldset
 */
import { html, nothing, type TemplateResult } from 'lit';
import { DESCRIPTION_MAX } from '../../schema/location-and-details';
import { PhotoUploads } from './photos';
import { renderQuestions } from './questions';
import { StepElement } from './step-element';

export class DetailsStep extends StepElement {
  private readonly photos = new PhotoUploads(this);

  /** A checkbox bound to one of the draft's yes/no fields. */
  private checkbox(field: 'anonymous' | 'remember', label: string): TemplateResult {
    return html`<div class="choice field">
      <input
        type="checkbox"
        id=${field}
        .checked=${this.draft[field]}
        @change=${(e: Event) => this.flow.set({ [field]: (e.target as HTMLInputElement).checked })}
      />
      <label for=${field}>${label}</label>
    </div>`;
  }

  /**
   * A contact field. Its label stays the plain word ("Email": what screen-reader users look for); whether it is
   * required is said by the section's hint and by aria-required.
   */
  private contactField(
    field: 'email' | 'firstName' | 'lastName' | 'phone',
    label: string,
    opts: { type?: string; autocomplete: string },
  ): TemplateResult {
    const required = this.settings.requiredContact.includes(field);
    return this.textField(field, label, { ...opts, required, ...(required && { hint: this.words.required }) });
  }

  protected override renderStep(): TemplateResult {
    const m = this.words;
    const left = DESCRIPTION_MAX - this.draft.description.length;
    const description = this.fieldA11y('description', true, 'description-count');
    return html`
      ${renderQuestions(this)}
      <div class="field">
        <label for="description">${m.description}</label>
        <p class="hint" id="description-hint">${m.descriptionHint}</p>
        ${description.message}
        <textarea
          id="description"
          dir="auto"
          name="description"
          data-field="description"
          aria-describedby=${description.describedBy}
          aria-invalid=${description.invalid}
          .value=${this.draft.description}
          @input=${this.onText('description')}
        ></textarea>
        <p class="hint" id="description-count">${m.charactersLeft(left)}</p>
      </div>
      ${this.photos.render()}
      <fieldset part="contact">
        <legend>${m.contactHeading}</legend>
        <p class="hint">
          ${this.settings.requiredContact.length ? m.contactRequired : m.contactOptional} ${m.contactHint}
        </p>
        ${this.settings.allowAnonymous ? this.checkbox('anonymous', m.anonymous) : nothing}
        <div ?hidden=${this.draft.anonymous}>
          ${this.contactField('email', m.email, { type: 'email', autocomplete: 'email' })}
          <div class="row">
            ${this.contactField('firstName', m.firstName, { autocomplete: 'given-name' })}
            ${this.contactField('lastName', m.lastName, { autocomplete: 'family-name' })}
          </div>
          ${this.contactField('phone', m.phone, { type: 'tel', autocomplete: 'tel' })}
          ${this.checkbox('remember', m.remember)}
        </div>
      </fieldset>
    `;
  }
}
