/** The shell: configuration, language, tabs; the element's contract is documented on the class. */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Adapters } from '../adapters';
import type { Backend } from '../backend/types';
import { LANGUAGE_NAMES, isLanguage, isRtl, laterLoaded, loadMessages, resolveLanguage, type Messages } from '../i18n';
import {
  JsonConfigSchema,
  SETTINGS,
  attributeName,
  isObjectSetting,
  parseConfig,
  type Config,
  type ConfigResult,
} from '../schema/config';
import { ReportFlow } from '../report/flow';
import { track, type Load } from '../report/load';
import { baseStyles } from './styles';
import { CheckStatusEvent, ReferenceResolvedEvent, RequestSubmittedEvent } from './events';
import type { StatusView } from './status-view';
import type { Redirect } from './report-form';

type Tab = 'report' | 'status';

/**
 * What the portal takes from outside elements/, set once by the entry module (src/index.ts): elements never fetch
 * and never build their adapters themselves. @internal
 */
export interface Outside {
  /** The backend, geocoder, boundary and map for one configuration (`own`: a backend the webmaster set). */
  createAdapters(config: Config, locale: string, own?: Backend): Adapters;
  /** A JSON config file's content (the `config` attribute). */
  fetchConfigFile(url: string): Promise<unknown>;
}
const LANGUAGE_KEY = 'citizen-portal:language';

function readChosenLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null;
  }
}
const TABS: Tab[] = ['report', 'status'];
/** The inner views' parts the page may style (the README's ::part() list), forwarded through this shadow root. */
const REPORT_PARTS =
  'form, error-summary, submit, back, step-title, redirect, confirmation, error, map, nearby, photos, contact, review';
const STATUS_PARTS = 'status-form, status-card, status-result, error';

/**
 * Report a problem to the city, or check a request: `<citizen-portal endpoint="…" jurisdiction="…">`.
 *
 * @tagname citizen-portal
 * @summary A resident's front door to city hall over Open311 GeoReport v2.
 *
 * Its attributes (each also a property: api-key → apiKey) are the settings of schema/config.ts, documented there;
 * custom-elements.json and the README's table are generated from it.
 *
 * @event cp-request-submitted - a report was accepted; `detail: { serviceRequestId?, token?, notice?, serviceCode }`.
 * @event cp-reference-resolved - the reference behind a provisional token arrived; `detail: { token, serviceRequestId }`.
 *
 * @csspart tabs - the tab list
 * @csspart tab - each tab
 * @csspart panel - each tab panel
 * @csspart language - the language switcher (with `languages`)
 * @csspart config-error - the message shown when the element is set up wrongly
 * @csspart form - the report form (inside the report view)
 * @csspart error-summary - "There is a problem" with links to each field
 * @csspart submit - the Continue / Submit button
 * @csspart confirmation - the thank-you panel with the reference number
 * @csspart status-card - a request's status in the tracker
 *
 * @cssprop --cp-accent - buttons, links, the selected option
 * @cssprop --cp-on-accent - text on the accent colour
 * @cssprop --cp-danger - errors
 * @cssprop --cp-border - field and panel borders
 * @cssprop --cp-muted - hints
 * @cssprop --cp-radius - corner radius
 * @cssprop --cp-gap - space between fields
 * @cssprop --cp-density - 1 (default, roomy) down to about 0.6 (compact): heights, paddings, gaps
 * @cssprop --cp-focus-ring - the focus outline
 * @cssprop --cp-input-background - fields' background
 * @cssprop --cp-input-color - fields' text
 * @cssprop --cp-surface - the widget's background with a `theme` (default: the system's Canvas colour)
 * @cssprop --cp-tab-selected-background - the selected tab (default: Canvas)
 */
export class CitizenPortal extends LitElement {
  /** @internal Set by src/index.ts. */
  static outside: Outside;

