/**
 * The walking skeleton's user stories, driven by role and accessible name, with the msw Open311 backend as the
 * network (the same one the demo uses). Issue #2.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { useMockBackend } from '../helpers/mock-backend';
import { CategoryPicker } from '../../src/elements/category-picker';
import {
  accessibleName,
  deepActiveElement,
  deepElements,
  deepQuery,
  getByRole,
  queryAllByRole,
  regionText,
  type,
  waitFor,
} from '../helpers/dom';
import { categoryInput, fillReport, next, pickCategory, stepTitle, submitAndWait, toDetails } from '../helpers/report';

const BASE = '/open311/v2';

async function mount(
  attrs: { endpoint?: string; jurisdiction?: string } = { endpoint: BASE, jurisdiction: 'demo.city' },
) {
  sessionStorage.clear();
  const el = await fixture<CitizenPortal>(
    html`<citizen-portal endpoint=${attrs.endpoint ?? ''} jurisdiction=${attrs.jurisdiction ?? ''}></citizen-portal>`,
  );
  return el;
}

/** A complete pothole report, stopped on "Check and send". */
async function fillPothole(el: Element) {
  await fillReport(el, {
    category: 'Pothole',
    answer: async () => {
      (
        await waitFor(() => getByRole<HTMLInputElement>(el, 'radio', 'About the size of a car tire'), 'questions')
      ).click();
      getByRole<HTMLInputElement>(el, 'checkbox', 'In a bike lane').click();
      getByRole<HTMLInputElement>(el, 'checkbox', 'Near a school').click();
    },
    lat: '41.5012',
    long: '-90.4987',
    description: 'Deep hole <b>by</b> the bus stop & the school',
    email: 'sam@example.com',
    firstName: 'Sam',
    lastName: 'Rivera',
    phone: '555-0100',
  });
}

const posts = (requests: Request[]) => requests.filter((r) => r.method === 'POST');

describe('<citizen-portal> configuration', () => {
  it('explains a missing endpoint in the page and names the attribute in the console', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const el = await mount({});
      expect(regionText(el.shadowRoot!, 'alert')).to.contain('not set up correctly');
      expect(regionText(el.shadowRoot!, 'alert')).to.contain('"endpoint"');
      await waitFor(() => /"endpoint" attribute is missing/.test(errors.join('\n')), 'the console message');
      await expect(el).to.be.accessible();
    } finally {
      console.error = original;
    }
  });

  it('refuses an endpoint that is not a web address', async () => {
    const original = console.error;
    const errors: string[] = [];
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const el = await mount({ endpoint: 'javascript:alert(1)' });
      expect(regionText(el.shadowRoot!, 'alert')).to.contain('is not a web address');
      await waitFor(
        () => errors.join('\n').includes('"endpoint" attribute is not a web address'),
        'the console message',
      );
    } finally {
      console.error = original;
    }
  });
});

