/**
 * The photos of "Details and contact": each chosen photo is prepared (smaller, no EXIF, GPS read first), then
 * uploaded where the city stores photos, or kept on the device until the report goes. The controller holds what is
 * on its way (progress, problems); a finished photo is in the draft. An upload under way outlives the step's
 * element (the resident may go on meanwhile): it belongs to the report, and stops only with it.
 *
 * @csspart photos - the photos fieldset
 */
import { html, nothing, type TemplateResult } from 'lit';
import { dropPhoto, keepPhoto } from '../../storage/photo-store';
import { backendErrorText } from '../error-text';
import type { StepElement } from './step-element';

interface Upload {
  key: number;
  name: string;
  progress: number;
  error?: string;
}

let uploadKey = 0;

export class PhotoUploads {
  private uploads: readonly Upload[] = [];
  /** Why the last photo was refused, in plain words. */
  private problem: string | undefined;
  /**
   * The step's status region: "Uploading photo 1…", then "Photo 1 added." (issue #16: an upload used to be
   * silent), or that a photo's place became the report's. A refusal is an alert of its own.
   */
  private notice: string | undefined;

  /**
   * `placed`: a photo's place is offered to the host when the report has none yet (the location step, for a
   * resident who started with a photo; issue #13 §7); without it the resident is offered "Use the photo's location".
   */
  constructor(
    private readonly host: StepElement,
    private readonly placed?: (gps: { lat: number; long: number } | undefined) => void,
  ) {}

  /** Something to show beyond the report's photos: one on its way, a failed upload, or why one was refused. */
  get showing(): boolean {
    return this.uploads.length > 0 || !!this.problem;
  }

  private update(key: number, patch: Partial<Upload> | undefined): void {
    this.uploads = patch
      ? this.uploads.map((u) => (u.key === key ? { ...u, ...patch } : u))
      : this.uploads.filter((u) => u.key !== key);
    this.host.requestUpdate();
  }

  private async addPhotos(input: HTMLInputElement): Promise<void> {
    const files = [...(input.files ?? [])];
    input.value = ''; // the same photo can be chosen again after a removal
    await this.addFiles(files);
  }

  /** Adds photos to the report, as many as it still has room for. */
  async addFiles(files: File[]): Promise<void> {
    const max = this.host.settings.maxPhotos;
    const room = max - this.host.flow.draft.photos.length - this.uploads.length;
    const m = this.host.words;
    this.problem = files.length > room ? m.photoLimit(max) : undefined;
    const chosen = files.slice(0, Math.max(0, room));
    // One sentence for what was chosen (a batch is not counted out photo by photo).
    const first = max - room + 1;
    if (chosen.length)
      this.notice = chosen.length === 1 ? m.photoUploading(first) : m.photosUploading(first, first + chosen.length - 1);
    this.host.requestUpdate();
    await Promise.all(chosen.map((file) => this.addPhoto(file)));
  }

  private async addPhoto(file: File): Promise<void> {
    const { flow, words: m } = this.host;
    const key = ++uploadKey;
    this.uploads = [...this.uploads, { key, name: file.name, progress: 0 }];
    this.host.requestUpdate();
    try {
      const { preparePhoto, thumbnail, isPhotoError } = await import('../../photo');
      let photo;
      try {
        photo = await preparePhoto(file);
      } catch (e) {
        this.problem = m.photoRefused(file.name, isPhotoError(e) ? e.problem : 'unreadable');
        this.notice = undefined; // the refusal is said by its alert
        this.update(key, undefined);
        return;
      }
      const thumb = await thumbnail(photo);
      // Uploaded now where the city has a store for photos; otherwise kept on the device until the report goes.
      let where: { url: string } | { local: string };
      const backend = flow.backend!;
      if (backend.uploadMedia) {
        const url = await backend.uploadMedia(photo.blob, photo.name, {
          signal: flow.abort.signal,
          onProgress: (progress) => this.update(key, { progress }),
        });
        where = { url };
      } else {
        const local = `${flow.storageKey}:photo:${key}:${Date.now()}`;
        await keepPhoto(local, photo.blob);
        where = { local };
      }
      this.update(key, undefined);
      flow.set({
        photos: [
          ...flow.draft.photos,
          { ...where, thumb, name: file.name, ...(photo.gps && { lat: photo.gps.lat, long: photo.gps.long }) },
        ],
      });
      // Its number in the list, as its thumbnail's "Remove photo N" says it.
      this.notice = m.photoAdded(flow.draft.photos.length);
      this.host.requestUpdate();
      if (!(flow.draft.lat && flow.draft.long)) this.placed?.(photo.gps);
    } catch (e) {
      this.notice = undefined; // the failure is said by its alert
      this.update(key, { error: backendErrorText(m, e) });
    }
  }

  render(): TemplateResult | typeof nothing {
    const { flow, words: m, settings } = this.host;
    const max = settings.maxPhotos;
    if (!(flow.backend?.uploadMedia || flow.backend?.acceptsMedia) || max < 1) return nothing;
    const d = flow.draft;
    const full = d.photos.length + this.uploads.length >= max;
    const pick = (e: Event) => void this.addPhotos(e.target as HTMLInputElement);
    const useLocation = (lat: number, long: number) => {
      flow.set({ lat: lat.toFixed(6), long: long.toFixed(6) });
      this.notice = m.photoLocationUsed;
    };
    const hasPin = !!(d.lat && d.long);
    return html`<fieldset class="field photos" part="photos">
      <legend>${m.photos} ${m.optional}</legend>
      <p class="hint" id="photos-hint">${m.photosHint(max)}</p>
      ${this.problem ? html`<p class="error-message" role="alert">${this.problem}</p>` : nothing}
      <p class="hint" role="status">${this.notice ?? ''}</p>
      <ul class="thumbs">
        ${d.photos.map(
          (p, i) =>
            html`<li>
              <img src=${p.thumb} alt=${m.photoAlt(i + 1, p.name)} width="96" height="96" />
              <button
                type="button"
                class="link"
                @click=${() => {
                  flow.set({ photos: flow.draft.photos.filter((x) => x !== p) });
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
        ${this.uploads.map(
          (u) =>
            html`<li>
              <label>
                ${u.error ? u.name : m.uploading(u.name)}
                <progress max="1" .value=${u.progress}></progress>
              </label>
              ${
                u.error
                  ? html`<p class="error-message" role="alert">${m.uploadFailed(u.name)} ${u.error}</p>
                      <button type="button" class="link" @click=${() => this.update(u.key, undefined)}>
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
}
