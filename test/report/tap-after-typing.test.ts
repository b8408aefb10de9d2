/**
 * A phone's tap on Continue right after typing a wrong value (issue #13 §5): leaving the field used to show its
 * message at once, which pushed Continue down under the finger, and the tap was lost. The tap must reach Continue
 * (here: its error summary appears), and the field's message still shows.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { MOCK_BASE, useMockBackend } from '../helpers/mock-backend';
import { getByRole, queryAllByRole, regionText, waitFor } from '../helpers/dom';
import { pickCategory, toDetails } from '../helpers/report';

describe('a tap on Continue that also leaves a field with a wrong value', () => {
  beforeEach(() => sessionStorage.clear());

  it('reaches Continue; the field says what is wrong too', async () => {
    await useMockBackend();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE}></citizen-portal>`);
    await pickCategory(el, 'Graffiti on Public Property');
    await toDetails(el);
    const email = getByRole<HTMLInputElement>(el, 'textbox', 'Email');
    email.focus();
    await sendKeys({ type: 'ana@' });
    const button = getByRole(el, 'button', 'Continue');
    button.scrollIntoView({ block: 'center' });
    const box = button.getBoundingClientRect();
    const at: [number, number] = [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
    await sendMouse({ type: 'move', position: at });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'up' });
    await waitFor(() => regionText(el, 'alert').includes('There is a problem'), 'the error summary (the tap counted)');
    await waitFor(
      () => queryAllByRole(el, 'link').some((l) => /email address like/.test(l.textContent ?? '')),
      "the email's problem in the summary",
    );
    expect(email.getAttribute('aria-invalid')).to.equal('true');
  });
});
