/** Styles only the later steps use: they come with their chunk. */
import { css } from 'lit';

export const stepStyles = css`
  .thumbs {
    list-style: none;
    padding: 0;
    margin: 0 0 0.5rem;
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
  .thumbs li {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    max-width: 10rem;
  }
  .thumbs img {
    width: 6rem;
    height: 6rem;
    object-fit: cover;
    border-radius: var(--_radius);
  }
  button.link {
    background: none;
    border: 0;
    padding: 0.25rem 0;
    min-height: 1.5rem;
    color: var(--_accent);
    text-decoration: underline;
  }
  /* One row per answer: the question, the answer under it, "Change" beside them; fits a 320 px phone. */
  dl.review {
    display: block;
    margin: 0 0 var(--_gap);
    border-top: 1px solid var(--_border);
  }
  .review-row {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.25rem 1rem;
    padding: 0.5rem 0;
    border-bottom: 1px solid var(--_border);
  }
  .places {
    list-style: none;
    margin: 0.25rem 0 0;
    padding: 0.25rem 0;
    max-width: 36rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .places li {
    padding: 0.5rem 0.75rem;
    cursor: pointer;
  }
  .places li[data-active] {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .nearby {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .nearby li {
    padding: 0.5rem 0;
    border-top: 1px solid var(--_border);
  }
  .map-frame {
    position: relative;
    max-width: 48rem;
    margin-bottom: 0.5rem;
  }
  .crosshair {
    position: absolute;
    inset-block-start: 50%;
    inset-inline-start: 50%;
    width: 2rem;
    height: 2rem;
    margin: -1rem;
    pointer-events: none;
    background:
      linear-gradient(#111, #111) center / 2px 100% no-repeat,
      linear-gradient(#111, #111) center / 100% 2px no-repeat;
    filter: drop-shadow(0 0 1px #fff) drop-shadow(0 0 1px #fff);
  }
  .map {
    height: clamp(16rem, 50vh, 26rem);
    max-width: 48rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .review-row > dd:last-child {
    grid-column: 2;
    grid-row: 1 / span 2;
  }
`;
