/**
 * "Report a problem" as plain state, outside any element: the resident's draft, the step they are on, what they
 * tried to leave and what they touched, the categories and the chosen category's questions, and sending. Elements
 * show it and call its small API (set, answer, touch, goTo, continue); a FlowController re-renders them on every
 * change. It knows no DOM, no words and no lit, so it is tested on its own.
 *
 * The first step lives here in full; the later steps (their checks, and sending) arrive as a plug-in with their
 * chunk (see ReportSteps), so the first screen's bundle carries none of them.
 */
import type { Backend, Service, ServiceDefinition, SubmitResult } from '../backend/types';
import {
  attrField,
  emptyDraft,
  questions,
  stepOf,
  stepsOf,
  validateProblem,
  type Draft,
  type FieldError,
  type Step,
} from '../schema/draft';
import { anyKept, clearDraft, loadDraft, saveDraft } from '../storage/draft-store';
import type { CaptchaChallenge } from '../backend/types';
import { ready, track, valueOf, type Load } from './load';
import { translateDefinition, translateService, type CityWords } from './translate';

/** What the later steps' chunk plugs in: their checks, and sending the report. */
export interface ReportSteps {
  /** Problems on the later steps (location, the category's questions, description, contact). */
  validate(flow: ReportFlow): FieldError[];
  /**
   * Files the report, and keeps on the device what the resident asked for (My requests, contact details); a
   * provisional token's real number is passed to `flow.resolve` when it arrives.
   */
  send(flow: ReportFlow, signal: AbortSignal): Promise<SubmitResult>;
  /** Once, when the chunk arrives for this flow (remembered contact details fill in). */
  attach(flow: ReportFlow): void;
}

export interface FlowOptions {
  /** sessionStorage key of the unfinished report (per endpoint: two portals on a page never mix). */
  storageKey: string;
  /** Fetches the later steps (their chunk and words); rejects when they cannot be loaded (offline). */
  loadSteps: () => Promise<ReportSteps>;
  /** A report was accepted. */
  onSubmitted?: (result: SubmitResult, serviceCode: string) => void;
  /** The number behind a provisional token arrived. */
  onResolved?: (token: string, serviceRequestId: string) => void;
  /**
   * Runs a task when the browser is idle, after the first screen: once a category is chosen, the later steps (and
   * its questions) are fetched then, so Continue is instant, without competing with the first screen.
   */
  whenIdle?: (task: () => void) => void;
  /**
   * Look for this tab's unfinished report now (the default), or after the first screen: when idle, or at the
   * resident's first change if that comes sooner (see draftLikely in storage/draft-store.ts).
   */
  draftNow?: boolean;
}

/** What `continue()` did, so the element can put focus where it belongs. */
export type Outcome =
  | { kind: 'moved' }
  | { kind: 'invalid'; step: Step }
  | { kind: 'sent'; result: SubmitResult }
  | { kind: 'not-sent' }
  | { kind: 'busy' };

export class ReportFlow {
  draft: Draft = emptyDraft();
  /** Steps the resident tried to leave: their errors show in full, with a summary. */
  attempted: ReadonlySet<Step> = new Set();
  /** Fields changed and left: their own error shows. */
  touched: ReadonlySet<string> = new Set();
  services: Load<Service[]> = { state: 'loading' };
  /** The categories' latest load, settled when they are here (or could not be). */
  servicesLoad: Promise<void> | undefined;
  /** The chosen category's questions (undefined: it has none). */
  definition: Load<ServiceDefinition | undefined> = ready(undefined);
  /** The later steps, once asked for. */
  steps: Load<ReportSteps> | undefined;
  submitting = false;
  /** Send waits until then (epoch ms): the server asked for a pause (429 with Retry-After, issue #15). */
  resendAt = 0;
  /** Why the last Send failed (a BackendError, usually); the draft is kept. */
  submitError: unknown;
  /**
   * The check that a person is sending, when a gateway in front of the city's server wants one (undefined: none),
   * and its answer once given: each answer is good for one Send.
   */
  captcha: Load<CaptchaChallenge | undefined> = ready(undefined);
  captchaAnswer: string | undefined;
  result: SubmitResult | undefined;
  /** The draft was restored from this tab's storage: say so, and offer to start again. */
  restored = false;
  /** The photo "Start with a photo" chose, until the location step takes it. */
  firstPhoto: File | undefined;
  backend: Backend | undefined;
  /** The city's words in the resident's language. */
  words: CityWords | undefined;
  /** A service code to start with, unless the resident already chose one. */
  category: string | undefined;
  /** Aborted by `dispose()`: whatever is in flight stops. */
  readonly abort = new AbortController();

  private readonly listeners = new Set<() => void>();
  private readonly definitions = new Map<string, ServiceDefinition>();
  /** The category whose questions are on their way: asked twice (categories and chunk arriving), fetched once. */
  private pendingDefinition = '';
  private servicesRun = 0;
  private stepsLoad: Promise<ReportSteps | undefined> | undefined;

