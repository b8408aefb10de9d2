/**
 * The "Category" combobox (ARIA 1.2 combobox with a listbox popup, list autocomplete): type words, a sentence, or
 * browse with the arrow keys. A Lit reactive controller that renders into its host's shadow root, so the label,
 * the input, the listbox, the error message and aria-activedescendant all share one root (ARIA ids cannot cross
 * shadow roots).
 *
 * The popup is a `popover` (top layer: no overflow of the city's page can clip it), placed below the input, or
 * above when there is no room, and as tall as the space allows. Browsers with CSS anchor positioning do that with
 * no script; others load @floating-ui/dom, in a chunk of its own, the first time the list opens.
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Service } from '../backend/types';
import { loadMessages, moreWords, type Messages } from '../i18n';
import type { SearchHit } from '../search';
import { whenIdle } from './idle';

/**
 * The search (issue #14) is a chunk of its own: browsing the list needs none of it, so the first screen does not
 * carry it; it is fetched, and the city's catalogue indexed, when the browser is idle after the categories arrive,
 * so the first keystroke finds the index built (building 5,000 categories' index took 750 ms at 4x CPU).
 */
let search: typeof import('../search') | undefined;
let searchLoad: Promise<unknown> | undefined;
/**
 * The search, then the lexicon of the resident's language (issue #13: "bache" finds "Pothole"), theirs only, and
 * the words it speaks ("3 categories found"), which are the later words: not the first screen's.
 */
const loadSearch = (lang: string) =>
  (searchLoad ??= import('../search').then(
    (m) => (search = m),
    () => (searchLoad = undefined), // offline: asked again with the next keystroke
  )).then(() => Promise.all([search?.loadLexicon(lang), loadMessages(lang, true)]));

/** Enough to browse; beyond that the resident types to narrow down (5,000-service catalogues exist). */
const MAX_SHOWN = 100;

export const pickerStyles = css`
  /* Two lines kept for the hint in every language, so the first screen has the same box while its words arrive
     (laid out in English meanwhile): nothing on the host page moves when they come. */
  #category-hint {
    min-height: 3em;
  }
  .combo {
    position: relative;
    max-width: 36rem;
  }
  #category {
    anchor-name: --cp-category;
    padding-inline-end: 2.75rem;
  }
  .combo .toggle {
    position: absolute;
    inset-block: 1px;
    inset-inline-end: 1px;
    min-height: 0;
    padding: 0 0.75rem;
    background: transparent;
    color: inherit;
    border: 0;
  }
  .toggle::after {
    content: '';
    border: solid currentColor;
    border-width: 0 2px 2px 0;
    padding: 0.2rem;
    transform: translateY(-25%) rotate(45deg);
  }
  [role='listbox'] {
    position-anchor: --cp-category;
    position-area: block-end span-inline-end;
    position-try-fallbacks: flip-block;
    width: anchor-size(width);
    max-height: min(22rem, 100% - 4px); /* its 2px margins stay inside the room it has */
    inset: auto;
    margin: 2px 0;
    padding: 0.25rem 0;
    overflow: auto;
    box-sizing: border-box;
    background: var(--_field);
    color: var(--_field-text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 6px 18px rgb(0 0 0 / 0.18);
    font: inherit;
    line-height: 1.4;
  }
  .group-label {
    padding: 0.5rem 0.75rem 0.25rem;
    font-size: 0.85em;
    font-weight: 700;
    color: var(--_muted);
  }
  /* floating-ui places it where CSS anchor positioning is missing (or when tests ask for it). */
  [role='listbox'].floating {
    position-area: none;
    position-try-fallbacks: none;
  }
  [role='option'] {
    padding: calc(0.5rem * var(--_density)) 0.75rem;
    cursor: pointer;
    min-height: 1.5rem;
    content-visibility: auto;
    contain-intrinsic-size: auto 2.5rem;
  }
  [role='option'][data-active] {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  [role='option'] .in-group {
    font-size: 0.85em;
    opacity: 0.8;
  }
  mark {
    background: none;
    color: inherit;
    font-weight: 700;
    text-decoration: underline;
  }
  @media (forced-colors: active) {
    [role='option'][data-active] {
      outline: 2px solid Highlight;
    }
  }
`;

