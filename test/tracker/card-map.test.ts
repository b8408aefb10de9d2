/**
 * The small map in the tracker's card (issue #13 §4): a static picture of where the report is, with a description,
 * also when a link opened the page on the request (nothing else loaded the map chunk before). This file must not
 * load the map otherwise: the deep link is the first thing its page does with a map.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { useMockBackend } from '../helpers/mock-backend';
import { deepElements, getByRole, waitFor } from '../helpers/dom';

const BASE = '/open311/v2';

performance.setResourceTimingBufferSize(100_000);

describe('the card’s map', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('opened from a link: the map chunk loads for it, and the map is a described picture, not a control', async () => {
    await useMockBackend();
    sessionStorage.clear();
    localStorage.clear();
    expect(performance.getEntriesByType('resource').some((e) => /maplibre/.test(e.name))).to.equal(false);
    history.replaceState(null, '', '#cp-request=101');
    const el = await fixture<CitizenPortal>(
      html`<citizen-portal endpoint=${BASE} map-style="/demo/map/style.json"></citizen-portal>`,
    );
    const card = await waitFor(() => getByRole(el, 'heading', 'Request 101').closest('article'), 'the card');
    // A picture named and described by where the report is, in the resident's words.
    const picture = await waitFor(
      () => getByRole(card, 'img', 'Map of where the problem is'),
      'the map, loaded on demand',
      8000,
    );
    expect(picture.localName).to.equal('canvas');
    const root = picture.getRootNode() as ShadowRoot;
    const description = root.getElementById(picture.getAttribute('aria-describedby')!)!.textContent;
    expect(description).to.equal('A pin marks where the problem was reported: 1420 Maple Ridge Ave, Demo City.');
    // Nothing of the location step's: no reporting help, nothing to Tab to but the map data's credits.
    expect(card.textContent).not.to.contain('Click or tap the map');
    expect(description).not.to.contain('Enter');
    expect(picture.hasAttribute('tabindex')).to.equal(false);
    const focusable = [...deepElements(card.querySelector('#card-map')!)].filter(
      (n) => (n as HTMLElement).tabIndex >= 0 && n.localName !== 'a',
    );
    expect(focusable.map((n) => n.outerHTML.slice(0, 80))).to.deep.equal([]);
    // The pin is part of the picture (its description says where), not a second image or a draggable button.
    const pin = card.querySelector<HTMLElement>('.cp-pin')!;
    expect(pin.getAttribute('aria-hidden')).to.equal('true');
    expect(pin.getAttribute('role')).not.to.equal('button');

    // A click on the picture moves nothing.
    const before = pin.style.transform;
    const box = picture.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.left + 20), Math.round(box.top + 20)] });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    expect(pin.style.transform).to.equal(before);
    await expect(el).to.be.accessible();
  });
});
