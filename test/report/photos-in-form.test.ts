/**
 * Photos in the form: chosen from files (or the camera), made smaller and stripped of EXIF before upload, shown
 * as thumbnails with a remove button, their GPS offered as the location, sent as media_url. Issue #4.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { useMockBackend } from '../helpers/mock-backend';
import { deepQuery, getByRole, queryAllByRole, regionText, type, waitFor } from '../helpers/dom';
import { next, pickCategory, stepTitle, submitAndWait } from '../helpers/report';
import { chooseFiles as choose, photoFile as photo } from '../helpers/files';

const BASE = '/open311/v2';

async function toDetails(attrs = '') {
  sessionStorage.clear();
  const el = await fixture<CitizenPortal>(
    html`<citizen-portal endpoint=${BASE} media-upload="/media-upload" max-photos=${attrs || '3'}></citizen-portal>`,
  );
  await pickCategory(el, 'Graffiti on Public Property');
  await next(el);
  type(getByRole(el, 'textbox', 'Address or place'), 'Town hall steps');
  await next(el);
  expect(stepTitle(el)).to.equal('Step 3 of 4: Details and contact');
  return el;
}

/** The file input behind "Take a photo" or "Choose photos" (visually hidden inside its label). */
const fileInput = (el: Element, name: 'Take a photo' | 'Choose photos') =>
  getByRole<HTMLInputElement>(el, 'button', name, { includeHidden: true });

