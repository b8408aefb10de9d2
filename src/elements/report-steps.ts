/**
 * The later steps of "Report a problem" — location, details and contact, check and send — with sending and the
 * confirmation. A chunk of its own, loaded when the resident leaves the first step (see ./report-form), so the
 * first screen's bundle stays small. It renders into the form's shadow root and keeps no state of its own: the
 * form holds it all, so going back and forth loses nothing.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { isBackendError } from '../backend/types';
import { questions, type FieldError, type Step } from '../schema/draft';
import { DESCRIPTION_MAX } from '../schema/validate-rest';
import { validateRest as validateLater } from '../schema/validate-rest';
import { renderQuestions } from './questions';
export { prepare } from './questions';
import { toNewRequest } from '../schema/new-request';
import { clearDraft } from '../storage/draft-store';
import { contactKeyFor, forgetContact, loadContact, saveContact } from '../storage/contact-store';
import { myRequestsKeyFor, rememberRequest } from '../storage/my-requests';
import { dropPhoto, keepPhoto, photoBlob } from '../storage/photo-store';
import { deepLink } from '../schema/reference';
import { backendErrorText } from './error-text';
import { withLater } from '../i18n/later';
import { renderMap, showAccuracy, unmountMap } from './location-map';
import { nearby, renderNearby, trackInstead } from './nearby';
import { renderAddress } from './address-search';
import type { ReportForm } from './report-form';
import { portalAttribute } from './portal-attribute';
import { onText, textField } from './text-field';
import { laterBaseStyles } from './later-styles';

/** Styles only the later steps use: they come with this chunk, adopted into the form's shadow root. */
const laterStyles = css`
  label.button {
    display: inline-flex;
    align-items: center;
    min-height: 2.75rem;
    padding: 0.5rem 1.1rem;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    color: var(--_accent);
    font-weight: 600;
    cursor: pointer;
  }
  label.button:focus-within {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  .thumbs {
    list-style: none;
    padding: 0;
    margin: 0 0 0.5rem;
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
  .thumbs li {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    max-width: 10rem;
  }
  .thumbs img {
    width: 6rem;
    height: 6rem;
    object-fit: cover;
    border-radius: var(--_radius);
  }
  button.link {
    background: none;
    border: 0;
    padding: 0.25rem 0;
    min-height: 1.5rem;
    color: var(--_accent);
    text-decoration: underline;
    font-weight: 400;
  }
  /* One row per answer: the question, the answer under it, "Change" beside them; fits a 320 px phone. */
  dl.review {
    display: block;
    margin: 0 0 var(--_gap);
    border-top: 1px solid var(--_border);
  }
  .review-row {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.25rem 1rem;
    padding: 0.5rem 0;
    border-bottom: 1px solid var(--_border);
  }
  .places {
    list-style: none;
    margin: 0.25rem 0 0;
    padding: 0.25rem 0;
    max-width: 36rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .places li {
    padding: 0.5rem 0.75rem;
    cursor: pointer;
  }
  .places li[data-active] {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .nearby {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .nearby li {
    padding: 0.5rem 0;
    border-top: 1px solid var(--_border);
  }
  .map-frame {
    position: relative;
    max-width: 48rem;
    margin-bottom: 0.5rem;
  }
  .crosshair {
    position: absolute;
    inset-block-start: 50%;
    inset-inline-start: 50%;
    width: 2rem;
    height: 2rem;
    margin: -1rem;
    pointer-events: none;
    background:
      linear-gradient(#111, #111) center / 2px 100% no-repeat,
      linear-gradient(#111, #111) center / 100% 2px no-repeat;
    filter: drop-shadow(0 0 1px #fff) drop-shadow(0 0 1px #fff);
  }
  .map {
    height: clamp(16rem, 50vh, 26rem);
    max-width: 48rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .review-row > dd:last-child {
    grid-column: 2;
    grid-row: 1 / span 2;
  }
`;

function adoptStyles(host: ReportForm): void {
  const root = host.shadowRoot!;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, laterBaseStyles.styleSheet!, laterStyles.styleSheet!];
}

const contactKey = (host: ReportForm) => contactKeyFor(host.storageKey);
const myRequestsKey = (host: ReportForm) => myRequestsKeyFor(host.storageKey);

/**
 * When this chunk arrives for a form: its styles join the form's shadow root, and a resident who asked to be
 * remembered finds their details filled in.
 */
