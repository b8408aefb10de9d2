/**
 * The map in the location step, through the element: it appears when the step does, a click puts the pin and
 * fills the coordinates, typed coordinates outside the city limits are refused in plain words, and the step
 * works without the map when the map cannot be shown. Issue #5.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { useMockBackend } from '../helpers/mock-backend';
import { deepText, getByRole, queryAllByRole, regionText, type, waitFor } from '../helpers/dom';
import { next, pickCategory, stepTitle } from '../helpers/report';

const BASE = '/open311/v2';

/** A portal with the demo map (and, if asked, a geocoder); `category` chosen, but still on step 1. */
async function mount(opts: { style?: string; geocoder?: boolean } = {}) {
  sessionStorage.clear();
  return fixture<CitizenPortal>(
    html`<citizen-portal
      endpoint=${BASE}
      map-style=${opts.style ?? '/demo/map/style.json'}
      boundary="/demo/map/boundary.geojson"
      center="-90.5,41.5"
      zoom="15"
      geocoder=${opts.geocoder ? '/geocoder' : ''}
    ></citizen-portal>`,
  );
}

/** On to the location step (a category's questions come after it). */
async function toLocation(opts: { style?: string; geocoder?: boolean; category?: string } = {}) {
  const el = await mount(opts);
  await pickCategory(el, opts.category ?? 'Graffiti on Public Property');
  await next(el);
  expect(stepTitle(el)).to.equal('Step 2 of 4: Location');
  return el;
}

/** The map's region, once it has loaded (the "Loading the map…" line is gone). */
async function mapReady(el: Element): Promise<HTMLElement> {
  const text = () => deepText(el.shadowRoot!.querySelector('citizen-portal-report')!);
  await waitFor(() => !text().includes('Loading the map'), 'the map to load', 20000);
  return waitFor(() => getByRole(el, 'region', 'Map: choose where the problem is'), 'the map region', 5000);
}

// The harness loads hundreds of modules; the default buffer (250) would drop the entries this file checks.
performance.setResourceTimingBufferSize(100_000);

