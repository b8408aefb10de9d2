/** The shell: configuration, language, tabs; the element's contract is documented on the class. */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Adapters } from '../adapters';
import type { Backend } from '../backend/types';
import { isRtl, moreWords, loadMessages, placeholderWords, type Messages } from '../i18n';
import { SETTINGS, attributeName, parseConfig, type Config, type ConfigResult } from '../schema/config';
import { ReportFlow } from '../report/flow';
import { draftLikely } from '../storage/draft-store';
import { track, type Load } from '../report/load';
import { baseStyles } from './styles';
import { portalStyles } from './citizen-portal.styles';
import { PortalLanguage } from './language';
import { whenIdle } from './idle';
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
const TABS: Tab[] = ['report', 'status'];
/** How long the first screen waits for its categories once the page's current task is done (ms). */
const FIRST_SCREEN_WAIT = 50;
/** Resolves `ms` after the current task (a module's evaluation, however slow the device) has ended. */
const afterThisTask = (ms: number) => new Promise((resolve) => setTimeout(() => setTimeout(resolve, ms)));
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

  static override styles = [baseStyles, portalStyles];

  static override properties = {
    backend: { attribute: false },
    synonyms: { attribute: false },
    translations: { attribute: false },
    redirects: { attribute: false },
    tab: { state: true },
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
  /** The language of the city's own words (BCP 47). */
  declare serverLang: string | null;
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
  /** A citizen-portal gateway's base URL: the endpoint and the photo store unless set. */
  declare gateway: string | null;

  /** @internal */
  declare private tab: Tab;
  private checked: ConfigResult = {
    ok: false,
    key: 'endpoint',
    attribute: 'endpoint',
    problem: 'is missing',
    value: undefined,
    problems: [],
  };
  /** The settings, checked (with a backend of the webmaster's own, an endpoint is not needed). */
  private settings: Config | undefined;
  private adapters: Adapters | undefined;
  /** The report being written (one per storage key: per endpoint). */
  private flow: ReportFlow | undefined;
  /** The language, its words and the switcher. */
  private readonly language = new PortalLanguage(this);
  /** The JSON config has been read (or there is none): settings are complete. */
  private read: Promise<void> | undefined;
  private ready = false;
  private jsonProblem: string | undefined;
  /** The status view's chunk and words, once asked for (a failure is asked afresh by Try again). */
  private status: Load<unknown> | undefined;
  private statusLoad: Promise<unknown> | undefined;
  /** The configuration the backend was made from. */
  private configKey = '';

  constructor() {
    super();
    this.tab = 'report';
  }

  /** Resolves once the settings and the resident's words have arrived and are on screen (tests, hosts). */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.read;
    await super.getUpdateComplete();
    await this.language.loading;
    return super.getUpdateComplete();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A JSON config (a `config` file or an inline <script type="application/json">) is rarer than attributes: its
    // reading and checking are a chunk of their own, fetched only when there is one.
    const json = this.hasAttribute('config') || this.querySelector(':scope > script[type="application/json"]');
    // Imported from a microtask: an element upgraded while the entry evaluates would otherwise make the request from
    // the entry's top-level code, which costs Chromium a second parse of the whole file (see src/start.ts).
    this.read ??= (
      json
        ? Promise.resolve()
            .then(() => import('./json-config'))
            .then(
              (j) => j.readJsonConfig(this, (url) => CitizenPortal.outside.fetchConfigFile(url)),
              () => 'could not be loaded',
            )
        : Promise.resolve(undefined)
    ).then((problem) => {
      this.jsonProblem = problem;
      this.ready = true;
      this.requestUpdate();
      // A deep link (#cp-request=ID) on the host page opens the tracker on that request.
      const param = this.deepLinkParam;
      const linked = /cp-request=/.test(location.hash) || (param && new URLSearchParams(location.search).has(param));
      if (linked && this.view != 'report') void this.checkStatus(location.href);
    });
  }

  private colourCheck: ReturnType<typeof setTimeout> | undefined;

  protected override firstUpdated(): void {
    // The city's own colours, checked when the browser is idle a few seconds on (never competing with the first
    // screen, issue #14): the console names a pair too faint to read.
    // Cancelled when the element leaves the page: a pending check must not keep a removed element alive.
    this.colourCheck = setTimeout(
      () => whenIdle(() => void (this.isConnected && import('./colour-check').then((c) => c.checkColours(this)))),
      3000,
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.colourCheck);
    // Whatever the report had in flight stops; its draft is in the tab's storage, found again on return.
    this.flow?.dispose();
    this.flow = undefined;
    this.configKey = '';
  }

  /**
   * The first screen is drawn once, with its categories, when they are about to arrive (issue #14): its first
   * update waits for the settings, starts the categories' load, and waits for them too, but only while an answer
   * could be on its way over a fast network (FIRST_SCREEN_WAIT after the page's current task). Drawing it before
   * and again with the list cost a second render and layout of the whole form on a slow phone; on a slow network
   * the form is drawn meanwhile as before, and the list fills in when it comes.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.hasUpdated) return super.scheduleUpdate();
    return (this.firstScreen ??= this.awaitFirstScreen()).then(() => super.scheduleUpdate());
  }

  private firstScreen: Promise<void> | undefined;

  private async awaitFirstScreen(): Promise<void> {
    await this.read;
    try {
      this.prepare(false);
    } catch {
      return; // the update meets it again, and shows it as ever
    }
    const categories = this.flow?.servicesLoad;
    if (categories) await Promise.race([categories, afterThisTask(FIRST_SCREEN_WAIT)]);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.prepare(changed.has('backend'));
  }

  /** Settings, backend, report flow and words, as the properties now say (a no-op when nothing changed). */
  private prepare(backendChanged: boolean): void {
    if (!this.ready) return;
    const lang = this.language.pick();
    const input: Record<string, unknown> = { lang: this.language.locale };
    for (const key of SETTINGS) if (key !== 'lang') input[key] = this[key];
    input['config'] = this.jsonProblem;
    // A gateway (see the README) is the city's endpoint and photo store, unless they are set.
    const gateway = this.gateway?.trim().replace(/\/+$/, '');
    if (gateway) {
      input['endpoint'] ??= gateway;
      input['mediaUpload'] ??= `${gateway}/media`;
    }
    // Only a change of configuration (or of backend) makes a new backend: it reloads the categories.
    const key = JSON.stringify(input);
    if (key !== this.configKey || backendChanged) this.configure(input, key);
    // The report's categories come from this backend, in the city's words for this language.
    const words = this.translations?.[lang];
    const flow = this.flow;
    if (flow && this.adapters && (flow.backend !== this.adapters.backend || flow.words !== words))
      flow.connect(this.adapters.backend, words, this.category);
    // The words: the first screen's; the later file's too when the page shows a setting's problem (rare words).
    this.language.load(lang, !this.adapters && !moreWords[lang]);
    // view="status": the tracker is all there is, so its chunk loads at once (not from render()).
    if (this.view == 'status' && this.adapters && !this.status) void this.loadStatusView();
  }

  private configure(input: Record<string, unknown>, key: string): void {
    this.configKey = key;
    this.checked = parseConfig(input);
    // A backend of the webmaster's own needs no endpoint: the other settings still count.
    const own = this.backend;
    const checked =
      this.checked.ok || !own ? this.checked : parseConfig({ ...input, endpoint: 'https://backend.invalid' });
    this.settings = checked.ok ? checked.config : undefined;
    this.adapters = this.settings && CitizenPortal.outside.createAdapters(this.settings, this.language.locale, own);
    // Tell the webmaster (once per configuration) of every setting that is wrong, naming it, what it got and what
    // it may be; only a missing or wrong endpoint stops the form, the others fell back to their defaults.
    const { problems } = checked.ok ? checked : this.checked;
    if (problems.length)
      void import('../schema/config-help').then(({ configMessage }) =>
        problems.forEach((p) => console.error(configMessage(p))),
      );
    if (!this.adapters) {
      this.flow?.dispose();
      this.flow = undefined;
      return;
    }
    const storageKey = `citizen-portal:draft:${this.checked.ok ? this.checked.config.endpoint : 'custom'}`;
    if (this.flow?.storageKey !== storageKey) {
      this.flow?.dispose();
      this.flow = new ReportFlow({
        storageKey,
        draftNow: draftLikely(),
        loadSteps: async () => {
          const [steps] = await Promise.all([import('./steps'), loadMessages(this.language.shown || 'en', true)]);
          return steps.reportSteps(this.settings!);
        },
        onSubmitted: (result, serviceCode) => this.dispatchEvent(new RequestSubmittedEvent({ ...result, serviceCode })),
        whenIdle: (task) => void this.updateComplete.then(() => whenIdle(task)),
        onResolved: (token, serviceRequestId) =>
          this.dispatchEvent(new ReferenceResolvedEvent({ token, serviceRequestId })),
      });
    }
  }

  /** The status view is its own chunk (with its words): residents who only report never download it. */
  private loadStatusView(): Promise<unknown> {
    if (this.status?.state === 'failed') this.statusLoad = undefined; // Try again asks afresh
    return (this.statusLoad ??= track(
      () => Promise.all([import('./status-view'), loadMessages(this.language.shown || 'en', true)]),
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
    // The button pressed is in the report's panel, hidden now: focus goes to the request's heading (issue #16).
    void this.checkStatus(e.detail.id, true);
  }

  /** Opens the tracker on a request; `focus`: on its heading (a deep link on page load leaves focus alone). */
  private async checkStatus(id: string | undefined, focus = false): Promise<void> {
    this.select('status');
    await this.loadStatusView();
    await this.updateComplete;
    const view = this.renderRoot.querySelector<StatusView>('citizen-portal-status');
    if (id) await view?.check(id, { focus });
    else if (focus) view?.renderRoot.querySelector<HTMLElement>('#reference')?.focus();
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
    const words = this.language.messages;
    if (!words && this.language.failed) return html`<div>${this.language.renderNoWords()}</div>`;
    // Until the resident's words arrive, the first screen is laid out in English but not shown (nor read out):
    // the page below the widget does not move when they come.
    const m = words ?? placeholderWords;
    return html`<div
      lang=${m.lang}
      dir=${isRtl(m.lang) ? 'rtl' : 'ltr'}
      class=${words ? '' : 'placeholder'}
      ?inert=${!words}
      aria-hidden=${words ? nothing : 'true'}
    >
      ${this.ready ? this.renderIn(m) : nothing}
    </div>`;
  }

  /**
   * A gateway's CAPTCHA is drawn by its provider's script, which cannot work in a shadow root: it gets a child of
   * this element, slotted down to the review step.
   */
  private handleCaptchaContainer(e: CustomEvent<{ container?: HTMLElement }>): void {
    let box = this.querySelector<HTMLElement>(':scope > [slot="captcha"]');
    if (!box) this.append((box = Object.assign(document.createElement('div'), { slot: 'captcha' })));
    e.detail.container = box;
  }

  private renderIn(m: Messages): TemplateResult | typeof nothing {
    const { settings, adapters, flow } = this;
    if (!settings || !adapters || !flow) {
      const c = this.checked;
      const words = moreWords[m.lang];
      return words
        ? html`<div class="panel error" role="alert" part="config-error">
            <p><strong>${words.configProblem}</strong></p>
            ${c.ok ? nothing : html`<p>${words.configDetail(c.attribute, c.problem)}</p>`}
          </div>`
        : this.language.renderNoWords();
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
      @cp-captcha-container=${this.handleCaptchaContainer}
      ><slot name="captcha" slot="captcha"></slot
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
            .locale=${this.language.locale}
            .translations=${this.translations?.[m.lang]}
            .storageKey=${flow.storageKey}
          ></citizen-portal-status>`;
    const switcher = this.language.renderSwitcher(m);
    if (this.view == 'report') return html`${switcher}${report}`;
    if (this.view == 'status') return html`${switcher}${status}`;
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