  constructor(readonly options: FlowOptions) {
    if (options.draftNow !== false) this.lookForDraft();
    // Else this tab's draft is looked for when idle, after the first screen, or at the resident's first move if that
    // comes sooner. Then a closed tab's report, offered by the later steps (the first touch of localStorage blocks
    // the page for 5-15 ms at 4x CPU, issue #14).
    (options.whenIdle ?? ((task) => task()))(
      () => void (this.lookForDraft(), !this.restored && anyKept(options.storageKey) && this.loadSteps()),
    );
  }

  private looked?: boolean;
  /**
   * This tab's unfinished report (a reload, a crash), once: the resident goes on where they were. Found after they
   * began on this page (`stay`: a change, or focus in the form), they stay on their step, with the rest filled in.
   */
  lookForDraft(stay?: boolean): void {
    if (this.looked) return;
    this.looked = true;
    const saved = loadDraft(this.storageKey);
    if (!saved) return;
    const { step, start } = this.draft;
    this.draft = stay ? { ...saved, step, start } : saved;
    this.restored = true;
    // Its notice is in the later words, and it goes on in the later steps: both come now.
    void this.loadSteps();
    this.changed();
  }

  get storageKey(): string {
    return this.options.storageKey;
  }

  /** Calls `listener` after every change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Something changed: every subscriber re-renders. */
  changed(): void {
    for (const listener of this.listeners) listener();
  }

  dispose(): void {
    this.abort.abort();
    this.listeners.clear();
  }

  // --- The categories and the chosen one's questions -----------------------------------------------------------------

  /** A (new) backend or new city words: the categories load again; typed words and the draft stay. */
  connect(backend: Backend, words: CityWords | undefined, category?: string | null): void {
    this.backend = backend;
    this.words = words;
    this.category = category ?? undefined;
    this.definitions.clear();
    this.servicesLoad = this.loadServices();
  }

  async loadServices(): Promise<void> {
    const backend = this.backend;
    if (!backend) return;
    const run = ++this.servicesRun;
    const list = await track(
      async () => (await backend.services(this.abort.signal)).map((s) => translateService(this.words, s)),
      (load) => ((this.services = load), this.changed()),
      () => run === this.servicesRun,
    );
    if (!list || run !== this.servicesRun) return;
    const preset = this.category && list.find((s) => s.service_code === this.category);
    // A kept draft's category wins over the page's.
    if (preset && (this.lookForDraft(), !this.draft.serviceCode)) this.set({ serviceCode: preset.service_code });
    // The webmaster's words are in the chunk for setting mistakes.
    const wrong = this.category && !preset && this.category;
    if (wrong) void import('../schema/config-help').then((h) => console.error(h.unknownCategory(wrong, list)));
    this.prepare();
  }

  /** The chosen service; none chosen is answered without a look through the list (5,000 at every keystroke). */
  selectedService(): Service | undefined {
    const code = this.draft.serviceCode;
    return code ? valueOf(this.services)?.find((s) => s.service_code === code) : undefined;
  }

  currentDefinition(): ServiceDefinition | undefined {
    return valueOf(this.definition);
  }

  /**
   * The chosen category's questions, fetched once the later steps are here (never for the first screen) and the
   * categories are known; once per category.
   */
  prepare(): void {
    if (this.steps?.state !== 'ready' || this.services.state !== 'ready') return;
    const code = this.draft.serviceCode;
    if (this.definition.state === 'loading' && this.pendingDefinition === code) return;
    void this.loadDefinition(code);
  }

  async loadDefinition(code = this.draft.serviceCode): Promise<void> {
    this.pendingDefinition = code;
    const service = this.selectedService();
    const cached = this.definitions.get(code);
    if (!service?.metadata || cached) {
      this.definition = ready(cached);
      return this.changed();
    }
    const backend = this.backend!;
    const def = await track(
      async () => translateDefinition(this.words, await backend.serviceDefinition(code, this.abort.signal)),
      (load) => ((this.definition = load), this.changed()),
      // The resident may have picked another category meanwhile.
      () => this.draft.serviceCode === code,
    );
    if (def) this.definitions.set(code, def);
  }

  // --- The draft --------------------------------------------------------------------------------------------------

  /** Changes the draft; it is kept in this tab at once, so nothing typed is lost. */
  set(patch: Partial<Draft>): void {
    this.lookForDraft(true);
    this.draft = { ...this.draft, ...patch };
    saveDraft(this.storageKey, this.draft);
    if ('serviceCode' in patch) {
      this.prepare();
      if (patch.serviceCode && !this.steps) this.options.whenIdle?.(() => void this.loadSteps());
    }
    this.changed();
  }

  /** Answers one of the category's questions. */
  answer(code: string, value: string | string[]): void {
    this.set({ answers: { ...this.draft.answers, [code]: value } });
  }

