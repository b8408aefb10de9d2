/**
 * Styles shared by the portal's elements. The host page's CSS cannot reach inside our shadow roots, but
 * inherited properties (line-height, letter-spacing, text-transform …) can: `all: initial` on the host stops
 * them, then we inherit only the font family and colour so the widget looks native on the city's site.
 * Constructable stylesheets (lit's `css`) need no 'unsafe-inline' in the page's Content-Security-Policy.
 */
import { css } from 'lit';

export const baseStyles = css`
  :host {
    all: initial;
    display: block;
    font-family: inherit;
    font-size: inherit;
    color: inherit;
    line-height: 1.5;
    /* Light or dark as the page is (its color-scheme), unless theme= says; light-dark() picks by that. */
    color-scheme: inherit;
    --_accent: var(--cp-accent, light-dark(#0b5cad, #8ab4f8));
    --_on-accent: var(--cp-on-accent, light-dark(#fff, #0b1b33));
    --_danger: var(--cp-danger, light-dark(#b3261e, #ffb4ab));
    --_border: var(--cp-border, light-dark(#6b7280, #9ca3af));
    --_muted: var(--cp-muted, light-dark(#4b5563, #c4c9d1));
    --_field: var(--cp-input-background, Field);
    --_field-text: var(--cp-input-color, FieldText);
    --_surface: var(--cp-surface, transparent);
    --_radius: var(--cp-radius, 6px);
    /* Density: 1 is roomy (phones); 0.75 is compact. Touch targets never go below 24px (WCAG 2.2). */
    --_density: var(--cp-density, 1);
    --_gap: var(--cp-gap, calc(1rem * var(--_density)));
    --_focus: var(--cp-focus-ring, 3px solid #f59e0b);
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([theme='auto']) {
    color-scheme: light dark;
  }
  /* A theme of its own: the widget paints its own surface, so it reads on any page. */
  :host([theme]) {
    background: var(--cp-surface, Canvas);
    color: CanvasText;
    padding: var(--_gap);
    border-radius: var(--_radius);
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h2,
  h3 {
    margin: 0 0 0.5rem;
    line-height: 1.25;
  }
  h2 {
    font-size: 1.25em;
  }
  h3 {
    font-size: 1.1em;
  }
  p {
    margin: 0 0 0.5rem;
  }
  .field {
    margin: 0 0 var(--_gap);
  }
  /* Labels, legends and buttons in the text's own weight, as GOV.UK's are: the first screen's only bold is its
     heading. A semibold face at the text's size was one more font lookup in its first layout (issue #14). */
  label,
  legend {
    display: block;
    margin: 0 0 0.25rem;
    padding: 0;
  }
  /* Hints in the text's own size (as GOV.UK's are), told apart by colour: one font size fewer on the first screen,
     and each size of a face costs the first layout a font lookup (about 5 ms at 4x CPU, issue #14). */
  .hint {
    color: var(--_muted);
    margin: 0 0 0.25rem;
  }
  input:not([type='radio']):not([type='checkbox']),
  select,
  textarea {
    display: block;
    width: 100%;
    max-width: 36rem;
    font: inherit;
    background: var(--_field);
    color: var(--_field-text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(0.5rem * var(--_density)) 0.6rem;
    min-height: max(1.5rem, calc(2.5rem * var(--_density)));
    margin: 0;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
    border-width: 2px !important;
  }
  /* label.button: a file input's visible face (the input itself is visually hidden inside it). */
  button,
  label.button {
    all: unset;
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4rem;
    min-height: max(1.5rem, calc(2.75rem * var(--_density)));
    padding: calc(0.5rem * var(--_density)) 1.1rem;
    border-radius: var(--_radius);
    font: inherit;
    cursor: pointer;
    background: var(--_accent);
    color: var(--_on-accent);
    border: 2px solid var(--_accent);
    text-align: center;
  }
  button.secondary,
  label.button {
    background: transparent;
    color: var(--_accent);
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  :focus-visible,
  a:focus,
  label.button:focus-within {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: var(--_accent);
  }
  .error-message {
    color: var(--_danger);
    font-weight: 600;
    margin: 0 0 0.25rem;
  }
  .panel {
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_gap);
    margin: 0 0 var(--_gap);
    background: var(--_surface);
  }
  .panel.error {
    border-color: var(--_danger);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-top: var(--_gap);
  }
  .step-count {
    display: block;
    font-size: 0.8em;
    font-weight: 400;
    color: var(--_muted);
  }
  #step-title:focus {
    outline: none;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  @media (prefers-reduced-motion: no-preference) {
    button {
      transition: background-color 0.15s;
    }
  }
  @media (forced-colors: active) {
    button {
      border: 2px solid ButtonText;
    }
  }
`;