export function loaded(host: ReportForm): void {
  adoptStyles(host);
  const d = host.draft;
  const saved = loadContact(contactKey(host));
  if (saved && !d.email && !d.firstName && !d.lastName && !d.phone) host.setDraft({ ...saved, remember: true });
}

/** The later steps' problems (see ReportForm.errors). */
export const validateRest = (host: ReportForm) =>
  validateLater(host.draft, host.requiredContact, host.currentDefinition());

export const errorText = (host: ReportForm, e: FieldError) => withLater(host.messages).laterFieldError(e);

export function renderStep(host: ReportForm, step: Step): TemplateResult {
  if (step !== 'where') unmountMap(host);
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
      showAccuracy(host, [pos.coords.longitude, pos.coords.latitude], pos.coords.accuracy);
    },
    (err) => {
      host.geoMessage =
        err.code === err.PERMISSION_DENIED
          ? m.locationDenied
          : err.code === err.TIMEOUT
            ? m.locationTimeout
            : m.locationUnavailable;
    },
    { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
  );
}

function renderWhere(host: ReportForm): TemplateResult {
  const m = withLater(host.messages);
  const close = nearby(host);
  return html`
    <p class="hint">${m.locationHint}</p>
    ${renderMap(host, close)}
    <div class="field">
      <button type="button" class="secondary" @click=${() => useMyLocation(host)}>${m.useMyLocation}</button>
      <p role="status" class="hint">${host.geoMessage ?? ''}</p>
    </div>
    <div class="row">
      ${textField(host, 'lat', m.latitude, { inputmode: 'decimal' })}
      ${textField(host, 'long', m.longitude, { inputmode: 'decimal' })}
    </div>
    ${renderAddress(host)} ${renderNearby(host, close)}
  `;
}

// --- Details and contact --------------------------------------------------------------------------------------------

/** A checkbox bound to one of the draft's yes/no fields. */
const checkbox = (host: ReportForm, field: 'anonymous' | 'remember', label: string) =>
  html`<div class="choice field">
    <input
      type="checkbox"
      id=${field}
      .checked=${host.draft[field]}
      @change=${(e: Event) => host.setDraft({ [field]: (e.target as HTMLInputElement).checked })}
    />
    <label for=${field}>${label}</label>
  </div>`;

function renderDetails(host: ReportForm): TemplateResult {
  const m = withLater(host.messages);
  const left = DESCRIPTION_MAX - host.draft.description.length;
  const description = host.fieldA11y('description', true, 'description-count');
  return html`
    ${renderQuestions(host)}
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
        @input=${onText(host, 'description')}
      ></textarea>
      <p class="hint" id="description-count">${m.charactersLeft(left)}</p>
    </div>
    ${renderPhotos(host)}
    <fieldset part="contact">
      <legend>${m.contactHeading}</legend>
      <p class="hint">${host.requiredContact.length ? m.contactRequired : m.contactOptional} ${m.contactHint}</p>
      ${host.allowAnonymous ? checkbox(host, 'anonymous', m.anonymous) : nothing}
      <div ?hidden=${host.draft.anonymous}>
        ${contactField(host, 'email', m.email, { type: 'email', autocomplete: 'email' })}
        <div class="row">
          ${contactField(host, 'firstName', m.firstName, { autocomplete: 'given-name' })}
          ${contactField(host, 'lastName', m.lastName, { autocomplete: 'family-name' })}
        </div>
        ${contactField(host, 'phone', m.phone, { type: 'tel', autocomplete: 'tel' })}
        ${checkbox(host, 'remember', m.remember)}
      </div>
    </fieldset>
  `;
}

/**
 * A contact field. Its label stays the plain word ("Email": what screen-reader users and our tests look for);
 * whether it is required is said by the section's hint and by aria-required.
 */
function contactField(
  host: ReportForm,
  field: 'email' | 'firstName' | 'lastName' | 'phone',
  label: string,
  opts: { type?: string; autocomplete: string },
): TemplateResult {
  const required = host.requiredContact.includes(field);
  return textField(host, field, label, {
    ...opts,
    required,
    ...(required && { hint: withLater(host.messages).required }),
  });
}

// --- Photos ---------------------------------------------------------------------------------------------------------

let uploadKey = 0;