  /** A field was changed and left: from now on its own message shows. */
  touch(field: string): void {
    if (this.touched.has(field)) return;
    this.touched = new Set([...this.touched, field]);
    this.changed();
  }

  /** Every problem with the draft; which show depends on `attempted` and `touched`. */
  errors(): FieldError[] {
    const later = valueOf(this.steps)?.validate(this) ?? [];
    return [...validateProblem(this.draft), ...later];
  }

  /** The problems a step shows in its summary (the last step: all of them). */
  stepErrors(step: Step = this.draft.step): FieldError[] {
    return this.errors().filter((e) => step === 'review' || stepOf(e.field) === step);
  }

  /** A field's problem, once the resident has left the field or tried to leave its step. */
  errorFor(field: string): FieldError | undefined {
    const shown = this.attempted.has(stepOf(field)) || this.touched.has(field);
    return shown ? this.errors().find((e) => e.field === field) : undefined;
  }

  /** The element id of a draft field; questions go by position, since their codes may hold any character. */
  fieldId(field: string): string {
    if (field === 'serviceCode') return 'category';
    if (!field.startsWith('attr:')) return field;
    return `q${questions(this.currentDefinition()).findIndex((a) => attrField(a.code) === field)}`;
  }

  // --- Moving between steps ---------------------------------------------------------------------------------------

  /** The later steps' chunk, fetched when the resident first moves on. */
  loadSteps(): Promise<ReportSteps | undefined> {
    // Asked for twice (fetched when idle, and Continue pressed meanwhile): fetched once.
    if (this.steps?.state !== 'failed' && this.stepsLoad) return this.stepsLoad;
    return (this.stepsLoad = track(this.options.loadSteps, (load) => {
      this.steps = load;
      if (load.state === 'ready') {
        load.value.attach(this);
        this.prepare();
      }
      this.changed();
    }));
  }

  /** Shows a step (the later ones once their chunk is here); false when it could not be loaded. */
  async goTo(step: Step): Promise<boolean> {
    if (step !== 'what' && !(await this.loadSteps())) return false;
    this.restored = false; // said once is enough
    this.set({ step });
    return true;
  }

  /** Continue (or, on the last step, Send): goes on when the step is complete, else says what to mend. */
  async continue(): Promise<Outcome> {
    // The checks need the chosen category's questions: while they reload (another language), wait for them, else
    // a required question would go unchecked and unsent.
    while (this.definition.state == 'loading')
      await new Promise((r) => {
        const off = this.subscribe(() => (off(), r(0)));
      });
    if (this.submitting) return { kind: 'busy' };
    const step = this.draft.step;
    this.attempted = new Set([...this.attempted, step]);
    const errors = this.stepErrors(step);
    if (errors.length) {
      // On the last step, a problem left on an earlier one takes the resident there.
      const first = stepOf(errors[0]!.field);
      if (step === 'review' && first !== 'review') {
        this.attempted = new Set([...this.attempted, first]);
        await this.goTo(first);
      }
      this.changed();
      return { kind: 'invalid', step: this.draft.step };
    }
    if (step === 'review') return this.send();
    const order = stepsOf(this.draft);
    return (await this.goTo(order[order.indexOf(step) + 1]!)) ? { kind: 'moved' } : { kind: 'not-sent' };
  }

  /** The step before; from the place, when the resident started there, the first screen (category first again). */
  back(): Promise<boolean> {
    const order = stepsOf(this.draft);
    const i = order.indexOf(this.draft.step);
    if (i < 1) this.set({ start: 'what' });
    return this.goTo(i < 1 ? 'what' : order[i - 1]!);
  }

  /**
   * "Start with the location" (issue #13 §7): the place first, then the category. With a photo ("Start with a
   * photo"), the location step adds it to the report and puts the pin where it was taken.
   */
  startWhere(photo?: File): Promise<boolean> {
    this.firstPhoto = photo;
    this.set({ start: 'where' });
    return this.goTo('where');
  }

  /** One POST per press: `submitting` is set before any await, so a second press does nothing. */
  private async send(): Promise<Outcome> {
    if (Date.now() < this.resendAt) return { kind: 'busy' };
    this.submitting = true;
    this.submitError = undefined;
    this.changed();
    try {
      const later = await this.loadSteps();
      if (!later) return { kind: 'not-sent' };
      const result = await later.send(this, this.abort.signal);
      this.result = result;
      clearDraft(this.storageKey);
      this.options.onSubmitted?.(result, this.draft.serviceCode);
      return { kind: 'sent', result };
    } catch (error) {
      this.submitError = error;
      return { kind: 'not-sent' };
    } finally {
      this.submitting = false;
      this.changed();
    }
  }

  // --- Starting again ---------------------------------------------------------------------------------------------

  /** "Start again": the kept report goes, from the tab's storage too. */
  discard(): void {
    clearDraft(this.storageKey);
    this.draft = emptyDraft();
    this.definition = ready(undefined);
    this.attempted = new Set();
    this.touched = new Set();
    this.restored = false;
    this.changed();
  }
}
