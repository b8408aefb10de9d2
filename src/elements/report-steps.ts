/**
 * The later steps of "Report a problem" — location, details and contact, check and send — with sending and the
 * confirmation. A chunk of its own, loaded when the resident leaves the first step (see ./report-form), so the
 * first screen's bundle stays small. It renders into the form's shadow root and keeps no state of its own: the
 * form holds it all, so going back and forth loses nothing.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { isBackendError } from '../backend/types';
import { DESCRIPTION_MAX, questions, type Step } from '../schema/draft';
import { toNewRequest } from '../schema/new-request';
import { clearDraft } from '../storage/draft-store';
import { backendErrorText } from './error-text';
import { withLater } from '../i18n/later';
import type { ReportForm } from './report-form';

export function renderStep(host: ReportForm, step: Step): TemplateResult {
  return step === 'where' ? renderWhere(host) : step === 'details' ? renderDetails(host) : renderReview(host);
}

// --- Location -------------------------------------------------------------------------------------------------------

function useMyLocation(host: ReportForm): void {
  const m = withLater(host.messages);
  const geo = globalThis.navigator?.geolocation;
  if (!geo) {
    host.geoMessage = m.locationUnavailable;
    return;
  }
  host.geoMessage = m.locating;
  geo.getCurrentPosition(
    (pos) => {
      host.setDraft({ lat: pos.coords.latitude.toFixed(6), long: pos.coords.longitude.toFixed(6) });
      host.geoMessage = m.located(pos.coords.accuracy);
    },
    (err) => {
      host.geoMessage = err.code === err.PERMISSION_DENIED ? m.locationDenied : m.locationUnavailable;
    },
    { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
  );
}

function renderWhere(host: ReportForm): TemplateResult {
  const m = withLater(host.messages);
  return html`
    <p class="hint">${m.locationHint}</p>
    <div class="field">
      <button type="button" class="secondary" @click=${() => useMyLocation(host)}>${m.useMyLocation}</button>
      <p role="status" class="hint">${host.geoMessage ?? ''}</p>
    </div>
    <div class="row">
      ${host.renderTextField('lat', m.latitude, { inputmode: 'decimal' })}
      ${host.renderTextField('long', m.longitude, { inputmode: 'decimal' })}
    </div>
    ${host.renderTextField('address', m.address, { hint: m.addressHint, autocomplete: 'street-address' })}
  `;
}

// --- Details and contact --------------------------------------------------------------------------------------------

function renderDetails(host: ReportForm): TemplateResult {
  const m = withLater(host.messages);
  const left = DESCRIPTION_MAX - host.draft.description.length;
  const description = host.fieldA11y('description', true, 'description-count');
  return html`
    <div class="field">
      <label for="description">${m.description}</label>
      <p class="hint" id="description-hint">${m.descriptionHint}</p>
      ${description.message}
      <textarea
        id="description"
        name="description"
        data-field="description"
        aria-describedby=${description.describedBy}
        aria-invalid=${description.invalid}
        .value=${host.draft.description}
        @input=${host.handleText('description')}
      ></textarea>
      <p class="hint" id="description-count">${m.charactersLeft(left)}</p>
    </div>
    <fieldset>
      <legend>${m.contactHeading}</legend>
      <p class="hint">${m.contactHint}</p>
      ${host.renderTextField('email', m.email, { type: 'email', autocomplete: 'email' })}
      <div class="row">
        ${host.renderTextField('firstName', m.firstName, { autocomplete: 'given-name' })}
        ${host.renderTextField('lastName', m.lastName, { autocomplete: 'family-name' })}
      </div>
      ${host.renderTextField('phone', m.phone, { type: 'tel', autocomplete: 'tel' })}
    </fieldset>
  `;
}

// --- Check and send -------------------------------------------------------------------------------------------------

function renderReview(host: ReportForm): TemplateResult {
  const m = withLater(host.messages);
  const d = host.draft;
  const def = host.currentDefinition();
  const answer = (code: string) => {
    const value = d.answers[code];
    const attr = def?.attributes.find((a) => a.code === code);
    const name = (key: string) => attr?.values.find((v) => v.key === key)?.name ?? key;
    return Array.isArray(value) ? value.map(name).join(', ') : value ? name(value) : '';
  };
  const place = [d.address, d.lat && d.long ? `${d.lat}, ${d.long}` : ''].filter(Boolean).join(' — ');
  const rows: Array<[label: string, value: string, step: Step, what: string]> = [
    [m.category, host.selectedService()?.service_name ?? d.serviceCode, 'what', m.category],
    ...questions(def).map((a): [string, string, Step, string] => [
      a.description ?? a.code,
      answer(a.code),
      'what',
      a.description ?? a.code,
    ]),
    [m.locationHeading, place, 'where', m.locationHeading],
    [m.description, d.description, 'details', m.description],
    [
      m.contactHeading,
      [`${d.firstName} ${d.lastName}`.trim(), d.email, d.phone].filter(Boolean).join(', '),
      'details',
      m.contactHeading,
    ],
  ];
  return html`<p>${m.reviewIntro}</p>
    <dl class="review" part="review">
      ${rows.map(
        ([label, value, step, what]) =>
          html`<div class="review-row">
            <dt>${label}</dt>
            <dd>${value || m.notGiven}</dd>
            <dd>
              <button type="button" class="link" @click=${() => host.goTo(step)}>
                ${m.change}<span class="visually-hidden"> ${what}</span>
              </button>
            </dd>
          </div>`,
      )}
    </dl>`;
}

/** Sends the report. The form has set `submitting` already, so a second press does nothing. */
export async function submit(host: ReportForm): Promise<void> {
  const m = withLater(host.messages);
  const backend = host.backend;
  if (!backend) return;
  host.submitError = undefined;
  try {
    const result = await backend.submit(toNewRequest(host.draft, host.currentDefinition()), host.abort.signal);
    host.result = result;
    clearDraft(host.storageKey);
    host.dispatchEvent(
      new CustomEvent('cp-request-submitted', {
        bubbles: true,
        composed: true,
        detail: { ...result, serviceCode: host.draft.serviceCode },
      }),
    );
    host.focusSoon('#confirmation-title');
    if (result.token && !result.serviceRequestId) void awaitReference(host, result.token);
  } catch (err) {
    const server = isBackendError(err) && err.details.serverMessage;
    host.submitError = [m.submitFailed, backendErrorText(m, err), server ? m.serverSaid(server) : '', m.typedKept]
      .filter(Boolean)
      .join(' ');
  }
}