interface Row {
  service: Service;
  hit?: SearchHit<Service>;
}
interface Section {
  label?: string;
  rows: Row[];
}

/** The browser places the popup itself (CSS anchor positioning), or floating-ui does. */
const nativeAnchors = () => globalThis.CSS?.supports?.('position-area: block-end') ?? false;

export class CategoryPicker implements ReactiveController {
  /** Text in the input. */
  query = '';
  open = false;
  /** Index into the flat list of shown options. */
  active = -1;
  /** The list was asked for before the categories arrived. */
  private waiting = false;
  private sections: Section[] = [];
  /** How many of their rows are rendered (see show()). */
  private limit = MAX_SHOWN;
  /** The list and the code selectedName() last looked up, and the name it found. */
  private named: [list?: unknown, code?: string, name?: string] = [];
  private stopPositioning: (() => void) | undefined;
  /** For tests and for browsers without anchor positioning (undefined: asked of the browser at the first opening). */
  static useFloatingUi: boolean | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: {
      services: () => readonly Service[];
      selected: () => string;
      synonyms: () => Record<string, readonly string[]> | undefined;
      messages: () => Messages;
      /** The language of the city's words (its names and groups) where it is not the resident's: their `lang`. */
      lang: () => string | undefined;
      /** The resident chose a service; `sentence` is what they typed when it was a description. */
      onSelect: (code: string, sentence?: string) => void;
    },
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stopPositioning?.();
  }

  private get root(): ShadowRoot {
    return this.host.shadowRoot!;
  }

  private get listbox(): HTMLElement | null {
    return this.root.querySelector('#category-list');
  }

  /**
   * Fetches the search and indexes the list while the browser is idle, before the resident types (see
   * ../search/kept.ts).
   */
  private prepareSearch(): void {
    const lang = this.options.messages().lang;
    if (this.options.services().length)
      whenIdle(
        () =>
          void loadSearch(lang).then(() =>
            search?.prepareIndex(this.options.services(), this.options.synonyms(), lang),
          ),
      );
  }

  /**
   * The name of the chosen service, shown in the input when the resident is not typing. Kept for its list and code:
   * it is asked for several times per keystroke, and finding it in 5,000 services took ~3 ms at 4x CPU (issue #14).
   */
  selectedName(): string {
    const list = this.options.services();
    const code = this.options.selected();
    const [l, c] = this.named;
    if (l !== list || c !== code)
      this.named = [list, code, list.find((s) => s.service_code === code)?.service_name ?? ''];
    return this.named[2]!;
  }

  /**
   * A new list (it arrived, or in another language): if the resident asked for the list before it came (typed,
   * clicked, pressed an arrow), it shows now.
   */
  refresh(): void {
    this.prepareSearch();
    if (this.waiting) void this.show();
  }

  /** Shows the selection in the input (after a choice, a restored draft, or leaving the field). */
  sync(): void {
    this.query = this.selectedName();
    this.host.requestUpdate();
  }

  /** The rows for what is typed; false when the search is not here yet (the list shows when it comes). */
  private compute(): boolean {
    const m = this.options.messages();
    const services = this.options.services();
    const query = this.query.trim();
    // The chosen service's own name, or nothing typed: browse everything, in the city's groups.
    if (!query || query === this.selectedName()) {
      const groups = new Map<string, Row[]>();
      for (const service of services.slice(0, MAX_SHOWN)) {
        const g = service.group ?? m.otherGroup;
        groups.set(g, [...(groups.get(g) ?? []), { service }]);
      }
      this.sections = [...groups].map(([label, rows]) => ({ label, rows }));
      return true;
    }
    // Nothing to search yet (the categories are on their way): the list shows when they come (see refresh()).
    if (!services.length) {
      this.sections = [];
      return true;
    }
    const words = moreWords[m.lang];
    const index = words && search?.indexFor(services, this.options.synonyms(), m.lang);
    if (!index) {
      // The search, its lexicon or the resident's words are on their way, or the list is being indexed a slice at a
      // time (never all at once in a keystroke): the list shows when they are here.
      this.sections = [];
      const ready = words && search && search.lexiconFor(m.lang) !== undefined;
      void (ready ? search!.prepareIndex(services, this.options.synonyms(), m.lang) : loadSearch(m.lang)).then(() =>
        this.refresh(),
      );
      return false;
    }
    const hits = index.search(query, MAX_SHOWN);
    if (hits.length) {
      this.sections = [{ rows: hits.map((hit) => ({ service: hit.item, hit })) }];
      return true;
    }
    // No category has all those words: read it as a description of the problem instead.
    const suggested = index.suggest(query, 5);
    this.sections = suggested.length
      ? [{ label: words.suggestionsFor, rows: suggested.map((hit) => ({ service: hit.item, hit })) }]
      : [];
    return true;
  }

  private rows(): Row[] {
    return this.sections.flatMap((s) => s.rows);
  }

  /** Computes the rows and opens the list; `moving` through the same rows (arrow keys) keeps those rendered. */
  private async show(moving?: boolean): Promise<void> {
    this.waiting = !this.compute() || this.options.services().length === 0;
    this.open = this.rows().length > 0;
    if (this.active >= this.rows().length) this.active = -1;
    // The rows the list shows (about 9) come with the keystroke, the rest 5 at a time while the browser is idle,
    // laid out then too (else the next keystroke would): 100 new rows took a keystroke past 50 ms at 4x CPU (issue
    // #14). An arrow key that moves further renders that far at once.
    this.limit = Math.max(this.active + 13, moving ? this.limit : 0);
    const sections = this.sections;
    const more = () =>
      whenIdle(async () => {
        if (sections == this.sections && this.limit < this.rows().length) {
          this.limit += 5;
          this.host.requestUpdate();
          await (this.host as unknown as { updateComplete: Promise<unknown> }).updateComplete;
          void this.listbox?.offsetHeight;
          more();
        }
      });
    more();
    this.host.requestUpdate();
    await (this.host as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const list = this.listbox;
    if (!list) return;
    if (this.open && !list.matches(':popover-open')) {
      list.showPopover();
      if ((CategoryPicker.useFloatingUi ??= !nativeAnchors())) await this.placeWithFloatingUi(list);
    } else if (!this.open && list.matches(':popover-open')) {
      // Closed while the search loads, it opens again when the search comes (hide() would forget that it should).
      const { waiting } = this;
      this.hide();
      this.waiting = waiting;
    }
    list.querySelector('[data-active]')?.scrollIntoView({ block: 'nearest' });
  }

  private hide(): void {
    this.open = this.waiting = false;
    this.active = -1;
    this.stopPositioning?.();
    this.stopPositioning = undefined;
    const list = this.listbox;
    if (list?.matches(':popover-open')) list.hidePopover();
    list?.style.removeProperty('top'); // where floating-ui placed it: stale by the next opening
    this.host.requestUpdate();
  }

  /** Where CSS anchor positioning is missing: floating-ui, from a chunk of its own (./floating-place). */
  private async placeWithFloatingUi(list: HTMLElement): Promise<void> {
    list.classList.add('floating');
    const { place } = await import('./floating-place');
    this.stopPositioning?.();
    this.stopPositioning = place(this.root.querySelector<HTMLElement>('#category')!, list);
  }

  private choose(row: Row | undefined): void {
    if (!row) return;
    const sentence =
      this.sections[0]?.label === moreWords[this.options.messages().lang]?.suggestionsFor ? this.query : undefined;
    this.hide();
    this.options.onSelect(row.service.service_code, sentence);
    this.sync();
  }

  // Arrow functions: lit calls listeners with the host element as `this`.
  private handleInput = (e: Event): void => {
    this.query = (e.target as HTMLInputElement).value;
    this.active = -1;
    void this.show();
  };

  private handleKey = (e: KeyboardEvent): void => {
    const count = this.rows().length;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        if (!this.open || e.altKey) {
          void this.show();
          return;
        }
        const step = e.key === 'ArrowDown' ? 1 : -1;
        this.active = this.active < 0 && step < 0 ? count - 1 : (this.active + step + count) % count;
        void this.show(true);
        return;
      }
      case 'Enter':
        if (this.open && this.active >= 0) {
          e.preventDefault(); // choosing is not submitting the step
          this.choose(this.rows()[this.active]);
        }
        return;
      case 'Escape':
        if (this.open) {
          e.preventDefault();
          this.hide();
        } else if (this.query) {
          this.query = '';
          this.host.requestUpdate();
        }
        return;
      case 'Tab':
        if (this.open && this.active >= 0) this.choose(this.rows()[this.active]);
        return;
    }
  };

  /** Leaving the field: an exact name counts as a choice; anything else shows the current choice again. */
  private handleBlur = (e: FocusEvent): void => {
    if (e.relatedTarget && this.listbox?.contains(e.relatedTarget as Node)) return;
    const typed = this.query.trim().toLowerCase();
    const exact = this.options.services().find((s) => s.service_name.toLowerCase() === typed);
    this.hide();
    if (exact && exact.service_code !== this.options.selected()) this.options.onSelect(exact.service_code);
    this.sync();
  };

  private highlighted(row: Row): Array<string | TemplateResult> {
    const name = row.service.service_name;
    const parts: Array<string | TemplateResult> = [];
    let at = 0;
    for (const [start, end] of row.hit?.highlights ?? []) {
      if (start < at) continue;
      parts.push(name.slice(at, start), html`<mark>${name.slice(start, end)}</mark>`);
      at = end;
    }
    parts.push(name.slice(at));
    return parts;
  }

  render(a: { describedBy: unknown; invalid: unknown }): TemplateResult {
    const m = this.options.messages();
    let n = 0;
    const activeId = this.open && this.active >= 0 ? `option-${this.active}` : nothing;
    const shown = this.rows().length;
    const flat = this.sections.length === 1 && !this.sections[0]!.label;
    const words = moreWords[m.lang];
    const lang = this.options.lang() ?? nothing;
    return html`<div class="combo">
        <input
          id="category"
          role="combobox"
          data-field="serviceCode"
          autocomplete="off"
          autocapitalize="off"
          dir="auto"
          spellcheck="false"
          aria-autocomplete="list"
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-controls="category-list"
          aria-activedescendant=${activeId}
          aria-describedby=${a.describedBy}
          aria-invalid=${a.invalid}
          .value=${this.query}
          @input=${this.handleInput}
          @keydown=${this.handleKey}
          @blur=${this.handleBlur}
          @click=${() => !this.open && void this.show()}
        />
        <button
          type="button"
          class="toggle"
          tabindex="-1"
          aria-label=${m.showAllCategories}
          @mousedown=${(e: Event) => e.preventDefault()}
          @click=${() => {
            this.root.querySelector<HTMLElement>('#category')?.focus();
            if (this.open) this.hide();
            else void this.show();
          }}
        ></button>
      </div>
      <div id="category-list" role="listbox" popover="manual" aria-label=${m.category}>
        ${this.sections.map((section, s) => {
          const options = section.rows.slice(0, Math.max(0, this.limit - n)).map((row) => {
            const i = n++;
            return html`<div
              role="option"
              id="option-${i}"
              aria-selected=${row.service.service_code === this.options.selected() ? 'true' : 'false'}
              ?data-active=${i === this.active}
              @mousedown=${(e: Event) => e.preventDefault()}
              @click=${() => this.choose(row)}
            >
              <bdi lang=${lang}>${this.highlighted(row)}</bdi>${
                flat && row.service.group
                  ? html` <span class="in-group">— <bdi lang=${lang}>${row.service.group}</bdi></span>`
                  : nothing
              }
            </div>`;
          });
          return section.label && options.length
            ? html`<div role="group" aria-labelledby="group-${s}">
                <div
                  class="group-label"
                  id="group-${s}"
                  dir="auto"
                  lang=${section.rows[0]?.service.group === section.label ? lang : nothing}
                >
                  ${section.label}
                </div>
                ${options}
              </div>`
            : options;
        })}
      </div>
      <p class="visually-hidden" role="status">
        ${
          this.query && this.query !== this.selectedName() && !this.waiting && words
            ? shown
              ? words.categoriesFound(shown)
              : words.noCategoryFound
            : ''
        }
      </p>`;
  }
}
