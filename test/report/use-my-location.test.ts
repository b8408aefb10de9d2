/**
 * "Use my location" (issue #13 §3): the position's nearest address is filled in, as a pin on the map gets, so the
 * review and the tracker show a place, not "41.500100, -90.499000"; and after "Report another problem" the location
 * step starts clean, with no "Location found" left from the last report.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { MOCK_BASE, useMockBackend } from '../helpers/mock-backend';
import { deepText, getByRole, regionText, type, waitFor } from '../helpers/dom';
import { next, pickCategory, stepTitle, submitAndWait } from '../helpers/report';

describe('"Use my location"', () => {
  let original: Geolocation['getCurrentPosition'];
  beforeEach(() => {
    sessionStorage.clear();
    original = navigator.geolocation.getCurrentPosition;
    navigator.geolocation.getCurrentPosition = (ok: PositionCallback) =>
      ok({ coords: { latitude: 41.5001, longitude: -90.499, accuracy: 12 } } as GeolocationPosition);
  });
  afterEach(() => {
    navigator.geolocation.getCurrentPosition = original;
  });

  it('fills in the nearest address, which the review shows; the next report starts with a clean location step', async () => {
    await useMockBackend();
    const el = await fixture<CitizenPortal>(
      html`<citizen-portal
        endpoint=${MOCK_BASE}
        geocoder="/geocoder"
        map-style="/demo/map/style.json"
        center="-90.5,41.5"
      ></citizen-portal>`,
    );
    await pickCategory(el, 'Graffiti on Public Property');
    await next(el);
    getByRole(el, 'button', 'Use my location').click();
    const address = getByRole<HTMLInputElement>(el, 'combobox', 'Address or place');
    await waitFor(() => address.value, 'the address of the position');
    expect(regionText(el, 'status')).to.contain('accurate to about 12 metres');
    const place = address.value;

    await next(el);
    type(getByRole(el, 'textbox', 'Description'), 'Tags on the wall');
    await next(el);
    expect(stepTitle(el)).to.equal('Step 4 of 4: Check and send');
    expect(deepText(el)).to.contain(place);
    await submitAndWait(el);

    getByRole(el, 'button', 'Report another problem').click();
    await pickCategory(el, 'Graffiti on Public Property');
    await next(el);
    expect(getByRole<HTMLInputElement>(el, 'textbox', 'Latitude').value).to.equal('');
    expect(regionText(el, 'status')).to.not.contain('Location found');
  });
});