  static override styles = [
    baseStyles,
    css`
      .tabs {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        border-bottom: 2px solid var(--_border);
        margin: 0 0 var(--_gap);
      }
      .language {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: flex-end;
        gap: 0 0.5rem;
        margin: 0 0 0.5rem;
      }
      .language label {
        margin: 0;
      }
      .language select {
        width: auto;
      }
      [role='tab'] {
        padding-inline: 0.9rem;
        background: transparent;
        color: var(--_accent);
        border: 2px solid transparent;
        border-bottom: 0;
        border-radius: var(--_radius) var(--_radius) 0 0;
        margin-bottom: -2px;
      }
      [role='tab'][aria-selected='true'] {
        background: var(--cp-tab-selected-background, Canvas);
        color: inherit;
        border-color: var(--_border);
        border-bottom: 2px solid var(--cp-tab-selected-background, Canvas);
      }
    `,
  ];

  static override properties = {
    backend: { attribute: false },
    synonyms: { attribute: false },
    translations: { attribute: false },
    redirects: { attribute: false },
    tab: { state: true },
    messages: { state: true },
    chosen: { state: true },
  };

  // Every setting of the configuration schema is an attribute (api-key) and a property (apiKey): one list.
  static {
    for (const key of SETTINGS) this.createProperty(key, { attribute: attributeName(key) });
  }

  /** GeoReport v2 base URL. */
  declare endpoint: string | null;
  /** GeoReport v2 `jurisdiction_id`. */
  declare jurisdiction: string | null;
  /** GeoReport v2 `api_key`. */
  declare apiKey: string | null;
  declare lang: string;
  /** The languages offered, space-separated: a switcher when more than one. */
  declare languages: string | null;
  /** json | xml. */
  declare format: string | null;
  /** Query parameter name for the language, for servers that take one. */
  declare localeParam: string | null;
  /** Seconds per answer. */
  declare timeout: string | null;
  /** A backend of your own (any protocol), instead of the Open311 one built from `endpoint`. */
  declare backend: Backend | undefined;
  /** The city's own words for its services, by service code, in any language: `{ POTHOLE: ['bache'] }`. */
  declare synonyms: Record<string, readonly string[]> | undefined;
  /**
   * The city's own translations of its categories, groups and questions, by language, from the server's words:
   * `{ es: { Pothole: 'Bache', 'Streets & Sidewalks': 'Calles y aceras' } }`.
   */
  declare translations: Record<string, Record<string, string>> | undefined;
  /**
   * Categories another organisation handles, by service code: a card with their message, link and phone
   * instead of the form. `{ POWER_OUT: { message: 'Call the utility', url: 'https://…', phone: '555-0100' } }`
   */
  declare redirects: Record<string, Redirect> | undefined;
  /** A service code chosen in advance. */
  declare category: string | null;
  /** Photo upload endpoint. */
  declare mediaUpload: string | null;
  /** Photos allowed, as text (validated). */
  declare maxPhotos: string | null;
  /** Contact details the city requires (validated). */
  declare requiredContact: string | null;
  /** Residents may report without contact details (present: on). */
  declare allowAnonymous: boolean | string | null;
  /** both | status | report. */
  declare view: string | null;
  /** light | dark | auto (CSS reads the attribute; validated here). */
  declare theme: string | null;
  /** A JSON config file's URL (or an inline <script type="application/json"> child). */
  declare config: string | null;
  /** The map's and the tracker's settings: read by their chunks (see the attributes above). */
  declare mapStyle: string | null;
  declare center: string | null;
  declare zoom: string | null;
  declare boundary: string | null;
  declare geocoder: string | null;
  declare deepLinkParam: string | null;
  declare referencePattern: string | null;

