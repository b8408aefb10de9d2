/**
 * A gateway that wants a CAPTCHA says so in its discovery answer (`gateway.captcha`: provider and site key); the
 * widget then shows the provider's check on "Check and send", sends its answer as `captcha_token`, never sends
 * without one, and asks for a new one after each Send (an answer is good once). The provider's script is served
 * here by msw at Turnstile's real address: a stand-in that draws a button and answers when it is pressed. The
 * gateway's side (siteverify) is tested in gateway/test/abuse.test.mjs, the whole path in test/e2e/gateway.test.mjs.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { MOCK_BASE, useMockBackend, type MockBackend } from '../helpers/mock-backend';
import { deepActiveElement, getByRole, queryAllByRole, regionText, waitFor } from '../helpers/dom';
import { fillReport } from '../helpers/report';

const SCRIPTS = {
  turnstile: 'https://challenges.cloudflare.com/turnstile/v0/api.js',
  hcaptcha: 'https://js.hcaptcha.com/1/api.js',
};
type Provider = keyof typeof SCRIPTS;
/**
 * A stand-in for a provider's script: each render draws "I am a person", whose press answers
 * `answer-<render>-<resets>`. (A page loads a provider's script once: each test that needs it fresh uses the other.)
 */
const fake = (provider: Provider) => `window.${provider} = {
  renders: [], resets: 0,
  render(el, o) {
    const n = this.renders.length + 1;
    const b = document.createElement('button');
    b.type = 'button'; b.textContent = 'I am a person';
    b.addEventListener('click', () => o.callback('answer-' + n + '-' + this.resets));
    el.replaceChildren(b);
    this.renders.push({ el, sitekey: o.sitekey, language: o.language ?? o.hl, theme: o.theme });
    return 'w' + n;
  },
  reset() { this.resets++; },
  remove() {},
};`;

interface FakeTurnstile {
  renders: Array<{ el: HTMLElement; sitekey: string; language: string; theme: string }>;
  resets: number;
}
const turnstile = () => (globalThis as unknown as { turnstile?: FakeTurnstile }).turnstile;

function gatewayWithCaptcha(mock: MockBackend, script: () => Response, provider: Provider = 'turnstile') {
  mock.worker.use(
    http.get(`${MOCK_BASE}/discovery.json`, () =>
      HttpResponse.json({
        endpoints: [{ url: MOCK_BASE, formats: ['application/json'] }],
        gateway: { version: 1, captcha: { provider, siteKey: 'site-123' } },
      }),
    ),
    http.get(SCRIPTS[provider], script),
  );
}
const serveFake =
  (provider: Provider = 'turnstile') =>
  () =>
    new HttpResponse(fake(provider), { headers: { 'Content-Type': 'text/javascript' } });
const submit = (el: Element) => getByRole(el, 'button', 'Submit').click();
const posts = (mock: MockBackend) => mock.requests.filter((r) => r.method === 'POST');
const person = (el: Element) =>
  waitFor(() => el.querySelector<HTMLButtonElement>('[slot="captcha"] button'), 'the check');

