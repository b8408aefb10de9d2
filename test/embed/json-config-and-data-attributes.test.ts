/**
 * The ways a webmaster configures the widget besides attributes (issue #7): a JSON config inline or in a file,
 * and the script tag alone with data- attributes. All go through the same settings schema.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { mountScriptTags } from '../../src/index';
import type { CitizenPortal } from '../../src/index';
import { useMockBackend, MOCK_BASE } from '../helpers/mock-backend';
import { accessibleName, getByRole, queryAllByRole, regionText, type, waitFor } from '../helpers/dom';
import { categoryInput } from '../helpers/report';

const jsonChild = (settings: unknown) => {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = typeof settings === 'string' ? settings : JSON.stringify(settings);
  return script;
};

/** A portal built the way a page's HTML would have it: settings as a JSON child, and these attributes. */
async function portalWith(settings: unknown, attributes: Record<string, string> = {}): Promise<CitizenPortal> {
  const el = document.createElement('citizen-portal');
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
  el.append(jsonChild(settings));
  return fixture<CitizenPortal>(el);
}

async function consoleErrorsDuring(run: () => Promise<void>): Promise<string> {
  const original = console.error;
  const errors: string[] = [];
  console.error = (...args: unknown[]) => errors.push(args.join(' '));
  try {
    await run();
    await new Promise((r) => setTimeout(r, 200));
  } finally {
    console.error = original;
  }
  return errors.join('\n');
}

describe('JSON config', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  it('reads an inline <script type="application/json">: settings, lists and the object ones', async () => {
    await useMockBackend();
    const el = await portalWith({
      endpoint: MOCK_BASE,
      languages: ['en', 'es'],
      'max-photos': 1,
      synonyms: { POTHOLE: ['crater'] },
    });
    const input = await categoryInput(el);
    expect(getByRole(el, 'combobox', 'Language')).to.exist;
    expect(el.getAttribute('max-photos')).to.equal('1');
    type(input, 'crater');
    await waitFor(
      () => queryAllByRole(el, 'option').some((o) => accessibleName(o).startsWith('Pothole')),
      'the synonym from the JSON',
    );
  });

  it('fetches the file named by `config`; an attribute on the element wins over it', async () => {
    const mock = await useMockBackend();
    mock.worker.use(
      http.get('/settings/portal.json', () =>
        HttpResponse.json({ endpoint: MOCK_BASE, jurisdiction: 'from.file', view: 'report' }),
      ),
    );
    const el = await fixture<CitizenPortal>(
      html`<citizen-portal config="/settings/portal.json" jurisdiction="demo.city"></citizen-portal>`,
    );
    await categoryInput(el);
    expect(queryAllByRole(el, 'tab'), 'view="report" from the file').to.have.length(0);
    const services = mock.requests.find((r) => r.url.includes('/services.json'))!;
    expect(new URL(services.url).searchParams.get('jurisdiction_id')).to.equal('demo.city');
  });

  // A config that gives no endpoint stops the form, and says why on the page.
  for (const [why, settings, said] of [
    ['is not JSON', '{ endpoint: ', 'The "config" setting is not valid JSON.'],
    ['is not an object', ['endpoint'], 'must be a JSON object of settings'],
  ] as const) {
    it(`says so, naming the setting, when the config ${why}`, async () => {
      let el: CitizenPortal | undefined;
      const console = await consoleErrorsDuring(async () => {
        el = await portalWith(settings);
      });
      await waitFor(() => regionText(el!, 'alert'), 'the alert');
      expect(regionText(el!, 'alert')).to.contain(said);
      expect(console).to.match(/citizen-portal/);
    });
  }

  // Any other mistake falls back to the default, and the console names it (issue #13: a typo must not stop the form).
  for (const [why, settings, said] of [
    [
      'names a setting that does not exist',
      { endpoint: MOCK_BASE, colour: 'red' },
      'unknown setting or value: "colour"',
    ],
    ['has a bad value', { endpoint: MOCK_BASE, 'max-photos': 40 }, '"max-photos" attribute must be a whole number'],
  ] as const) {
    it(`names the setting in the console, and works, when the config ${why}`, async () => {
      const original = console.error;
      const errors: string[] = [];
      console.error = (...args: unknown[]) => errors.push(args.join(' '));
      try {
        const el = await portalWith(settings);
        await categoryInput(el);
        await waitFor(() => errors.join('\n').includes(said), 'the console message');
        expect(regionText(el, 'alert')).to.equal('');
      } finally {
        console.error = original;
      }
    });
  }

  it('says so when the file cannot be loaded', async () => {
    const mock = await useMockBackend();
    mock.worker.use(http.get('/settings/missing.json', () => new HttpResponse('nope', { status: 404 })));
    const el = await fixture<CitizenPortal>(html`<citizen-portal config="/settings/missing.json"></citizen-portal>`);
    await waitFor(() => regionText(el, 'alert'), 'the alert');
    expect(regionText(el, 'alert')).to.contain('The "config" setting could not be loaded.');
  });
});

describe('the script tag alone, with data- attributes', () => {
  it('puts a portal right after the script tag, with the script’s settings', async () => {
    await useMockBackend();
    sessionStorage.clear();
    const url = new URL('/assets/citizen-portal.js', location.href).href;
    // Parsed HTML: this script is never run; mountScriptTags is what the module does when it runs from `url`.
    const page = await fixture<HTMLElement>(
      html`<div>
        <p>Report a problem</p>
        <script type="module" src=${url} data-endpoint=${MOCK_BASE} data-api-key="k-1" data-view="report"></script>
        <script type="module" src="/another/bundle.js" data-endpoint="/elsewhere"></script>
      </div>`,
    );
    mountScriptTags(url);
    const portals = page.querySelectorAll('citizen-portal');
    expect(portals).to.have.length(1);
    const el = portals[0] as CitizenPortal;
    expect(el.previousElementSibling?.getAttribute('src')).to.equal(url);
    await categoryInput(el);
    expect(el.getAttribute('api-key')).to.equal('k-1');
    expect(queryAllByRole(el, 'tab'), 'data-view="report"').to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('names a data- attribute that is not a setting in the console, and works with the others', async () => {
    await useMockBackend();
    const original = console.error;
    const errors: string[] = [];
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const url = new URL('/assets/other.js', location.href).href;
      const page = await fixture<HTMLElement>(
        html`<div>
          <script type="module" src=${url} data-endpoint=${MOCK_BASE} data-colour="red"></script>
        </div>`,
      );
      mountScriptTags(url);
      const el = page.querySelector('citizen-portal')!;
      await categoryInput(el);
      await waitFor(() => errors.join('\n').includes('unknown setting or value: "colour"'), 'the console message');
      expect(regionText(el, 'alert')).to.equal('');
    } finally {
      console.error = original;
    }
  });
});