/**
 * Batch servers answer with a token; the real reference number comes later. The token is shown meanwhile, and
 * replaced (announced by the status region) when the id arrives.
 */
async function awaitReference(host: ReportForm, token: string): Promise<void> {
  try {
    const id = await host.backend?.resolveToken?.(token, host.abort.signal);
    if (!id || host.result?.token !== token) return;
    host.result = { ...host.result, serviceRequestId: id };
    host.dispatchEvent(
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

// --- Confirmation ---------------------------------------------------------------------------------------------------

function reportAnother(host: ReportForm): void {
  // A new report keeps who the resident is: they often report several things in one go.
  const { email, firstName, lastName, phone } = host.draft;
  host.result = undefined;
  host.attempted = new Set();
  host.touched = new Set();
  host.definition = { state: 'ready', value: undefined };
  host.draft = {
    ...host.draft,
    step: 'what',
    serviceCode: '',
    answers: {},
    lat: '',
    long: '',
    address: '',
    description: '',
  };
  host.setDraft({ email, firstName, lastName, phone });
  host.focusSoon('#step-title');
}

export function renderConfirmation(host: ReportForm): TemplateResult {
  const m = withLater(host.messages);
  const result = host.result!;
  const reference = result.serviceRequestId ?? result.token;
  const checkThis = () => host.dispatchEvent(new CustomEvent('cp-check-status', { detail: { id: reference } }));
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
      ${reference ? html`<button type="button" @click=${checkThis}>${m.checkThisRequest}</button>` : nothing}
      <button type="button" class="secondary" @click=${() => reportAnother(host)}>${m.reportAnother}</button>
    </div>
  </div>`;
}