describe('a gateway that wants a CAPTCHA', () => {
  beforeEach(() => {
    sessionStorage.clear();
  });

  it("shows the provider's check on Check and send, refuses to send without it, and sends its answer once", async () => {
    const mock = await useMockBackend();
    gatewayWithCaptcha(mock, serveFake());
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE}></citizen-portal>`);
    await fillReport(el, { category: 'Graffiti on Public Property', address: '9 Canal St', description: 'Tags' });

    const group = await waitFor(() => queryAllByRole(el, 'group', 'Check that you are a person')[0], 'the group');
    const button = await person(el);
    // Drawn in the page's own DOM (the providers' scripts do not work in shadow roots), as a child of the element.
    expect(button.closest('[slot="captcha"]')!.parentElement).to.equal(el);
    expect(turnstile()!.renders.at(-1)).to.include({ sitekey: 'site-123', language: 'en', theme: 'light' });

    submit(el);
    await waitFor(() => regionText(el, 'alert').includes('Complete the check that you are a person.'), 'the error');
    getByRole(el, 'link', 'Complete the check that you are a person.').click();
    expect(deepActiveElement()).to.equal(group);
    expect(posts(mock)).to.have.length(0);

    const answer = `answer-${turnstile()!.renders.length}-${turnstile()!.resets}`;
    button.click();
    submit(el);
    await waitFor(() => regionText(el, 'status').match(/reference number is/), 'the confirmation');
    expect(posts(mock)).to.have.length(1);
    const body = new URLSearchParams(await posts(mock)[0]!.clone().text());
    expect(body.get('captcha_token')).to.equal(answer);
  });

  it('after a Send that failed, asks for a new answer before the next', async () => {
    const mock = await useMockBackend();
    gatewayWithCaptcha(mock, serveFake());
    let fail = true;
    mock.worker.use(
      http.post(`${MOCK_BASE}/requests.json`, () =>
        fail ? HttpResponse.json([{ code: 500, description: 'Down' }], { status: 500 }) : undefined,
      ),
    );
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE}></citizen-portal>`);
    await fillReport(el, { category: 'Graffiti on Public Property', address: '9 Canal St', description: 'Tags' });
    (await person(el)).click();
    const resets = turnstile()!.resets;
    submit(el);
    await waitFor(() => regionText(el, 'alert').includes('Your report was not sent.'), 'the failure');
    await waitFor(() => turnstile()!.resets === resets + 1, 'the check reset');

    fail = false;
    submit(el);
    await waitFor(() => regionText(el, 'alert').includes('Complete the check that you are a person.'), 'asked again');
    (await person(el)).click();
    submit(el);
    await waitFor(() => regionText(el, 'status').match(/reference number is/), 'the confirmation');
    const sent = posts(mock).map((r) => r.clone().text());
    const tokens = (await Promise.all(sent)).map((b) => new URLSearchParams(b).get('captcha_token'));
    expect(tokens).to.have.length(2);
    expect(tokens[0]).to.match(/^answer-/);
    expect(tokens[1], 'a new answer')
      .to.match(/^answer-/)
      .and.not.equal(tokens[0]);
  });

  it("says so, with Try again, when the provider's script cannot be loaded; and works once it can", async () => {
    const mock = await useMockBackend();
    let reachable = false;
    const serve = serveFake('hcaptcha');
    gatewayWithCaptcha(mock, () => (reachable ? serve() : HttpResponse.error()), 'hcaptcha');
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE}></citizen-portal>`);
    await fillReport(el, { category: 'Graffiti on Public Property', address: '9 Canal St', description: 'Tags' });
    await waitFor(
      () => getByRole(el, 'group', 'Check that you are a person').textContent!.includes('could not be loaded'),
      'the failure',
    );
    submit(el);
    await waitFor(() => regionText(el, 'alert').includes('Complete the check'), 'not sent without it');
    expect(posts(mock)).to.have.length(0);

    reachable = true;
    getByRole(el, 'button', 'Try again').click();
    (await person(el)).click();
    submit(el);
    await waitFor(() => regionText(el, 'status').match(/reference number is/), 'the confirmation');
    expect(posts(mock)).to.have.length(1);
  });

  it('shows nothing of the kind for a server whose discovery names no CAPTCHA', async () => {
    const mock = await useMockBackend();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${MOCK_BASE}></citizen-portal>`);
    await fillReport(el, { category: 'Graffiti on Public Property', address: '9 Canal St', description: 'Tags' });
    submit(el);
    await waitFor(() => regionText(el, 'status').match(/reference number is/), 'the confirmation');
    expect(queryAllByRole(el, 'group', 'Check that you are a person')).to.have.length(0);
    expect(new URLSearchParams(await posts(mock)[0]!.clone().text()).has('captcha_token')).to.equal(false);
    expect(
      mock.requests.some((r) => r.url.endsWith('/discovery.json')),
      'the widget asked',
    ).to.equal(true);
  });
});
