/** The shell's own styles: the tabs and the language switcher (the first screen's). */
import { css } from 'lit';

export const portalStyles = css`
  /* The default focus ring, for every element inside (inherited): dark amber on light, light amber on dark, 3:1
     or more against any light or dark surface (WCAG 1.4.11; #f59e0b on white was 2.1:1). A page's own
     --cp-focus-ring on the element wins over this. */
  :host {
    --cp-focus-ring: 3px solid light-dark(#b45309, #fbbf24);
  }
  /* The first screen laid out before its words arrive: its box reserved, nothing shown. */
  .placeholder {
    visibility: hidden;
  }
  /* One row at 320 px in every language (issue #13): a long name wraps inside its tab, not the bar. */
  .tabs {
    display: flex;
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
    flex: 0 1 auto;
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
`;