describe('<citizen-portal> filing a report', () => {
  it('lists every category by group with the arrow keys, and is accessible open and closed', async () => {
    await useMockBackend();
    const el = await mount();
    const input = await categoryInput(el);
    await expect(el).to.be.accessible();
    input.focus();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    const listbox = await waitFor(() => getByRole(el, 'listbox', 'Category'), 'the list');
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    // The rows the list shows come at once, the others while the browser is idle (issue #14).
    await waitFor(() => queryAllByRole(listbox, 'option').length === 25, 'all 25 categories');
    const groups = queryAllByRole(listbox, 'group').map((g) => accessibleName(g));
    expect(groups).to.include('Streets & Sidewalks');
    expect(groups.length).to.be.greaterThanOrEqual(5);
    // Arrow keys move the active option (aria-activedescendant); Enter chooses it.
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    const activeId = await waitFor(() => input.getAttribute('aria-activedescendant'), 'an active option');
    const active = listbox.querySelector(`#${activeId}`)!;
    const name = accessibleName(active).replace(/ — .*$/, '');
    await expect(el).to.be.accessible();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await waitFor(() => input.value === name, 'the chosen category in the field');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
  });

  it('finds a category by words, typos and joined words, and says how many', async () => {
    await useMockBackend();
    const el = await mount();
    const input = await categoryInput(el);
    const names = () => queryAllByRole(el, 'option').map((o) => accessibleName(o).replace(/ — .*$/, ''));
    for (const [typed, expected] of [
      ['pot hole', 'Pothole'],
      ['street light', 'Streetlight Out'],
      ['grafitti publ', 'Graffiti on Public Property'],
    ] as const) {
      type(input, typed);
      await waitFor(() => names()[0] === expected, `"${typed}" → ${expected}`);
      expect(regionText(el, 'status')).to.match(/categor(y|ies) found/);
    }
    // A sentence finds categories too, and becomes the start of the description.
    type(input, 'there is a huge hole in the road near my house');
    const option = await waitFor(
      () => queryAllByRole(el, 'option').find((o) => /Pothole/.test(accessibleName(o))),
      'a suggestion',
    );
    expect(accessibleName(getByRole(el, 'group', /Best matches/))).to.equal('Best matches for what you described');
    option.click();
    await waitFor(() => input.value === 'Pothole', 'the choice');
  });

  it("finds a category by the city's own words, in other languages too", async () => {
    await useMockBackend();
    sessionStorage.clear();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${BASE}></citizen-portal>`);
    el.synonyms = { POTHOLE: ['bache', 'nid-de-poule'], STREETLIGHT: ['farola'] };
    const input = await categoryInput(el);
    for (const [typed, expected] of [
      ['bache', 'Pothole'],
      ['nid de poule', 'Pothole'],
      ['farola', 'Streetlight Out'],
    ] as const) {
      type(input, typed);
      await waitFor(
        () => accessibleName(queryAllByRole(el, 'option')[0] ?? document.body).startsWith(expected),
        `"${typed}" → ${expected}`,
      );
    }
  });

  it('starts with the category a city page asks for', async () => {
    await useMockBackend();
    sessionStorage.clear();
    const el = await fixture<CitizenPortal>(
      html`<citizen-portal endpoint=${BASE} category="STREETLIGHT"></citizen-portal>`,
    );
    expect((await categoryInput(el)).value).to.equal('Streetlight Out');
    await toDetails(el);
    await waitFor(() => getByRole(el, 'textbox', /What is the pole number/), 'its questions');
  });

  it('shows where to go instead for a category the city does not handle', async () => {
    await useMockBackend();
    sessionStorage.clear();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${BASE}></citizen-portal>`);
    el.redirects = {
      STREETLIGHT: {
        message: 'Street lights belong to Demo Power.',
        url: 'https://power.example/outage',
        linkText: 'Report it to Demo Power',
        phone: '(555) 010-0199',
      },
      POTHOLE: { message: 'Not us.', url: 'javascript:alert(1)' },
    };
    await pickCategory(el, 'Streetlight Out');
    const card = await waitFor(
      () => regionText(el, 'status').includes('Demo Power') && regionText(el, 'status'),
      'the card',
    );
    expect(card).to.contain('The city does not handle this');
    expect(getByRole<HTMLAnchorElement>(el, 'link', 'Report it to Demo Power').href).to.equal(
      'https://power.example/outage',
    );
    expect(getByRole<HTMLAnchorElement>(el, 'link', 'Call (555) 010-0199').href).to.equal('tel:5550100199');
    expect(queryAllByRole(el, 'textbox', /pole number/)).to.have.length(0);
    expect(queryAllByRole(el, 'button', 'Continue').filter((b) => !b.hidden)).to.have.length(0);
    await expect(el).to.be.accessible();
    // Only web and phone links: a javascript: address from the configuration is never a link.
    await pickCategory(el, 'Pothole');
    await waitFor(() => regionText(el, 'status').includes('Not us.'), 'the second card');
    expect(queryAllByRole(el, 'link').filter((a) => a.getAttribute('href')?.startsWith('javascript'))).to.have.length(
      0,
    );
  });

  it('says when it kept a report from before, and can start again', async () => {
    await useMockBackend();
    const el = await mount();
    await pickCategory(el, 'Pothole');
    el.remove();
    const again = await fixture<CitizenPortal>(
      html`<citizen-portal endpoint=${BASE} jurisdiction="demo.city"></citizen-portal>`,
    );
    expect(
      await waitFor(() => regionText(again, 'status').includes('We kept the report you started.'), 'the notice'),
    ).to.equal(true);
    expect((await categoryInput(again)).value).to.equal('Pothole');
    getByRole(again, 'button', 'Start again').click();
    await waitFor(() => getByRole<HTMLInputElement>(again, 'combobox', 'Category').value === '', 'an empty report');
    expect(regionText(again, 'status')).not.to.contain('We kept');
  });

  for (const engine of ['CSS anchor positioning', 'floating-ui (browsers without it)'] as const)
    it(`keeps the list inside the window, below the field or above it without room (${engine})`, async () => {
      CategoryPicker.useFloatingUi = engine !== 'CSS anchor positioning';
      await useMockBackend();
      const el = await mount();
      const input = await categoryInput(el);
      for (const where of ['top', 'bottom'] as const) {
        el.style.cssText = where === 'top' ? '' : `display:block;margin-top:${innerHeight - 120}px`;
        input.scrollIntoView({ block: where === 'top' ? 'start' : 'end' });
        input.focus();
        input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
        const listbox = await waitFor(() => getByRole(el, 'listbox', 'Category'), 'the list');
        // floating-ui (loaded on first open) writes the position itself; CSS anchor positioning needs a frame.
        if (CategoryPicker.useFloatingUi) await waitFor(() => listbox.style.top, 'floating-ui to place the list');
        await new Promise((r) => requestAnimationFrame(r));
        const box = listbox.getBoundingClientRect();
        const field = input.getBoundingClientRect();
        expect(box.top, 'inside the window').to.be.at.least(0);
        expect(box.bottom, 'inside the window').to.be.at.most(innerHeight + 1);
        if (where === 'top') expect(box.top).to.be.at.least(field.bottom - 1);
        else expect(box.bottom).to.be.at.most(field.top + 1);
        expect(Math.round(box.width)).to.equal(Math.round(field.width));
        expect(listbox.classList.contains('floating'), 'placed by floating-ui').to.equal(CategoryPicker.useFloatingUi);
        input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        await waitFor(() => input.getAttribute('aria-expanded') === 'false', 'closed');
      }
      el.style.cssText = '';
      CategoryPicker.useFloatingUi = false;
    });

  it('POSTs exactly what GeoReport v2 says, multi-value answers included, and shows the reference number', async () => {
    const mock = await useMockBackend();
    const submitted: CustomEvent[] = [];
    const el = await mount();
    el.addEventListener('cp-request-submitted', (e) => submitted.push(e as CustomEvent));
    await fillPothole(el);
    expect(stepTitle(el)).to.equal('Step 4 of 4: Check and send');
    const review = deepQuery(el, 'dl')!.textContent!;
    for (const shown of [
      'Pothole',
      'About the size of a car tire',
      'In a bike lane, Near a school',
      '41.5012, -90.4987',
      'sam@example.com',
    ])
      expect(review).to.contain(shown);
    await expect(el).to.be.accessible();
    getByRole(el, 'button', 'Submit').click();

    const status = await waitFor(
      () => /reference number is/.test(regionText(el, 'status')) && regionText(el, 'status'),
      'the confirmation',
    );
    const [post] = posts(mock.requests);
    expect(post, 'one POST').to.exist;
    expect(new URL(post!.url).pathname).to.equal(`${BASE}/requests.json`);
    expect(post!.headers.get('content-type')).to.match(/^application\/x-www-form-urlencoded/);
    const body = [...new URLSearchParams(await post!.clone().text())];
    expect(body).to.deep.equal([
      ['jurisdiction_id', 'demo.city'],
      ['service_code', 'POTHOLE'],
      ['lat', '41.5012'],
      ['long', '-90.4987'],
      ['description', 'Deep hole <b>by</b> the bus stop & the school'],
      ['email', 'sam@example.com'],
      ['first_name', 'Sam'],
      ['last_name', 'Rivera'],
      ['phone', '555-0100'],
      ['attribute[SIZE]', 'medium'],
      ['attribute[HAZARDS][]', 'bike_lane'],
      ['attribute[HAZARDS][]', 'school'],
    ]);
    const id = status.match(/reference number is (\S+)/)![1]!;
    expect(mock.store.list().map((r) => r.service_request_id)).to.include(id);
    expect(status).to.contain('Pothole reports are usually inspected within 3 business days.');
    expect(submitted).to.have.length(1);
    expect(submitted[0]!.detail.serviceRequestId).to.equal(id);
    await expect(el).to.be.accessible();
  });

  it('sends api_key with new requests when the api-key attribute is set, and the language on every call', async () => {
    const mock = await useMockBackend();
    sessionStorage.clear();
    const el = await fixture<CitizenPortal>(
      html`<citizen-portal endpoint=${BASE} api-key="k-123" lang="en-CA"></citizen-portal>`,
    );
    await fillReport(el, {
      category: 'Graffiti on Public Property',
      address: '9 Canal St',
      description: 'Tags on the wall',
    });
    await submitAndWait(el);
    const [post] = posts(mock.requests);
    const body = new URLSearchParams(await post!.clone().text());
    expect(body.get('api_key')).to.equal('k-123');
    expect(body.has('jurisdiction_id')).to.equal(false);
    const calls = mock.requests.filter((r) => new URL(r.url).pathname.startsWith(BASE));
    expect(calls.length).to.be.greaterThan(1);
    for (const r of calls) expect(r.headers.get('accept-language'), r.url).to.equal('en-CA');
    // GETs never carry the key: it is only needed to create requests.
    for (const r of calls.filter((c) => c.method === 'GET'))
      expect(new URL(r.url).searchParams.has('api_key')).to.equal(false);
  });

  it('will not go on while a required question is empty, and says which', async () => {
    const mock = await useMockBackend();
    const el = await mount();
    await pickCategory(el, 'Pothole');
    // The category's questions open "Details and contact", after the location.
    expect(queryAllByRole(el, 'group', /About how big is the pothole/)).to.have.length(0);
    await toDetails(el);
    await waitFor(() => getByRole(el, 'group', /About how big is the pothole/), 'the questions');
    type(getByRole(el, 'textbox', 'Description'), 'Deep');
    expect(regionText(el, 'alert'), 'no error before trying to go on').to.equal('');
    getByRole(el, 'button', 'Continue').click();

    const alert = await waitFor(() => regionText(el, 'alert'), 'the error summary');
    expect(alert).to.contain('There is a problem');
    expect(alert).to.contain('Answer the question "About how big is the pothole?"');
    const group = getByRole(el, 'group', /About how big is the pothole/);
    expect(group.getAttribute('aria-describedby')).to.match(/-error/);
    expect(posts(mock.requests)).to.have.length(0);
    expect(stepTitle(el)).to.equal('Step 3 of 4: Details and contact');
    // The summary took focus, so a screen reader reads it at once.
    await waitFor(() => deepActiveElement()?.classList.contains('error-summary'), 'focus on the summary');
    await expect(el).to.be.accessible();
    // Its link takes the resident to the question.
    getByRole(el, 'link', 'Answer the question "About how big is the pothole?".').click();
    expect(deepActiveElement()).to.equal(getByRole(el, 'radio', 'Smaller than a dinner plate'));
    // Answered: the step goes on.
    getByRole<HTMLInputElement>(el, 'radio', 'Smaller than a dinner plate').click();
    await next(el);
    expect(stepTitle(el)).to.equal('Step 4 of 4: Check and send');
  });

  it('asks where, and for a description, before the last step', async () => {
    await useMockBackend();
    const el = await mount();
    await pickCategory(el, 'Graffiti on Public Property');
    await next(el);
    getByRole(el, 'button', 'Continue').click();
    expect(await waitFor(() => regionText(el, 'alert'), 'the summary')).to.contain('Tell us where the problem is');
    type(getByRole(el, 'textbox', 'Latitude'), '41.5');
    getByRole(el, 'button', 'Continue').click();
    await waitFor(() => regionText(el, 'alert').includes('Longitude must be a number'), 'the longitude message');
    type(getByRole(el, 'textbox', 'Longitude'), '-90.5');
    await next(el);
    type(getByRole(el, 'textbox', 'Email'), 'not an address');
    getByRole(el, 'button', 'Continue').click();
    const alert = await waitFor(() => regionText(el, 'alert'), 'the summary');
    expect(alert).to.contain('Describe the problem.');
    expect(alert).to.contain('Enter an email address like name@example.com');
    await expect(el).to.be.accessible();
  });

  it("shows a field's message once it is changed and left, not before", async () => {
    await useMockBackend();
    const el = await mount();
    await pickCategory(el, 'Graffiti on Public Property');
    await next(el);
    const lat = getByRole<HTMLInputElement>(el, 'textbox', 'Latitude');
    expect(lat.getAttribute('aria-invalid')).to.equal(null);
    type(lat, '123'); // input then change: the field was changed and left
    await waitFor(() => lat.getAttribute('aria-invalid') === 'true', 'the latitude message');
    expect(getByRole<HTMLInputElement>(el, 'textbox', 'Longitude').getAttribute('aria-invalid')).to.equal(null);
    expect(regionText(el, 'alert'), 'no summary before trying to go on').to.equal('');
  });

  it('goes back without losing anything, and can change an answer from the last step', async () => {
    await useMockBackend();
    const el = await mount();
    await fillPothole(el);
    getByRole(el, 'button', 'Change Location').click();
    await waitFor(() => stepTitle(el) === 'Step 2 of 4: Location', 'the location step');
    expect(getByRole<HTMLInputElement>(el, 'textbox', 'Latitude').value).to.equal('41.5012');
    getByRole(el, 'button', 'Back').click();
    await waitFor(() => stepTitle(el) === 'Step 1 of 4: The problem', 'step 1');
    expect(getByRole<HTMLInputElement>(el, 'combobox', 'Category').value).to.equal('Pothole');
    await next(el);
    await next(el);
    expect(getByRole<HTMLInputElement>(el, 'checkbox', 'Near a school').checked).to.equal(true);
  });

  it('keeps everything typed when the server fails with 500, and says so plainly', async () => {
    const mock = await useMockBackend();
    mock.worker.use(
      http.post(`${BASE}/requests.json`, () =>
        HttpResponse.json([{ code: 500, description: 'Database <i>down</i>' }], { status: 500 }),
      ),
    );
    const el = await mount();
    await fillPothole(el);
    getByRole(el, 'button', 'Submit').click();

    const alert = await waitFor(() => regionText(el, 'alert'), 'the failure message');
    expect(stepTitle(el)).to.equal('Step 4 of 4: Check and send');
    expect(alert).to.contain('Your report was not sent.');
    expect(alert).to.contain('Everything you typed is still here');
    // Backend text stays text: the <i> is shown as characters, never becomes an element.
    expect(alert).to.contain('Database <i>down</i>');
    expect([...[...deepElements(el)].filter((e) => e.matches('i, b'))]).to.have.length(0);
    await expect(el).to.be.accessible();
    // Every step still holds what was typed.
    getByRole(el, 'button', 'Back').click();
    await waitFor(() => stepTitle(el) === 'Step 3 of 4: Details and contact', 'step 3');
    expect(getByRole<HTMLInputElement>(el, 'textbox', 'Description').value).to.equal(
      'Deep hole <b>by</b> the bus stop & the school',
    );
    expect(getByRole<HTMLInputElement>(el, 'textbox', 'Email').value).to.equal('sam@example.com');
    expect(getByRole<HTMLInputElement>(el, 'radio', 'About the size of a car tire').checked).to.equal(true);
    expect(getByRole<HTMLInputElement>(el, 'checkbox', 'Near a school').checked).to.equal(true);
    getByRole(el, 'button', 'Back').click();
    await waitFor(() => stepTitle(el) === 'Step 2 of 4: Location', 'step 2');
    expect(getByRole<HTMLInputElement>(el, 'textbox', 'Latitude').value).to.equal('41.5012');
    getByRole(el, 'button', 'Back').click();
    await waitFor(() => stepTitle(el) === 'Step 1 of 4: The problem', 'step 1');
    expect(getByRole<HTMLInputElement>(el, 'combobox', 'Category').value).to.equal('Pothole');

    // The resident tries again once the server is back: it goes through.
    mock.worker.resetHandlers();
    await next(el);
    await next(el);
    await next(el);
    await submitAndWait(el);
  });

  it('tells how long to wait when the server limits requests', async () => {
    const mock = await useMockBackend();
    mock.worker.use(
      http.post(`${BASE}/requests.json`, () =>
        HttpResponse.json([{ code: 429, description: 'Rate limit' }], {
          status: 429,
          headers: { 'Retry-After': '30' },
        }),
      ),
    );
    const el = await mount();
    await fillPothole(el);
    getByRole(el, 'button', 'Submit').click();
    const alert = await waitFor(() => regionText(el, 'alert'), 'the failure message');
    expect(alert).to.contain('Please wait 30 seconds and try again.');
  });

  it('sends the language as a query parameter to servers that take one, and waits as long as told', async () => {
    const mock = await useMockBackend();
    sessionStorage.clear();
    const el = await fixture<CitizenPortal>(
      html`<citizen-portal endpoint=${BASE} lang="en-GB" locale-param="locale" timeout="30"></citizen-portal>`,
    );
    await categoryInput(el);
    const services = mock.requests.find((r) => r.url.includes('/services.json'))!;
    expect(new URL(services.url).searchParams.get('locale')).to.equal('en-GB');
    expect(services.headers.get('accept-language')).to.equal('en-GB');
  });

  it('names a bad timeout in the console, and works with the default meanwhile', async () => {
    const original = console.error;
    const errors: string[] = [];
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${BASE} timeout="soon"></citizen-portal>`);
      await categoryInput(el);
      expect(regionText(el.shadowRoot!, 'alert')).to.equal('');
      await waitFor(
        () => errors.join('\n').includes('"timeout" attribute must be a number of seconds from 1 to 120'),
        'the console message',
      );
    } finally {
      console.error = original;
    }
  });

  it('says plainly when the network is down', async () => {
    const mock = await useMockBackend();
    mock.worker.use(http.post(`${BASE}/requests.json`, () => HttpResponse.error()));
    const el = await mount();
    await fillPothole(el);
    getByRole(el, 'button', 'Submit').click();
    const alert = await waitFor(() => regionText(el, 'alert'), 'the failure message');
    expect(alert).to.contain('Check your internet connection');
  });

  it('sends one POST when Submit is pressed twice quickly', async () => {
    const mock = await useMockBackend();
    const el = await mount();
    await fillPothole(el);
    const submit = getByRole(el, 'button', 'Submit');
    submit.click();
    submit.click();
    submit.click();
    await waitFor(() => /reference number is/.test(regionText(el, 'status')), 'the confirmation');
    expect(posts(mock.requests)).to.have.length(1);
  });

  it('fills the coordinates from "Use my location"', async () => {
    await useMockBackend();
    const el = await mount();
    const geo = navigator.geolocation;
    const original = geo.getCurrentPosition;
    geo.getCurrentPosition = (ok: PositionCallback) =>
      ok({ coords: { latitude: 41.49876543, longitude: -90.5012367, accuracy: 12 } } as GeolocationPosition);
    try {
      await pickCategory(el, 'Graffiti on Public Property');
      await next(el);
      getByRole(el, 'button', 'Use my location').click();
      await waitFor(() => getByRole<HTMLInputElement>(el, 'textbox', 'Latitude').value, 'the latitude');
      expect(getByRole<HTMLInputElement>(el, 'textbox', 'Latitude').value).to.equal('41.498765');
      expect(getByRole<HTMLInputElement>(el, 'textbox', 'Longitude').value).to.equal('-90.501237');
      expect(regionText(el, 'status')).to.contain('accurate to about 12 metres');
    } finally {
      geo.getCurrentPosition = original;
    }
  });

  for (const [code, why, said] of [
    [1, 'refused', /did not share your location/],
    [2, 'unavailable', /could not be found/],
    [3, 'too slow', /took too long/],
  ] as const) {
    it(`explains a ${why} location in its own words, and keeps the address way open`, async () => {
      await useMockBackend();
      const el = await mount();
      const geo = navigator.geolocation;
      const original = geo.getCurrentPosition;
      geo.getCurrentPosition = (_ok: PositionCallback, fail?: PositionErrorCallback | null) =>
        fail?.({
          code,
          PERMISSION_DENIED: 1,
          POSITION_UNAVAILABLE: 2,
          TIMEOUT: 3,
          message: why,
        } as GeolocationPositionError);
      try {
        await pickCategory(el, 'Graffiti on Public Property');
        await next(el);
        getByRole(el, 'button', 'Use my location').click();
        await waitFor(() => said.test(regionText(el, 'status')), 'the message');
        expect(getByRole(el, 'textbox', 'Address or place')).to.exist;
      } finally {
        geo.getCurrentPosition = original;
      }
    });
  }

  it('restores an unfinished report after the element is recreated (a reload)', async () => {
    await useMockBackend();
    const el = await mount();
    await pickCategory(el, 'Streetlight Out');
    await toDetails(el, 'Oak & 3rd');
    type(await waitFor(() => getByRole(el, 'textbox', /What is the pole number/), 'the question'), 'DC-9');
    type(getByRole(el, 'textbox', 'Description'), 'Dark corner');
    el.remove();
    // Same tab, same endpoint: sessionStorage still has the draft (mount() would clear it, so build by hand).
    const again = await fixture<CitizenPortal>(
      html`<citizen-portal endpoint=${BASE} jurisdiction="demo.city"></citizen-portal>`,
    );
    // Back on the step the resident was on, with everything in place.
    const description = await waitFor(() => getByRole<HTMLTextAreaElement>(again, 'textbox', 'Description'), 'step 3');
    expect(stepTitle(again)).to.equal('Step 3 of 4: Details and contact');
    expect(description.value).to.equal('Dark corner');
    const pole = await waitFor(
      () => getByRole<HTMLInputElement>(again, 'textbox', /What is the pole number/),
      'the question',
    );
    expect(pole.value).to.equal('DC-9');
    getByRole(again, 'button', 'Back').click();
    await waitFor(() => stepTitle(again) === 'Step 2 of 4: Location', 'step 2');
    expect(getByRole<HTMLInputElement>(again, 'textbox', 'Address or place').value).to.equal('Oak & 3rd');
    getByRole(again, 'button', 'Back').click();
    expect((await categoryInput(again)).value).to.equal('Streetlight Out');
  });
});

describe('<citizen-portal> checking a status', () => {
  async function openStatus(el: Element) {
    getByRole(el, 'tab', 'Check status').click();
    return waitFor(() => getByRole<HTMLInputElement>(el, 'textbox', 'Reference number'), 'the status view');
  }

  it('shows a known request in plain words, and is accessible', async () => {
    await useMockBackend();
    const el = await mount();
    type(await openStatus(el), ' #101 ');
    getByRole(el, 'button', 'Check status').click();
    const status = await waitFor(
      () => /Request 101/.test(regionText(el, 'status')) && regionText(el, 'status'),
      'the status card',
    );
    expect(status).to.contain('Open');
    expect(status).to.contain('Received. An inspector will look at it within 3 business days.');
    expect(status).to.contain('Pothole');
    expect(status).to.contain('1420 Maple Ridge Ave');
    expect(status).to.contain('Handled by');
    expect(status).to.contain('Department of Public Works');
    expect(status).to.match(/Reported/);
    expect(status).to.match(/Expected/);
    await expect(el).to.be.accessible();
  });

  it('shows a closed request as closed', async () => {
    await useMockBackend();
    const el = await mount();
    type(await openStatus(el), '102');
    getByRole(el, 'button', 'Check status').click();
    const status = await waitFor(
      () => /Request 102/.test(regionText(el, 'status')) && regionText(el, 'status'),
      'the status card',
    );
    expect(status).to.contain('Closed');
    expect(status).to.contain('Fixed.');
  });

  it('says plainly when a number is unknown, in an alert, keeping the number', async () => {
    await useMockBackend();
    const el = await mount();
    const input = await openStatus(el);
    type(input, '999999');
    getByRole(el, 'button', 'Check status').click();
    const alert = await waitFor(() => regionText(el, 'alert'), 'the not-found message');
    expect(alert).to.contain('could not find a request with the reference number "999999"');
    expect(input.value).to.equal('999999');
    await expect(el).to.be.accessible();
  });

  it('asks for a number when none was typed', async () => {
    await useMockBackend();
    const el = await mount();
    await openStatus(el);
    getByRole(el, 'button', 'Check status').click();
    expect(await waitFor(() => regionText(el, 'alert'), 'the message')).to.contain('Enter the reference number');
  });

  it('says plainly when the server fails', async () => {
    const mock = await useMockBackend();
    mock.worker.use(
      http.get(`${BASE}/requests/:id`, () => new HttpResponse('<html>Bad gateway</html>', { status: 502 })),
    );
    const el = await mount();
    type(await openStatus(el), '101');
    getByRole(el, 'button', 'Check status').click();
    expect(await waitFor(() => regionText(el, 'alert'), 'the message')).to.contain('had a problem');
  });

  it("goes from the confirmation straight to the new request's status", async () => {
    await useMockBackend();
    const el = await mount();
    await fillPothole(el);
    const id = await submitAndWait(el);
    getByRole(el, 'button', 'Check the status of this report').click();
    await waitFor(() => regionText(el, 'status').includes(`Request ${id}`), 'the status card');
    expect(getByRole(el, 'tab', 'Check status').getAttribute('aria-selected')).to.equal('true');
    expect(queryAllByRole(el, 'tabpanel').filter((p) => !p.hidden)).to.have.length(1);
  });
});