describe('photos', () => {
  it('uploads a smaller copy without EXIF, offers its location, and sends it as media_url', async () => {
    const mock = await useMockBackend();
    const el = await toDetails();
    const group = getByRole(el, 'group', 'Photos (optional)');
    expect(group.textContent).to.contain('hidden location data is removed');
    const camera = fileInput(el, 'Take a photo');
    expect(camera.getAttribute('capture')).to.equal('environment');
    expect(camera.accept).to.equal('image/*');
    await expect(el).to.be.accessible();

    choose(fileInput(el, 'Choose photos'), await photo('wall.jpg', 4000, 3000, { lat: 41.5021, long: -90.4978 }));
    const thumb = await waitFor(() => deepQuery<HTMLImageElement>(el, '.thumbs img'), 'the thumbnail', 10000);
    expect(thumb.alt).to.equal('Photo 1: wall.jpg');
    expect(thumb.src).to.match(/^data:image\/jpeg;base64,/);
    getByRole(el, 'button', 'Remove photo 1');
    await expect(el).to.be.accessible();

    // What reached the upload endpoint: a JPEG, at most 2048 px, with no EXIF left.
    const upload = mock.requests.find((r) => r.method === 'POST' && r.url.endsWith('/media-upload'))!;
    const sent = (await upload.clone().formData()).get('media') as File;
    expect(sent.type).to.equal('image/jpeg');
    const bytes = new Uint8Array(await sent.arrayBuffer());
    expect(new TextDecoder('latin1').decode(bytes)).not.to.contain('Exif\u0000\u0000');
    const bitmap = await createImageBitmap(sent);
    expect(Math.max(bitmap.width, bitmap.height)).to.equal(2048);

    // The location step had only an address: the photo's position can become the pin.
    getByRole(el, 'button', "Use the photo's location").click();
    type(getByRole(el, 'textbox', 'Description'), 'Tags on the steps');
    await next(el);
    expect(deepQuery(el, 'dl')!.textContent).to.contain('41.502100, -90.497800');
    // "Check and send" shows the photo that will go (issue #13: it was missing there).
    expect(deepQuery<HTMLImageElement>(el, 'dl .thumbs img')!.alt).to.equal('Photo 1: wall.jpg');
    await submitAndWait(el);
    const post = new URLSearchParams(
      await mock.requests
        .find((r) => r.url.endsWith('/requests.json') && r.method === 'POST')!
        .clone()
        .text(),
    );
    expect(post.get('media_url')).to.match(/^http:\/\/localhost:\d+\/media-upload\/photo-1\.jpg$/);
    expect(post.get('lat')).to.equal('41.5021');
  });

  it('refuses what is not a photo, and more photos than allowed, in plain words', async () => {
    await useMockBackend();
    const el = await toDetails('1');
    choose(fileInput(el, 'Choose photos'), new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    expect(await waitFor(() => regionText(el, 'alert'), 'the message')).to.contain('“notes.txt” is not a photo.');
    choose(fileInput(el, 'Choose photos'), await photo('a.jpg', 300, 200), await photo('b.jpg', 300, 200));
    expect(
      await waitFor(() => regionText(el, 'alert').includes('up to 1 photos') && regionText(el, 'alert'), 'the limit'),
    ).to.contain('Remove one to add another');
    await waitFor(() => queryAllByRole(el, 'button', 'Remove photo 1').length === 1, 'one photo');
    expect(queryAllByRole(el, 'button', 'Remove photo 2')).to.have.length(0);
    // Full: the add buttons are gone until one is removed.
    expect(fileInput(el, 'Choose photos').closest('[hidden]')).to.not.equal(null);
    getByRole(el, 'button', 'Remove photo 1').click();
    await waitFor(() => !fileInput(el, 'Choose photos').closest('[hidden]'), 'room again');
  });

  it('says when an upload fails, and keeps everything else', async () => {
    const mock = await useMockBackend();
    mock.worker.use(http.post('/media-upload', () => new HttpResponse(null, { status: 503 })));
    const el = await toDetails();
    type(getByRole(el, 'textbox', 'Description'), 'Still here');
    choose(fileInput(el, 'Choose photos'), await photo('x.jpg', 200, 200));
    expect(await waitFor(() => regionText(el, 'alert'), 'the failure')).to.contain('x.jpg was not sent.');
    getByRole(el, 'button', 'Dismiss').click();
    await waitFor(() => !regionText(el, 'alert'), 'dismissed');
    expect(getByRole<HTMLTextAreaElement>(el, 'textbox', 'Description').value).to.equal('Still here');
  });

  it('offers no photos when the city has nowhere to put them', async () => {
    await useMockBackend();
    sessionStorage.clear();
    const el = await fixture<CitizenPortal>(html`<citizen-portal endpoint=${BASE}></citizen-portal>`);
    await pickCategory(el, 'Graffiti on Public Property');
    await next(el);
    type(getByRole(el, 'textbox', 'Address or place'), 'Here');
    await next(el);
    expect(queryAllByRole(el, 'group', 'Photos (optional)')).to.have.length(0);
  });

  it('keeps added photos when the page reloads', async () => {
    await useMockBackend();
    const el = await toDetails();
    choose(fileInput(el, 'Choose photos'), await photo('kept.jpg', 300, 200));
    await waitFor(() => queryAllByRole(el, 'button', 'Remove photo 1').length, 'the photo');
    el.remove();
    const again = await fixture<CitizenPortal>(
      html`<citizen-portal endpoint=${BASE} media-upload="/media-upload"></citizen-portal>`,
    );
    await waitFor(() => queryAllByRole(again, 'button', 'Remove photo 1').length, 'the photo again');
    expect(deepQuery<HTMLImageElement>(again, '.thumbs img')!.alt).to.equal('Photo 1: kept.jpg');
  });
});

describe('photos sent with the report itself (media-upload="post")', () => {
  it('keeps the photo on the device, across a reload, and sends it as a file in the POST', async () => {
    const mock = await useMockBackend();
    sessionStorage.clear();
    const markup = html`<citizen-portal endpoint=${BASE} media-upload="post"></citizen-portal>`;
    const el = await fixture<CitizenPortal>(markup);
    await pickCategory(el, 'Graffiti on Public Property');
    await next(el);
    type(getByRole(el, 'textbox', 'Address or place'), 'Town hall steps');
    await next(el);
    choose(fileInput(el, 'Choose photos'), await photo('steps.jpg', 3000, 2000, { lat: 41.5, long: -90.5 }));
    await waitFor(() => queryAllByRole(el, 'button', 'Remove photo 1').length, 'the photo');
    expect(
      mock.requests.filter((r) => r.method === 'POST'),
      'nothing uploaded yet',
    ).to.have.length(0);

    // A reload: the photo (a blob in IndexedDB) is still there.
    el.remove();
    const again = await fixture<CitizenPortal>(markup);
    await waitFor(() => queryAllByRole(again, 'button', 'Remove photo 1').length, 'the photo after a reload');
    type(getByRole(again, 'textbox', 'Description'), 'Tags on the steps');
    await next(again);
    await submitAndWait(again);

    const post = mock.requests.find((r) => r.method === 'POST' && r.url.endsWith('/requests.json'))!;
    expect(post.headers.get('content-type')).to.match(/^multipart\/form-data/);
    const form = await post.clone().formData();
    expect(form.get('service_code')).to.equal('GRAFFITI_PUBLIC');
    expect(form.get('description')).to.equal('Tags on the steps');
    const media = form.get('media') as File;
    expect(media.type).to.equal('image/jpeg');
    const bitmap = await createImageBitmap(media);
    expect(Math.max(bitmap.width, bitmap.height)).to.equal(2048);
    expect(new TextDecoder('latin1').decode(new Uint8Array(await media.arrayBuffer()))).not.to.contain(
      'Exif\u0000\u0000',
    );
    expect(form.has('media_url')).to.equal(false);
  });
});