describe('the map in the location step', () => {
  it('has no map, and loads no maplibre, when none is configured (runs first)', async () => {
    await useMockBackend();
    sessionStorage.clear();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${BASE}></citizen-portal>`);
    await pickCategory(el, 'Graffiti on Public Property');
    await next(el);
    expect(queryAllByRole(el, 'region', 'Map: choose where the problem is')).to.have.length(0);
    expect(performance.getEntriesByType('resource').some((e) => /maplibre/.test(e.name))).to.equal(false);
  });
  it('loads maplibre only when the location step is reached', async () => {
    await useMockBackend();
    const el = await mount();
    const maplibre = () => performance.getEntriesByType('resource').filter((e) => /maplibre/.test(e.name)).length;
    await pickCategory(el, 'Graffiti on Public Property');
    expect(maplibre(), 'nothing of maplibre on the first step').to.equal(0);
    await next(el);
    await mapReady(el);
    expect(maplibre(), 'maplibre with the location step').to.be.greaterThan(0);
  });

  it('appears with the step, and a click puts the pin and fills in the coordinates', async () => {
    await useMockBackend();
    const el = await toLocation();
    const map = await mapReady(el);
    expect(map.getAttribute('tabindex')).to.equal('0');
    map.scrollIntoView({ block: 'center' });
    const box = map.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)],
    });
    const lat = getByRole<HTMLInputElement>(el, 'textbox', 'Latitude');
    await waitFor(() => lat.value, 'the latitude from the pin');
    expect(Number(lat.value)).to.be.closeTo(41.5, 0.01);
    expect(Number(getByRole<HTMLInputElement>(el, 'textbox', 'Longitude').value)).to.be.closeTo(-90.5, 0.01);
    expect(regionText(el, 'status')).to.match(/Pin placed at 41\.\d+, -90\.\d+\./);
    await next(el); // inside the city: on to the details
    expect(stepTitle(el)).to.equal('Step 3 of 4: Details and contact');
    // Back again: the map comes back with the pin where it was.
    getByRole(el, 'button', 'Back').click();
    await mapReady(el);
  });

  it('marks open reports nearby on the map, as buttons', async () => {
    await useMockBackend();
    const el = await toLocation({ category: 'Pothole' });
    await mapReady(el);
    type(getByRole(el, 'textbox', 'Latitude'), '41.5042');
    type(getByRole(el, 'textbox', 'Longitude'), '-90.4969');
    const marker = await waitFor(
      () => getByRole(el, 'button', /^Already reported: Pothole, \d+ m away$/),
      'the marker',
    );
    marker.click();
    await waitFor(() => regionText(el, 'status').includes('Request 101'), 'the status of 101');
  });

  it('suggests addresses as the resident types, and moves the pin to the one chosen', async () => {
    await useMockBackend();
    const el = await toLocation({ geocoder: true });
    await mapReady(el);
    const address = getByRole<HTMLInputElement>(el, 'combobox', 'Address or place');
    type(address, 'maple ridge');
    const option = await waitFor(
      () => queryAllByRole(el, 'option').find((o) => /Maple Ridge/.test(o.textContent ?? '')),
      'a suggestion',
    );
    expect(address.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    option.click();
    await waitFor(() => getByRole<HTMLInputElement>(el, 'textbox', 'Latitude').value, 'the coordinates');
    expect(address.value).to.match(/Maple Ridge/);
    expect(regionText(el, 'status')).to.match(/Location set to .*Maple Ridge/);
  });

  it('fills in the nearest address when the pin is put on the map', async () => {
    await useMockBackend();
    const el = await toLocation({ geocoder: true });
    const map = await mapReady(el);
    map.scrollIntoView({ block: 'center' });
    const box = map.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)],
    });
    const address = getByRole<HTMLInputElement>(el, 'combobox', 'Address or place');
    await waitFor(() => address.value, 'the address from the pin');
    expect(regionText(el, 'status')).to.contain('Pin placed near');
  });

  it('puts the pin under the crosshair with "Set location here" (pan the map, then press it)', async () => {
    await useMockBackend();
    const el = await toLocation();
    await mapReady(el);
    getByRole(el, 'button', 'Set location here (the centre of the map)').click();
    const lat = getByRole<HTMLInputElement>(el, 'textbox', 'Latitude');
    await waitFor(() => lat.value, 'the latitude');
    expect(Number(lat.value)).to.be.closeTo(41.5, 1e-6);
    expect(Number(getByRole<HTMLInputElement>(el, 'textbox', 'Longitude').value)).to.be.closeTo(-90.5, 1e-6);
    expect(regionText(el, 'status')).to.contain('Pin placed at 41.500000, -90.500000.');
    await expect(el).to.be.accessible();
  });

  it('puts the pin by keyboard: focus the map, move it with the arrows, Enter', async () => {
    await useMockBackend();
    const el = await toLocation();
    const map = await mapReady(el);
    map.focus();
    await sendKeys({ press: 'ArrowRight' });
    await new Promise((r) => setTimeout(r, 400)); // maplibre eases the pan
    await sendKeys({ press: 'Enter' });
    const long = getByRole<HTMLInputElement>(el, 'textbox', 'Longitude');
    await waitFor(() => long.value, 'the longitude');
    expect(Number(long.value), 'the map moved east before the pin dropped').to.be.greaterThan(-90.5);
    expect(Number(getByRole<HTMLInputElement>(el, 'textbox', 'Latitude').value)).to.be.closeTo(41.5, 0.001);
    expect(regionText(el, 'status')).to.match(/Pin placed at/);
  });

  it('refuses coordinates outside the city limits, and says so', async () => {
    await useMockBackend();
    const el = await toLocation();
    await mapReady(el);
    type(getByRole(el, 'textbox', 'Latitude'), '41.7');
    type(getByRole(el, 'textbox', 'Longitude'), '-90.2');
    await new Promise((r) => setTimeout(r, 100));
    getByRole(el, 'button', 'Continue').click();
    expect(await waitFor(() => regionText(el, 'alert'), 'the message')).to.contain("outside the city's area");
    expect(stepTitle(el)).to.equal('Step 2 of 4: Location');
    // Moved inside: it goes on.
    type(getByRole(el, 'textbox', 'Latitude'), '41.5');
    type(getByRole(el, 'textbox', 'Longitude'), '-90.5');
    await new Promise((r) => setTimeout(r, 100));
    await next(el);
  });

  it('still takes a location when the map cannot be shown', async () => {
    await useMockBackend();
    const original = console.error;
    console.error = () => {};
    try {
      const el = await toLocation({ style: '/demo/map/no-such-style.json' });
      await waitFor(
        () => /could not be shown/.test(deepText(el.shadowRoot!.querySelector('citizen-portal-report')!)),
        'the message',
        25000,
      );
      expect(queryAllByRole(el, 'region', 'Map: choose where the problem is')).to.have.length(0);
      type(getByRole(el, 'textbox', 'Address or place'), '12 Elm Street');
      await next(el);
    } finally {
      console.error = original;
    }
  });
});

describe('the tracker after the map has loaded', () => {
  it("shows a small map of the request's place, since the map chunk is already on the page", async () => {
    await useMockBackend();
    const el = await toLocation(); // loads the map chunk, as a resident who reported something would
    await mapReady(el);
    getByRole(el, 'tab', 'Check status').click();
    type(await waitFor(() => getByRole<HTMLInputElement>(el, 'textbox', 'Reference number'), 'the tracker'), '101');
    getByRole(el, 'button', 'Check status').click();
    await waitFor(() => getByRole(el, 'region', 'Map of where the problem is'), 'the map in the card', 20000);
    await expect(el).to.be.accessible();
  });
});
