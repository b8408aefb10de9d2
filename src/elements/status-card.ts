/**
 * The status card of the tracker: the status in plain words, what the city said, and a timeline with dates in the
 * resident's locale and relative times. Render functions only; part of the status chunk.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ServiceRequest } from '../backend/types';
import type { LaterMessages, Messages } from '../i18n/messages';

type M = Messages & LaterMessages;

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 days ago", "in 2 hours", "now", in the resident's language. */
export function relativeTime(date: Date, locale: string, now = Date.now()): string {
  const seconds = (date.getTime() - now) / 1000;
  let rtf: Intl.RelativeTimeFormat;
  try {
    rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  } catch {
    rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  }
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  }
  return rtf.format(0, 'minute');
}

/** A date in the resident's locale and time zone. */
export function formatDate(date: Date, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  } catch {
    return date.toLocaleString();
  }
}

const toDate = (v: unknown): Date | undefined => {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d;
};

const textOf = (v: unknown): string | undefined =>
  (typeof v === 'string' || typeof v === 'number') && String(v).trim() ? String(v).trim() : undefined;

interface Entry {
  label: string;
  date: Date;
  text?: string | undefined;
  overdue?: boolean;
}

/** `notes[]` of servers with extensions=true: {datetime, summary} (and the like). Anything else is skipped. */
export function extensionNotes(r: ServiceRequest): Array<{ date: Date; text: string }> {
  const notes = (r as Record<string, unknown>).notes;
  if (!Array.isArray(notes)) return [];
  const out: Array<{ date: Date; text: string }> = [];
  for (const n of notes) {
    if (!n || typeof n !== 'object') continue;
    const o = n as Record<string, unknown>;
    const date = toDate(o.datetime ?? o.date ?? o.updated_datetime ?? o.created);
    const text = textOf(o.summary ?? o.text ?? o.description ?? o.note ?? o.title);
    if (date && text) out.push({ date, text });
  }
  return out;
}

/** Open (or in progress) and past its expected date. */
export const isOverdue = (r: ServiceRequest, now = Date.now()): boolean => {
  const expected = toDate(r.expected_datetime);
  return !!expected && r.statusFamily !== 'closed' && expected.getTime() < now;
};

/** A status word compared loosely: "In_Progress", "in-progress" and "in progress" are one word. */
const plain = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

/** GeoReport v2's own words for each family (in_progress is the common extension): they add nothing to it. */
const STANDARD: Record<ServiceRequest['statusFamily'], string> = {
  open: 'open',
  'in-progress': 'in progress',
  closed: 'closed',
};

/**
 * The family in plain words, with the server's own word only when it says more ("Closed (duplicate)"): never the
 * standard English word after its translation ("مفتوح (open)", issue #13).
 */
export function statusText(m: M, r: ServiceRequest): string {
  const family = m.statusFamily[r.statusFamily];
  const raw = plain(r.status);
  return !raw || raw === plain(family) || raw === STANDARD[r.statusFamily] ? family : `${family} (${r.status.trim()})`;
}

function timeline(m: M, r: ServiceRequest): Entry[] {
  const entries: Entry[] = [];
  const requested = toDate(r.requested_datetime);
  if (requested) entries.push({ label: m.requested, date: requested });
  for (const n of extensionNotes(r)) entries.push({ label: m.notes, date: n.date, text: n.text });
  const updated = toDate(r.updated_datetime);
  if (updated) entries.push({ label: m.updated, date: updated });
  entries.sort((a, b) => a.date.getTime() - b.date.getTime());
  // A closed request expects nothing any more (servers leave expected_datetime in place: issue #13).
  const expected = r.statusFamily === 'closed' ? undefined : toDate(r.expected_datetime);
  if (expected) entries.push({ label: m.expected, date: expected, overdue: isOverdue(r) });
  return entries;
}

/** A place without an address, as coordinates a resident can paste into a map. */
export const coordinates = (lat: number, long: number): string => `${lat.toFixed(5)}, ${long.toFixed(5)}`;

export interface CardOptions {
  locale: string;
  /** Shown when a refresh failed: the card is the last known status. */
  staleSince?: Date | undefined;
  link: string;
  onCopy: () => void;
  /** Room for a small map of the place (a picture, drawn by the status view). */
  withMap?: boolean;
  /**
   * The language of the city's words where it is not the resident's (see report/translate's cityLang): `name` for
   * the category's name (which the city may have translated), `server` for the server's own notes.
   */
  langs?: { name?: string | undefined; server?: string | undefined };
}

export function renderCard(m: M, r: ServiceRequest, o: CardOptions): TemplateResult {
  const rows: Array<[string, string | undefined, string?]> = [
    [m.status, statusText(m, r)],
    [m.notes, r.status_notes, o.langs?.server],
    [m.service, r.service_name, o.langs?.name],
    // The place in words even when the map cannot be drawn: the address, else the coordinates.
    [m.place, r.address ?? (r.lat !== undefined && r.long !== undefined ? coordinates(r.lat, r.long) : undefined)],
    [m.agency, r.agency_responsible, o.langs?.server],
  ];
  const entries = timeline(m, r);
  // The card is inside the tracker's status region, but not read out as one block when it arrives or changes
  // (issue #13): aria-live=off. What changed is said by the view's own announcements ("Request 101: Open.").
  return html`<article class="panel card" part="status-card" aria-labelledby="request-title" aria-live="off">
    <h2 id="request-title" tabindex="-1">${m.requestTitle(r.service_request_id)}</h2>
    ${o.staleSince ? html`<p class="stale">${m.lastKnown(formatDate(o.staleSince, o.locale))}</p>` : nothing}
    <dl>
      ${rows.map(([label, value, lang]) =>
        value
          ? html`<dt>${label}</dt>
              <dd lang=${lang ?? nothing}>${value}</dd>`
          : nothing,
      )}
    </dl>
    ${o.withMap ? html`<div id="card-map" class="card-map"></div>` : nothing}
    ${
      r.media_url
        ? html`<img class="photo" src=${r.media_url} alt=${m.requestPhoto(r.service_name ?? r.service_request_id)} />`
        : nothing
    }
    ${
      entries.length
        ? html`<h3>${m.timeline}</h3>
            <ol class="timeline">
              ${entries.map(
                (e) =>
                  html`<li>
                    <strong>${e.label}</strong>:
                    <time datetime=${e.date.toISOString()}>${formatDate(e.date, o.locale)}</time>
                    (${relativeTime(e.date, o.locale)})${
                      e.overdue ? html` <span class="overdue">${m.overdue}</span>` : nothing
                    }${e.text ? html`<br />${e.text}` : nothing}
                  </li>`,
              )}
            </ol>`
        : nothing
    }
    <div class="field link">
      <label for="deep-link">${m.linkToRequest}</label>
      <input id="deep-link" readonly .value=${o.link} />
      <button type="button" class="secondary" @click=${o.onCopy}>${m.copyLink}</button>
    </div>
  </article>`;
}
