/**
 * "My requests" in the tracker: the requests kept on this device, read from storage and kept in sync with it (this
 * tab's changes and other tabs'), refreshed each time the tracker comes into view (provisional tokens asked once
 * whether their number has come), and rendered as a list with an Updated badge. The controller owns its storage
 * subscription, its IntersectionObserver and its calls, and stops them all when the tracker leaves the page.
 * Part of the status chunk.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Backend, ServiceRequest } from '../backend/types';
import type { Messages } from '../i18n';
import { allWords } from '../i18n/all-words';
import {
  forgetAll,
  forgetRequest,
  hasUpdate,
  listMyRequests,
  myRequestsKeyFor,
  onMyRequestsChange,
  rememberRequest,
  type SavedRequest,
  recordOf,
} from '../storage/my-requests';
import { statusText } from './status-card';

/** What the list needs of the element that shows it (the tracker). */
export interface MyRequestsHost extends ReactiveControllerHost, Element {
  readonly backend: Backend | undefined;
  readonly messages: Messages;
  /** The shell's draft key (`citizen-portal:draft:<endpoint>`): My requests live beside it. */
  readonly storageKey: string | undefined;
}

export interface MyRequestsOptions {
  /** Opens a kept request in the tracker. */
  open(id: string): void;
  /** A category's name in the resident's language, where the city translated it. */
  named(name: string | undefined): string | undefined;
}

export class MyRequestsController implements ReactiveController {
  private saved: SavedRequest[] = [];
  /** The latest known state of each kept request, by id. */
  private latest = new Map<string, ServiceRequest>();
  private abort = new AbortController();
  private unsubscribe: (() => void) | undefined;
  /** My requests are refreshed each time the tracker comes into view (a tab opened, a page scrolled). */
  private observer: IntersectionObserver | undefined;
  private listedKey = '';
  private listing = false;
  private listedAt = 0;

  constructor(
    private readonly host: MyRequestsHost,
    private readonly options: MyRequestsOptions,
  ) {
    host.addController(this);
  }

  private get key(): string {
    return myRequestsKeyFor(this.host.storageKey ?? 'citizen-portal:draft:custom');
  }

  hostConnected(): void {
    this.abort = new AbortController();
    this.observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) void this.refresh();
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.abort.abort();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.observer?.disconnect();
    this.listedKey = '';
  }

  hostUpdate(): void {
    // Read and refreshed once the backend and key are known (on open), then kept in sync.
    if (!this.host.backend || !this.host.isConnected) return;
    const key = this.key;
    if (key === this.listedKey) return;
    this.listedKey = key;
    this.unsubscribe?.();
    this.unsubscribe = onMyRequestsChange(key, (list) => {
      this.saved = list;
      this.host.requestUpdate();
    });
    this.saved = listMyRequests(key);
  }

  /** A request shown in the tracker, in one write: kept, and what the resident has now seen (its Updated badge goes). */
  keep(r: ServiceRequest, token?: string): void {
    rememberRequest(this.key, recordOf(r, { seen: true, token }));
    this.latest = new Map(this.latest).set(r.service_request_id, r);
    this.host.requestUpdate();
  }

  /**
   * Reports filed with a batch server are saved under their provisional token: ask once, briefly, whether their
   * number has come; a number found replaces the token in My requests (and the list refresh then includes it).
   */
  private async resolveTokens(): Promise<void> {
    const backend = this.host.backend;
    if (!backend?.resolveToken) return;
    for (const s of this.saved.filter((x) => x.token && x.id === x.token)) {
      const brief = new AbortController();
      const stop = () => brief.abort();
      const timer = setTimeout(stop, 3000);
      this.abort.signal.addEventListener('abort', stop, { once: true });
      try {
        const id = await backend.resolveToken(s.token!, brief.signal);
        if (id) rememberRequest(this.key, { id, token: s.token! });
      } catch {
        // still pending, or the server is away: the token stays until next time
      } finally {
        clearTimeout(timer);
        this.abort.signal.removeEventListener('abort', stop);
      }
    }
  }

  /** One batched call where the backend allows it, else one call each. Failures leave the list as it was. */
  private async refresh(): Promise<void> {
    const backend = this.host.backend;
    // Once per opening: a burst of visibility changes (layout, scrolling) makes one round of calls.
    if (!backend || this.listing || Date.now() - this.listedAt < 5000) return;
    this.listing = true;
    let fresh: ServiceRequest[] = [];
    try {
      await this.resolveTokens();
      // A report that may have been sent has no number yet, only a marker of this device's: nothing to ask.
      const ids = this.saved.filter((s) => (s.id !== s.token || !s.token) && !s.unsent).map((s) => s.id);
      if (!ids.length) return;
      if (backend.requests) fresh = await backend.requests({ ids }, this.abort.signal);
      else {
        const settled = await Promise.allSettled(ids.map((id) => backend.request(id, this.abort.signal)));
        fresh = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      }
    } catch {
      return;
    } finally {
      this.listing = false;
      this.listedAt = Date.now();
    }
    const latest = new Map(this.latest);
    for (const r of fresh) latest.set(r.service_request_id, r);
    this.latest = latest;
    this.host.requestUpdate();
  }

  render(): TemplateResult | typeof nothing {
    if (!this.saved.length) return nothing;
    const m = allWords(this.host.messages);
    const { open, named } = this.options;
    return html`<section class="my-requests" part="my-requests" aria-labelledby="my-requests-title">
      <h2 id="my-requests-title">${m.myRequests}</h2>
      <p class="hint">${m.myRequestsHint}</p>
      <ul>
        ${this.saved.map((s) => {
          const r = this.latest.get(s.id);
          const updated = r ? hasUpdate(s, r) : false;
          const label = [
            m.requestTitle(s.id),
            named(r?.service_name ?? s.serviceName),
            r ? statusText(m, r) : undefined,
          ]
            .filter(Boolean)
            .join(' · ');
          return html`<li>
            ${
              s.unsent
                ? // Not known to be filed (issue #15): what it was, and that it may have been sent; nothing to open.
                  html`<span
                    >${[named(s.serviceName), s.address, s.unsent === 'waiting' ? m.waitingToSend : m.maybeSent]
                      .filter(Boolean)
                      .join(' · ')}</span
                  >`
                : html`<button type="button" class="secondary" @click=${() => open(s.id)}>
                    ${label}${updated ? html` <span class="badge">${m.updatedBadge}</span>` : nothing}
                  </button>`
            }
            <button
              type="button"
              class="secondary"
              aria-label=${m.removeRequest(s.unsent ? (named(s.serviceName) ?? m.maybeSent) : s.id)}
              @click=${() => forgetRequest(this.key, s.id)}
            >
              ×
            </button>
          </li>`;
        })}
      </ul>
      <button type="button" class="secondary" @click=${() => forgetAll(this.key)}>${m.removeAll}</button>
    </section>`;
  }
}