  /** @internal */
  declare private tab: Tab;
  private checked: ConfigResult = {
    ok: false,
    key: 'endpoint',
    attribute: 'endpoint',
    problem: 'is missing',
    value: undefined,
  };
  /** The settings, checked (with a backend of the webmaster's own, an endpoint is not needed). */
  private settings: Config | undefined;
  private adapters: Adapters | undefined;
  /** The report being written (one per storage key: per endpoint). */
  private flow: ReportFlow | undefined;
  /** The words of the language shown; undefined until its chunk has loaded. @internal */
  declare private messages: Messages | undefined;
  /** The language the resident picked in the switcher (remembered on this device). @internal */
  declare private chosen: string | null;
  /** The language being shown or loaded, and its loading. */
  private shown = '';
  private language: Promise<void> | undefined;
  private languageFailed = false;
  /** The JSON config has been read (or there is none): settings are complete. */
  private read: Promise<void> | undefined;
  private ready = false;
  private jsonProblem: string | undefined;
  /** The status view's chunk and words, once asked for (a failure is asked afresh by Try again). */
  private status: Load<unknown> | undefined;
  private statusLoad: Promise<unknown> | undefined;
  private locale = 'en';
  /** The configuration the backend was made from. */
  private configKey = '';

  constructor() {
    super();
    this.tab = 'report';
    this.chosen = readChosenLanguage();
  }

