/**
 * The portal's language: which one (the switcher's choice, remembered on this device; the element's `lang`; the
 * page's), its words loaded (a failure: one plain sentence with Try again), and the switcher when `languages`
 * offers more than one. The element re-renders when the words arrive or the resident picks another language.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import {
  LANGUAGE_NAMES,
  isLanguage,
  loadMessages,
  pageLanguage,
  resolveLanguage,
  wordsHere,
  type Messages,
} from '../i18n';

const LANGUAGE_KEY = 'citizen-portal:language';

function readChosenLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null;
  }
}

/** What the language needs of the portal element. */
export interface LanguageHost extends ReactiveControllerHost, Element {
  /** The `lang` setting. */
  readonly lang: string;
  /** The languages offered, space-separated (`languages`). */
  readonly languages: string | null;
}

export class PortalLanguage {
  /** The words of the language shown; undefined until its chunk has loaded. */
  messages: Messages | undefined;
  /** The BCP 47 locale of the language picked (dates, the backend's locale). */
  locale = 'en';
  /** The language being shown or loaded ('' before the first, and after a failure's Try again). */
  shown = '';
  /** The words' loading: the portal's updateComplete waits for it. */
  loading: Promise<void> | undefined;
  /** The words could not be loaded (offline): one plain sentence with Try again. */
  failed = false;
  /**
   * The language the resident picked in the switcher (remembered on this device); read only where there is a
   * switcher (`languages`): the first touch of localStorage blocks the page for 5-15 ms at 4x CPU (issue #14).
   */
  private chosen: string | null | undefined;

  constructor(private readonly host: LanguageHost) {}

  /** The languages offered (`languages`), those we have words for; undefined when none are named. */
  private offered(): string[] | undefined {
    const offered = this.host.languages?.split(/[\s,]+/).filter(isLanguage);
    return offered?.length ? offered : undefined;
  }

  /** The language to show (its locale kept in `locale`). */
  pick(): string {
    const offered = this.offered();
    // The switcher's choice counts only where there is a switcher to change it back with.
    const { lang, locale } = resolveLanguage(
      [offered && (this.chosen ??= readChosenLanguage()), this.host.lang, pageLanguage(this.host)],
      offered,
    );
    this.locale = locale;
    return lang;
  }

  /** Loads the language's words, unless shown already or failed (`later`: its later file too). */
  load(lang: string, later: boolean): void {
    if (this.failed || (lang === this.shown && !later)) return;
    this.shown = lang;
    // Words already here (English's first screen is in the entry file) show at once: no waiting for a chunk.
    this.messages = wordsHere(lang) ?? this.messages;
    this.loading = loadMessages(lang, later).then(
      (m) => void (this.shown === lang && ((this.messages = m), this.host.requestUpdate())),
      // Offline, or the CDN failed: the words stay as they were (none yet: a plain sentence with Try again).
      () => void ((this.failed = true), this.host.requestUpdate()),
    );
  }

  private choose(lang: string): void {
    if (lang !== this.chosen) this.host.requestUpdate();
    this.chosen = lang;
    try {
      localStorage.setItem(LANGUAGE_KEY, lang);
    } catch {
      // Storage off: the choice lasts for this page.
    }
  }

  /** The language's words could not be loaded: the one sentence that needs none of them. */
  renderNoWords(): TemplateResult | typeof nothing {
    if (!this.failed) return nothing;
    return html`<div class="panel error" role="alert">
      <p>This form could not be loaded. Check your internet connection and try again.</p>
      <button type="button" @click=${() => ((this.failed = false), (this.shown = ''), this.host.requestUpdate())}>
        Try again
      </button>
    </div>`;
  }

  renderSwitcher(m: Messages): TemplateResult | typeof nothing {
    const offered = this.offered();
    if (!offered || offered.length < 2) return nothing;
    return html`<div class="language" part="language">
      <label for="language">${m.language}</label>
      <select id="language" @change=${(e: Event) => this.choose((e.target as HTMLSelectElement).value)}>
        ${offered.map(
          (l) => html`<option value=${l} lang=${l} ?selected=${l === m.lang}>${LANGUAGE_NAMES[l]}</option>`,
        )}
      </select>
    </div>`;
  }
}
