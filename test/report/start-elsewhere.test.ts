/**
 * Starting where the resident starts (issue #13 §7): beside the category, "Start with a photo" (where it was taken
 * sets the pin, then the category) and "Start with the location" (then the categories, with the open reports of
 * every category near the place shown first). The steps keep their numbers in the resident's order; Back from the
 * place returns to the first screen; a reload keeps the order; the report is filed once.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { useMockBackend } from '../helpers/mock-backend';
import { deepQuery, getByRole, queryAllByRole, regionText, type, waitFor } from '../helpers/dom';
import { back, next, pickCategory, stepTitle, submitAndWait } from '../helpers/report';
import { chooseFiles as choose, photoFile } from '../helpers/files';

const BASE = '/open311/v2';

/** The file input behind "Start with a photo" (visually hidden inside its label, named by it). */
const photoStart = (el: Element) =>
  getByRole<HTMLInputElement>(el, 'button', 'Start with a photo', { includeHidden: true });

async function portal(photos: boolean): Promise<CitizenPortal> {
  const el = await fixture<CitizenPortal>(
    photos
      ? html`<citizen-portal endpoint=${BASE} media-upload="/media-upload" geocoder="/geocoder"></citizen-portal>`
      : html`<citizen-portal endpoint=${BASE}></citizen-portal>`,
  );
  await waitFor(() => queryAllByRole(el, 'button', 'Start with the location')[0], 'the first screen');
  return el;
}

const posts = (requests: Request[]) =>
  requests.filter((r) => r.method === 'POST' && new URL(r.url).pathname === `${BASE}/requests.json`);

