/**
 * The card shown instead of the form for a category another organisation handles (the `redirects` setting): their
 * message, link and phone. Rare, so it comes with the later steps' chunk (fetched as soon as such a category is
 * chosen), not with the first screen.
 *
 * @csspart redirect - the card
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../../i18n';
import { allWords } from '../../i18n/all-words';
import type { Redirect } from '../report-form';
import { baseStyles } from '../styles';

export class RedirectCard extends LitElement {
  static override styles = [baseStyles];

  static override properties = { redirect: { attribute: false }, messages: { attribute: false } };

  declare redirect: Redirect;
  declare messages: Messages;

  protected override render(): TemplateResult {
    const r = this.redirect;
    const m = allWords(this.messages);
    // Links only to web or phone addresses: a javascript: address from the configuration is never a link.
    return html`<div class="panel" role="status" part="redirect">
      <h3>${m.notHandledHere}</h3>
      <p>${r.message}</p>
      ${r.url && /^https?:\/\//.test(r.url) ? html`<p><a href=${r.url}>${r.linkText ?? r.url}</a></p>` : nothing}
      ${r.phone ? html`<p><a href="tel:${r.phone.replace(/[^\d+]/g, '')}">${m.call(r.phone)}</a></p>` : nothing}
    </div>`;
  }
}
