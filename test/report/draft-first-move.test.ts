/**
 * A report kept in the tab, on a page opened by a link, when the resident comes to the form before the browser was
 * idle (a busy page can put that off for seconds): it is looked for at their first move, before they type, and they
 * stay on the step they are on, with the kept report filled in. A jump to the kept step would take away the field
 * they are in (see draft-after-first-screen.test.ts for the report found when idle).
 *
 * The test needs a page whose widget has not touched sessionStorage yet: it is alone in its file.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { draftLikely } from '../../src/storage/draft-store';
import { MOCK_BASE, MOCK_DRAFT_KEY, useMockBackend } from '../helpers/mock-backend';
import { deepActiveElement, regionText, waitFor } from '../helpers/dom';
import { categoryInput, stepTitle } from '../helpers/report';

describe('a report kept in the tab, found at the resident’s first move', () => {
  const idle = globalThis.requestIdleCallback;
  afterEach(() => (globalThis.requestIdleCallback = idle));

  it('fills the form in when the resident comes to it, and leaves them on their step, in their field', async () => {
    expect(draftLikely(), 'a fresh page, opened by a link, whose widget has not used the tab’s storage').to.equal(
      false,
    );
    await useMockBackend();
    sessionStorage.setItem(
      MOCK_DRAFT_KEY,
      JSON.stringify({ step: 'details', serviceCode: 'GRAFFITI_PUBLIC', description: 'Tags on the bridge' }),
    );
    // A busy page: the browser is not idle before the resident comes.
    globalThis.requestIdleCallback = () => 0;

    const el = await mount();
    const input = await categoryInput(el);
    // The resident's window has focus (else the browser sends no focus events: a page behind others in a suite).
    await executeServerCommand('bring-to-front');
    expect(document.hasFocus(), 'the page in front').to.equal(true);
    expect(input.value, 'nothing kept shown before the resident comes').to.equal('');
    input.focus();
    await waitFor(() => /Graffiti/.test(input.value), 'the kept category');
    await waitFor(() => /We kept the report you started/.test(regionText(el, 'status')), 'said');
    expect(stepTitle(el)).to.match(/Step 1 of 4/);
    expect(deepActiveElement() === input, 'still in the category field').to.equal(true);
  });
});

const mount = () => fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE}></citizen-portal>`);