describe('start with the location, or with a photo', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  it('starts with the place: nearby open reports of every category come before the categories, then one report', async () => {
    const mock = await useMockBackend();
    const el = await portal(false);
    // The city takes no photos here: no photo entry.
    expect(queryAllByRole(el, 'button', 'Start with a photo')).to.have.length(0);
    await expect(el).to.be.accessible();

    getByRole(el, 'button', 'Start with the location').click();
    await waitFor(() => stepTitle(el) === 'Step 1 of 4: Location', 'the location step first');
    // Back from the place: the first screen again, category first.
    await back(el);
    expect(stepTitle(el)).to.equal('Step 1 of 4: The problem');
    expect(queryAllByRole(el, 'button', 'Back')).to.have.length(0);

    getByRole(el, 'button', 'Start with the location').click();
    await waitFor(() => stepTitle(el) === 'Step 1 of 4: Location', 'the location step again');
    // Between request 101 (Pothole) and 109 (Abandoned Vehicle), both open, under 200 m from each.
    type(getByRole(el, 'textbox', 'Latitude'), '41.5044');
    type(getByRole(el, 'textbox', 'Longitude'), '-90.4958');
    await next(el);
    expect(stepTitle(el)).to.equal('Step 2 of 4: The problem');
    expect(queryAllByRole(el, 'button', 'Start with the location')).to.have.length(0);
    const nearby = await waitFor(() => deepQuery(el, '[part=nearby]'), 'the reports near the place');
    expect(getByRole(el, 'heading', /already reported/).textContent).to.contain('2');
    expect(nearby.textContent).to.contain('1420 Maple Ridge Ave');
    expect(nearby.textContent).to.contain('1517 Maple Ridge Ave');
    // Before the category field, in reading order.
    const field = getByRole(el, 'combobox', 'Category');
    const list = deepQuery(el, 'citizen-portal-nearby')!;
    expect(list.compareDocumentPosition(field) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    const asked = new URL(mock.requests.find((r) => /\/requests\.json\?/.test(r.url))!.url).searchParams;
    expect(asked.get('service_code')).to.equal(null);
    expect(asked.get('status')).to.equal('open');
    getByRole(el, 'button', 'Follow this report instead (109)');
    await expect(el).to.be.accessible();

    await pickCategory(el, 'Graffiti on Public Property');
    await next(el);
    expect(stepTitle(el)).to.equal('Step 3 of 4: Details and contact');
    await back(el);
    expect(stepTitle(el)).to.equal('Step 2 of 4: The problem');
    await next(el);
    type(getByRole(el, 'textbox', 'Description'), 'Deep hole by the bus stop');
    await next(el);
    expect(stepTitle(el)).to.equal('Step 4 of 4: Check and send');
    expect(deepQuery(el, 'dl')!.textContent).to.contain('41.5044');
    await submitAndWait(el);
    const sent = posts(mock.requests);
    expect(sent).to.have.length(1);
    const body = new URLSearchParams(await sent[0]!.text());
    expect(body.get('service_code')).to.equal('GRAFFITI_PUBLIC');
    expect(body.get('lat')).to.equal('41.5044');
  });

  it('starts with a photo: it is added, the pin goes where it was taken, then the category; it is sent', async () => {
    const mock = await useMockBackend();
    const el = await portal(true);
    choose(photoStart(el), await photoFile('wall.jpg', 1200, 900, { lat: 41.5021, long: -90.4978 }));
    await waitFor(() => stepTitle(el) === 'Step 1 of 4: Location', 'the location step first');
    const thumb = await waitFor(() => deepQuery<HTMLImageElement>(el, '.thumbs img'), 'the photo', 10_000);
    expect(thumb.alt).to.equal('Photo 1: wall.jpg');
    await waitFor(() => getByRole<HTMLInputElement>(el, 'textbox', 'Latitude').value === '41.502100', 'the pin');
    expect(getByRole<HTMLInputElement>(el, 'textbox', 'Longitude').value).to.equal('-90.497800');
    expect(regionText(el, 'status')).to.contain('The location where the photo was taken is now the location');
    // Its address, looked up as for a pin on the map.
    await waitFor(() => getByRole<HTMLInputElement>(el, 'combobox', 'Address or place').value, 'its address');
    await expect(el).to.be.accessible();

    await next(el);
    expect(stepTitle(el)).to.equal('Step 2 of 4: The problem');
    await pickCategory(el, 'Graffiti on Public Property');
    await next(el);
    expect(deepQuery<HTMLImageElement>(el, '.thumbs img')!.alt).to.equal('Photo 1: wall.jpg');
    type(getByRole(el, 'textbox', 'Description'), 'Tags on the wall');
    await next(el);
    await submitAndWait(el);
    const sent = posts(mock.requests);
    expect(sent).to.have.length(1);
    const body = new URLSearchParams(await sent[0]!.text());
    expect(body.get('lat')).to.equal('41.5021');
    expect(body.get('media_url')).to.match(/^https?:/);
  });

  it('asks for the pin when the photo does not say where it was taken', async () => {
    await useMockBackend();
    const el = await portal(true);
    choose(photoStart(el), await photoFile('no-gps.jpg', 1200, 900));
    await waitFor(
      () => regionText(el, 'status').includes('This photo does not say where it was taken.'),
      'the sentence',
      10_000,
    );
    expect(stepTitle(el)).to.equal('Step 1 of 4: Location');
    expect(getByRole<HTMLInputElement>(el, 'textbox', 'Latitude').value).to.equal('');
    getByRole(el, 'button', 'Continue').click();
    await waitFor(() => regionText(el, 'alert').includes('There is a problem'), 'the location is still asked for');
  });

  it('says why a file that is not a photo was refused, on the location step', async function () {
    this.timeout(20_000);
    await useMockBackend();
    const el = await portal(true);
    choose(photoStart(el), new File(['not a picture'], 'notes.txt', { type: 'text/plain' }));
    await waitFor(() => regionText(el, 'alert').includes('“notes.txt” is not a photo.'), 'the refusal', 10_000);
    expect(stepTitle(el)).to.equal('Step 1 of 4: Location');
    await expect(el).to.be.accessible();
  });

  it('keeps the order over a reload', async () => {
    await useMockBackend();
    const first = await portal(false);
    getByRole(first, 'button', 'Start with the location').click();
    await waitFor(() => stepTitle(first) === 'Step 1 of 4: Location', 'the location step');
    type(getByRole(first, 'textbox', 'Address or place'), 'Town hall steps');
    await next(first);
    first.remove();
    const again = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${BASE}></citizen-portal>`);
    await waitFor(() => stepTitle(again) === 'Step 2 of 4: The problem', 'the same step, in the same order');
    await pickCategory(again, 'Pothole');
    await next(again);
    expect(stepTitle(again)).to.equal('Step 3 of 4: Details and contact');
  });
});