/** Prepares (smaller, no EXIF, GPS read first) and uploads each chosen photo; shows progress and problems. */
async function addPhotos(host: ReportForm, input: HTMLInputElement): Promise<void> {
  const m = withLater(host.messages);
  const files = [...(input.files ?? [])];
  input.value = ''; // the same photo can be chosen again after a removal
  const room = host.maxPhotos - host.draft.photos.length - host.uploads.length;
  host.photoProblem = files.length > room ? m.photoLimit(host.maxPhotos) : undefined;
  await Promise.all(files.slice(0, Math.max(0, room)).map((file) => addPhoto(host, file)));
}

async function addPhoto(host: ReportForm, file: File): Promise<void> {
  const m = withLater(host.messages);
  const key = ++uploadKey;
  const update = (patch: Partial<(typeof host.uploads)[number]> | undefined) => {
    host.uploads = patch
      ? host.uploads.map((u) => (u.key === key ? { ...u, ...patch } : u))
      : host.uploads.filter((u) => u.key !== key);
  };
  host.uploads = [...host.uploads, { key, name: file.name, progress: 0 }];
  try {
    const { preparePhoto, thumbnail, isPhotoError } = await import('../photo');
    let photo;
    try {
      photo = await preparePhoto(file);
    } catch (e) {
      update(undefined);
      host.photoProblem = isPhotoError(e)
        ? m.photoRefused(file.name, e.problem)
        : m.photoRefused(file.name, 'unreadable');
      return;
    }
    const thumb = await thumbnail(photo);
    // Uploaded now where the city has a store for photos; otherwise kept on the device until the report goes.
    let where: { url: string } | { local: string };
    if (host.backend!.uploadMedia) {
      const url = await host.backend!.uploadMedia(photo.blob, photo.name, {
        signal: host.abort.signal,
        onProgress: (progress) => update({ progress }),
      });
      where = { url };
    } else {
      const local = `${host.storageKey}:photo:${key}:${Date.now()}`;
      await keepPhoto(local, photo.blob);
      where = { local };
    }
    update(undefined);
    host.setDraft({
      photos: [
        ...host.draft.photos,
        { ...where, thumb, name: file.name, ...(photo.gps && { lat: photo.gps.lat, long: photo.gps.long }) },
      ],
    });
  } catch (e) {
    update({ error: backendErrorText(m, e) });
  }
}

