/** The tracker's own styles (the card's map, photo and timeline, the badges, My requests): they come with its chunk. */
import { css } from 'lit';

export const statusViewStyles = css`
  .card-map {
    height: 12rem;
    max-width: 24rem;
    margin: 0 0 var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .photo {
    display: block;
    max-width: min(100%, 20rem);
    height: auto;
    margin: 0 0 var(--_gap);
    border-radius: var(--_radius);
  }
  .timeline {
    padding-inline-start: 1.25rem;
  }
  .timeline li {
    margin: 0 0 0.4rem;
  }
  .overdue,
  .badge {
    display: inline-block;
    padding: 0 0.4rem;
    border-radius: var(--_radius);
    font-size: 0.85em;
    font-weight: 700;
  }
  .overdue {
    color: var(--_on-accent);
    background: var(--_danger);
  }
  .badge {
    color: var(--_on-accent);
    background: var(--_accent);
  }
  .stale {
    font-style: italic;
  }
  .my-requests ul {
    list-style: none;
    padding: 0;
  }
  /* The request and its "×" stay one row at 320 px (issue #13): the request's text wraps inside its button. */
  .my-requests li {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin: 0 0 0.5rem;
  }
  .my-requests li > :first-child {
    flex: 1 1 auto;
    min-width: 0;
    text-align: start;
  }
  .my-requests li > :last-child {
    flex: none;
  }
`;
