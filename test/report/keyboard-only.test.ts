/**
 * The whole flow by keyboard alone (real key presses through Chromium's input pipeline): tabs, the category,
 * the questions, location, description, Submit; then the status view by arrow keys on the tabs.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { useMockBackend } from '../helpers/mock-backend';
import { accessibleName, deepActiveElement, getByRole, regionText, waitFor } from '../helpers/dom';

/** Presses Tab until the focused control has this name (and role, if given); fails after 40 presses. */
async function tabTo(name: string | RegExp, role?: string): Promise<Element> {
  for (let i = 0; i < 40; i++) {
    await sendKeys({ press: 'Tab' });
    const el = deepActiveElement();
    const n = el ? accessibleName(el) : '';
    const nameOk = typeof name === 'string' ? n === name : name.test(n);
    const roleOk =
      !role || el?.getAttribute('role') === role || el?.localName === role || (el as HTMLInputElement)?.type === role;
    if (el && nameOk && roleOk) return el;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

describe('keyboard only', () => {
  it('files a report without a mouse', async () => {
    const mock = await useMockBackend();
    sessionStorage.clear();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint="/open311/v2"></citizen-portal>`);
    await waitFor(() => getByRole(el, 'combobox', 'Category'), 'categories');
    (document.activeElement as HTMLElement | null)?.blur();

    await tabTo('Report a problem');
    const category = (await tabTo('Category')) as HTMLInputElement;
    await sendKeys({ type: 'streetli' });
    await waitFor(() => category.getAttribute('aria-expanded') === 'true', 'the list of matches');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' }); // chooses the option; does not go on yet
    await waitFor(() => category.value === 'Streetlight Out', 'the category chosen by keyboard');
    expect(accessibleName(deepActiveElement()!)).to.equal('Category');

    await tabTo('Continue');
    await sendKeys({ press: 'Enter' });
    // Each new step puts focus on its heading, so the next Tab goes into that step.
    await waitFor(() => /Location/.test(accessibleName(deepActiveElement()!)), 'focus on the location step');
    await tabTo('Address or place');
    await sendKeys({ type: '12 Elm Street' });
    await sendKeys({ press: 'Enter' }); // Enter in a field goes on, as in any form
    await waitFor(() => /Details and contact/.test(accessibleName(deepActiveElement()!)), 'the details step');
    // The category's questions come first on this step.
    await waitFor(() => getByRole(el, 'textbox', /What is the pole number/), 'the questions');
    await tabTo(/What is the pole number/);
    await sendKeys({ type: 'DC-1' });
    await tabTo('Light is out', 'radio');
    await sendKeys({ press: 'Space' });
    await tabTo('Description');
    await sendKeys({ type: 'Dark all night' });
    await tabTo('Continue');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => /Check and send/.test(accessibleName(deepActiveElement()!)), 'the last step');
    await tabTo('Submit');
    await sendKeys({ press: 'Enter' });

    await waitFor(() => /reference number is/.test(regionText(el, 'status')), 'the confirmation');
    const body = new URLSearchParams(
      await mock.requests
        .find((r) => r.method === 'POST')!
        .clone()
        .text(),
    );
    expect(body.get('attribute[POLE_NUMBER]')).to.equal('DC-1');
    expect(body.get('attribute[PROBLEM]')).to.equal('out');
    expect(body.get('description')).to.equal('Dark all night');
    // Focus moved to the confirmation, so a screen reader reads it at once.
    expect(accessibleName(deepActiveElement()!)).to.equal('Thank you, your report was sent');
  });

  it('moves between the tabs with the arrow keys', async () => {
    await useMockBackend();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint="/open311/v2"></citizen-portal>`);
    await waitFor(() => getByRole(el, 'tab', 'Report a problem'), 'the tabs');
    getByRole(el, 'tab', 'Report a problem').focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitFor(() => accessibleName(deepActiveElement()!) === 'Check status', 'focus on the second tab');
    expect(getByRole(el, 'tab', 'Check status').getAttribute('aria-selected')).to.equal('true');
    await tabTo('Reference number');
    await sendKeys({ type: '101' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => regionText(el, 'status').includes('Request 101'), 'the status card');
  });
});