  /** Resolves once the settings and the resident's words have arrived and are on screen (tests, hosts). */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.read;
    await super.getUpdateComplete();
    await this.language;
    return super.getUpdateComplete();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.read ??= this.readJsonConfig().then(() => {
      this.ready = true;
      this.requestUpdate();
      // A deep link (#cp-request=ID) on the host page opens the tracker on that request.
      const param = this.deepLinkParam;
      const linked = /cp-request=/.test(location.hash) || (param && new URLSearchParams(location.search).has(param));
      if (linked && this.view != 'report') void this.checkStatus(location.href);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Whatever the report had in flight stops; its draft is in the tab's storage, found again on return.
    this.flow?.dispose();
    this.flow = undefined;
    this.configKey = '';
  }

  /**
   * A JSON config, before anything else: an inline <script type="application/json"> child, or the file named
   * by `config`. Its settings fill in the attributes the element does not have (an attribute wins).
   */
  private async readJsonConfig(): Promise<void> {
    const inline = this.querySelector(':scope > script[type="application/json"]')?.textContent;
    const url = this.getAttribute('config');
    if (inline == null && !url) return;
    try {
      const parsed = JsonConfigSchema.safeParse(
        inline != null ? JSON.parse(inline) : await CitizenPortal.outside.fetchConfigFile(url!),
      );
      if (!parsed.success) throw parsed.error.issues[0]!.message;
      for (const [key, value] of Object.entries(parsed.data)) {
        const attribute = attributeName(key);
        if (isObjectSetting(key)) this[key] ??= value as never;
        else if (value != null && value !== false && !this.hasAttribute(attribute))
          this.setAttribute(attribute, String(value));
      }
    } catch (e) {
      this.jsonProblem = typeof e === 'string' ? e : inline != null ? 'is not valid JSON' : `could not be loaded`;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.ready) return;
    const pageLang = this.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
    const offered = this.offeredLanguages();
    // The switcher's choice counts only where there is a switcher to change it back with.
    const { lang, locale } = resolveLanguage([offered && this.chosen, this.lang, pageLang], offered);
    this.locale = locale;
    const input: Record<string, unknown> = { lang: this.locale };
    for (const key of SETTINGS) if (key !== 'lang') input[key] = this[key];
    input['config'] = this.jsonProblem;
    // Only a change of configuration (or of backend) makes a new backend: it reloads the categories.
    const key = JSON.stringify(input);
    if (key !== this.configKey || changed.has('backend')) this.configure(input, key);
    // The report's categories come from this backend, in the city's words for this language.
    const words = this.translations?.[lang];
    const flow = this.flow;
    if (flow && this.adapters && (flow.backend !== this.adapters.backend || flow.words !== words))
      flow.connect(this.adapters.backend, words, this.category);
    // The words: the first screen's; the later file's too when the page shows a setting's problem (rare words).
    const needLater = !this.adapters && !laterLoaded[lang];
    if (!this.languageFailed && (lang !== this.shown || needLater)) {
      this.shown = lang;
      this.language = loadMessages(lang, needLater).then(
        (m) => void (this.shown === lang && ((this.messages = m), this.requestUpdate())),
        // Offline, or the CDN failed: the words stay as they were (none yet: a plain sentence with Try again).
        () => void ((this.languageFailed = true), this.requestUpdate()),
      );
    }
  }

  private configure(input: Record<string, unknown>, key: string): void {
    this.configKey = key;
    this.checked = parseConfig(input);
    // A backend of the webmaster's own needs no endpoint: the other settings still count.
    const own = this.backend;
    const checked =
      this.checked.ok || !own ? this.checked : parseConfig({ ...input, endpoint: 'https://backend.invalid' });
    this.settings = checked.ok ? checked.config : undefined;
    this.adapters = this.settings && CitizenPortal.outside.createAdapters(this.settings, this.locale, own);
    if (!this.adapters) {
      this.flow?.dispose();
      this.flow = undefined;
      // Tell the webmaster (once per configuration), naming the attribute and what is wrong with it.
      const problem = this.checked as Exclude<ConfigResult, { ok: true }>;
      void import('../schema/config-help').then(({ configMessage }) => console.error(configMessage(problem)));
      return;
    }
    const storageKey = `citizen-portal:draft:${this.checked.ok ? this.checked.config.endpoint : 'custom'}`;
    if (this.flow?.storageKey !== storageKey) {
      this.flow?.dispose();
      this.flow = new ReportFlow({
        storageKey,
        loadSteps: async () => {
          const [steps] = await Promise.all([import('./steps'), loadMessages(this.shown || 'en', true)]);
          return steps.reportSteps(this.settings!);
        },
        onSubmitted: (result, serviceCode) => this.dispatchEvent(new RequestSubmittedEvent({ ...result, serviceCode })),
        onResolved: (token, serviceRequestId) =>
          this.dispatchEvent(new ReferenceResolvedEvent({ token, serviceRequestId })),
      });
    }
  }

  /** The languages offered (`languages`), those we have words for; undefined when none are named. */
  private offeredLanguages(): string[] | undefined {
    const offered = this.languages?.split(/[\s,]+/).filter(isLanguage);
    return offered?.length ? offered : undefined;
  }

  private chooseLanguage(lang: string): void {
    this.chosen = lang;
    try {
      localStorage.setItem(LANGUAGE_KEY, lang);
    } catch {
      // Storage off: the choice lasts for this page.
    }
  }

  /** The status view is its own chunk (with its words): residents who only report never download it. */
  private loadStatusView(): Promise<unknown> {
    if (this.status?.state === 'failed') this.statusLoad = undefined; // Try again asks afresh
    return (this.statusLoad ??= track(
      () => Promise.all([import('./status-view'), loadMessages(this.shown || 'en', true)]),
      (load) => ((this.status = load), this.requestUpdate()),
    ));
  }

  private select(tab: Tab, focus = false): void {
    this.tab = tab;
    if (tab === 'status') void this.loadStatusView();
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  /** ARIA tabs: arrow keys move between tabs and show them (automatic activation). */
  private handleTabKey(e: KeyboardEvent): void {
    const i = TABS.indexOf(this.tab);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    this.select(TABS[(next + TABS.length) % TABS.length]!, true);
  }

  /** A view inside asked to open the tracker on a request (the one just filed, or one nearby). */
  private handleCheckStatus(e: CheckStatusEvent): void {
    e.stopPropagation(); // ours alone: not a public event
    void this.checkStatus(e.detail.id);
  }

  private async checkStatus(id: string | undefined): Promise<void> {
    this.select('status');
    await this.loadStatusView();
    await this.updateComplete;
    const view = this.renderRoot.querySelector<StatusView>('citizen-portal-status');
    if (id) await view?.check(id);
  }

  private renderTab(tab: Tab, label: string): TemplateResult {
    const selected = this.tab === tab;
    return html`<button
      type="button"
      role="tab"
      part="tab"
      id="tab-${tab}"
      aria-controls="panel-${tab}"
      aria-selected=${selected ? 'true' : 'false'}
      tabindex=${selected ? '0' : '-1'}
      @click=${() => this.select(tab)}
      @keydown=${this.handleTabKey}
    >
      ${label}
    </button>`;
  }

  protected override render(): TemplateResult {
    const m = this.messages;
    const lang = m?.lang ?? 'en';
    return html`<div lang=${lang} dir=${isRtl(lang) ? 'rtl' : 'ltr'}>
      ${m ? this.renderIn(m) : this.renderNoWords()}
    </div>`;
  }

  /** The language's words could not be loaded: the one sentence that needs none of them. */
  private renderNoWords(): TemplateResult | typeof nothing {
    if (!this.languageFailed) return nothing;
    return html`<div class="panel error" role="alert">
      <p>This form could not be loaded. Check your internet connection and try again.</p>
      <button type="button" @click=${() => ((this.languageFailed = false), (this.shown = ''), this.requestUpdate())}>
        Try again
      </button>
    </div>`;
  }

  private renderSwitcher(m: Messages): TemplateResult | typeof nothing {
    const offered = this.offeredLanguages();
    if (!offered || offered.length < 2) return nothing;
    return html`<div class="language" part="language">
      <label for="language">${m.language}</label>
      <select id="language" @change=${(e: Event) => this.chooseLanguage((e.target as HTMLSelectElement).value)}>
        ${offered.map(
          (l) => html`<option value=${l} lang=${l} ?selected=${l === m.lang}>${LANGUAGE_NAMES[l]}</option>`,
        )}
      </select>
    </div>`;
  }

  private renderIn(m: Messages): TemplateResult | typeof nothing {
    const { settings, adapters, flow } = this;
    if (!settings || !adapters || !flow) {
      const c = this.checked;
      const words = laterLoaded[m.lang];
      return words
        ? html`<div class="panel error" role="alert" part="config-error">
            <p><strong>${words.configProblem}</strong></p>
            ${c.ok ? nothing : html`<p>${words.configDetail(c.attribute, c.problem)}</p>`}
          </div>`
        : this.renderNoWords();
    }
    const report = html`<citizen-portal-report
      exportparts=${REPORT_PARTS}
      .flow=${flow}
      .messages=${m}
      .settings=${settings}
      .adapters=${adapters}
      .synonyms=${this.synonyms}
      .redirects=${this.redirects}
      @cp-check-status=${this.handleCheckStatus}
    ></citizen-portal-report>`;
    const status =
      this.status?.state !== 'ready'
        ? this.tab == 'status' || this.view == 'status'
          ? this.status?.state === 'failed'
            ? html`<div class="panel error" role="alert">
                <p>${m.loadStepFailed}</p>
                <button type="button" class="secondary" @click=${() => this.select('status')}>${m.retry}</button>
              </div>`
            : html`<p role="status">${m.loadingStep}</p>`
          : nothing
        : html`<citizen-portal-status
            exportparts=${STATUS_PARTS}
            .backend=${adapters.backend}
            .adapters=${adapters}
            .settings=${settings}
            .messages=${m}
            .locale=${this.locale}
            .translations=${this.translations?.[m.lang]}
            .storageKey=${flow.storageKey}
          ></citizen-portal-status>`;
    const switcher = this.renderSwitcher(m);
    if (this.view == 'report') return html`${switcher}${report}`;
    if (this.view == 'status') return (this.status || void this.loadStatusView(), html`${switcher}${status}`);
    return html`
      ${switcher}
      <div role="tablist" part="tabs" aria-label=${m.tabsLabel} class="tabs">
        ${this.renderTab('report', m.tabReport)} ${this.renderTab('status', m.tabStatus)}
      </div>
      <div role="tabpanel" part="panel" id="panel-report" aria-labelledby="tab-report" ?hidden=${this.tab !== 'report'}>
        ${report}
      </div>
      <div role="tabpanel" part="panel" id="panel-status" aria-labelledby="tab-status" ?hidden=${this.tab !== 'status'}>
        ${status}
      </div>
    `;
  }
}