function renderPhotos(host: ReportForm): TemplateResult | typeof nothing {
  const m = withLater(host.messages);
  if (!(host.backend?.uploadMedia || host.backend?.acceptsMedia) || host.maxPhotos < 1) return nothing;
  const full = host.draft.photos.length + host.uploads.length >= host.maxPhotos;
  const pick = (e: Event) => void addPhotos(host, e.target as HTMLInputElement);
  const useLocation = (lat: number, long: number) => {
    host.setDraft({ lat: lat.toFixed(6), long: long.toFixed(6) });
    host.geoMessage = m.photoLocationUsed;
  };
  const hasPin = !!(host.draft.lat && host.draft.long);
  return html`<fieldset class="field photos" part="photos">
    <legend>${m.photos} ${m.optional}</legend>
    <p class="hint" id="photos-hint">${m.photosHint(host.maxPhotos)}</p>
    ${host.photoProblem ? html`<p class="error-message" role="alert">${host.photoProblem}</p>` : nothing}
    <ul class="thumbs">
      ${host.draft.photos.map(
        (p, i) =>
          html`<li>
            <img src=${p.thumb} alt=${m.photoAlt(i + 1, p.name)} width="96" height="96" />
            <button
              type="button"
              class="link"
              @click=${() => {
                host.setDraft({ photos: host.draft.photos.filter((x) => x !== p) });
                if (p.local) void dropPhoto(p.local);
              }}
            >
              ${m.removePhoto(i + 1)}
            </button>
            ${
              p.lat !== undefined && p.long !== undefined && !hasPin
                ? html`<button type="button" class="link" @click=${() => useLocation(p.lat!, p.long!)}>
                    ${m.usePhotoLocation}
                  </button>`
                : nothing
            }
          </li>`,
      )}
      ${host.uploads.map(
        (u) =>
          html`<li>
            <label>
              ${u.error ? u.name : m.uploading(u.name)}
              <progress max="1" .value=${u.progress}></progress>
            </label>
            ${
              u.error
                ? html`<p class="error-message" role="alert">${m.uploadFailed(u.name)} ${u.error}</p>
                    <button
                      type="button"
                      class="link"
                      @click=${() => (host.uploads = host.uploads.filter((x) => x.key !== u.key))}
                    >
                      ${m.dismiss}
                    </button>`
                : nothing
            }
          </li>`,
      )}
    </ul>
    <div class="row" ?hidden=${full}>
      <label class="button secondary">
        ${m.takePhoto}
        <input
          class="visually-hidden"
          type="file"
          accept="image/*"
          capture="environment"
          aria-describedby="photos-hint"
          @change=${pick}
        />
      </label>
      <label class="button secondary">
        ${m.choosePhotos}
        <input
          class="visually-hidden"
          type="file"
          accept="image/*"
          multiple
          aria-describedby="photos-hint"
          @change=${pick}
        />
      </label>
    </div>
  </fieldset>`;
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
      'details',
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
    const request = toNewRequest(host.draft, host.currentDefinition());
    // Photos kept on the device go with the report itself, as files.
    const kept = host.draft.photos.filter((p) => p.local);
    const media = (
      await Promise.all(kept.map(async (p) => ({ blob: await photoBlob(p.local!), name: p.name })))
    ).flatMap((m) => (m.blob ? [{ blob: m.blob, name: m.name }] : []));
    if (media.length) request.media = media;
    const result = await backend.submit(request, host.abort.signal);
    host.result = result;
    clearDraft(host.storageKey);
    for (const p of kept) void dropPhoto(p.local!);
    const d = host.draft;
    if (d.remember && !d.anonymous) saveContact(contactKey(host), d);
    else if (!d.remember) forgetContact(contactKey(host));
    const id = result.serviceRequestId ?? result.token;
    if (id) {
      rememberRequest(myRequestsKey(host), {
        id,
        ...(result.token && { token: result.token }),
        ...(host.selectedService() && { serviceName: host.selectedService()!.service_name }),
        ...(d.address && { address: d.address }),
      });
    }
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
    rememberRequest(myRequestsKey(host), { id, token });
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

async function copyReference(host: ReportForm, reference: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(reference);
    host.copied = true;
  } catch {
    host.copied = false; // no clipboard (permissions, old browser): the number is on screen to copy by hand
  }
}

function reportAnother(host: ReportForm): void {
  // A new report keeps who the resident is: they often report several things in one go.
  const { email, firstName, lastName, phone, remember, anonymous } = host.draft;
  host.result = undefined;
  host.copied = false;
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
  host.setDraft({ email, firstName, lastName, phone, remember, anonymous, photos: [] });
  host.focusSoon('#step-title');
}

export function renderConfirmation(host: ReportForm): TemplateResult {
  const m = withLater(host.messages);
  const result = host.result!;
  const reference = result.serviceRequestId ?? result.token;
  const checkThis = () => host.dispatchEvent(new CustomEvent('cp-check-status', { detail: { id: reference } }));
  // view="report": a form alone, with no tracker to go to.
  const tracker = portalAttribute(host, 'view') !== 'report';
  return html`<div class="panel success" part="confirmation">
    <h2 id="confirmation-title" tabindex="-1">${m.submittedTitle}</h2>
    ${
      reference
        ? html`<p>${result.serviceRequestId ? m.referenceIs : m.provisionalReference}</p>
            <p class="reference">${reference}</p>
            <p>
              <button type="button" class="link" @click=${() => copyReference(host, reference)}>
                ${m.copyReference}
              </button>
              <span role="status">${host.copied ? m.copied : ''}</span>
            </p>
            <p>${result.serviceRequestId ? m.submittedKeep : m.provisionalExplained}</p>
            ${
              tracker
                ? html`<div class="field">
                    <label for="report-link">${m.linkToRequest}</label>
                    <input id="report-link" readonly .value=${deepLink(reference)} />
                    <button type="button" class="link" @click=${() => copyReference(host, deepLink(reference))}>
                      ${m.copyLink}
                    </button>
                  </div>`
                : nothing
            }`
        : nothing
    }
    ${result.notice ? html`<p>${result.notice}</p>` : nothing}
    <div class="row">
      ${reference && tracker ? html`<button type="button" @click=${checkThis}>${m.checkThisRequest}</button>` : nothing}
      <button type="button" class="secondary" @click=${() => reportAnother(host)}>${m.reportAnother}</button>
    </div>
  </div>`;
}
