/**
 * Styles only the later steps and the status view use (fieldsets, radio buttons and checkboxes, text areas,
 * rows, definition lists, the confirmation): they come with those chunks, not the first screen.
 */
import { css } from 'lit';

export const formControlStyles = css`
  fieldset {
    border: 0;
    margin: 0 0 var(--_gap);
    padding: 0;
    min-width: 0;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin: 0.25rem 0;
  }
  .choice label {
    margin: 0;
  }
  input[type='radio'],
  input[type='checkbox'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  textarea {
    min-height: 7rem;
    resize: vertical;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_gap);
  }
  .row > .field {
    flex: 1 1 10rem;
  }
  .panel.success {
    border-color: light-dark(#15803d, #4ade80);
  }
  .reference {
    font-size: 1.5em;
    font-weight: 700;
    letter-spacing: 0.05em;
    overflow-wrap: anywhere;
  }
  dl {
    display: grid;
    grid-template-columns: minmax(7rem, max-content) 1fr;
    gap: 0.25rem 1rem;
    margin: 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;
