// The configurator: every change to the settings form goes to the live <citizen-portal> beside it and into the
// snippet a webmaster copies. Text only (textContent), no inline script: the page runs under the demo's CSP.
//
// The snippet must work pasted as it is into a page on another site (issue #13): so it loads the bundle from this
// server (which serves dist/ with CORS, like a CDN), every URL in it is absolute, and the ones that point here
// (the demo's Open311 server, map, boundary, geocoder and photo store, all answered with CORS by `npm start`'s
// server) are named as the ones to replace with the city's own.
import { testEndpoint } from './configure-test-endpoint';

const form = document.querySelector<HTMLFormElement>('#settings')!;
const portal = document.querySelector('citizen-portal')!;
const snippet = document.querySelector<HTMLElement>('#snippet')!;
const replaceList = document.querySelector<HTMLElement>('#replace')!;
const BUNDLE = new URL('/dist/citizen-portal.js', location.href).href;

/** Settings whose values are URLs: made absolute, so the snippet means the same thing on another site. */
const URL_SETTINGS = new Set(['endpoint', 'map-style', 'boundary', 'geocoder', 'media-upload']);

/** What a webmaster replaces each of the demo's URLs with, in a few words. */
const REPLACE_WITH: Record<string, string> = {
  endpoint: 'your city\'s Open311 (GeoReport v2) server: required (try it with "Test this endpoint")',
  jurisdiction: "your server's, only if it hosts several cities (or leave it out)",
  'map-style': "your city's map style (or OpenFreeMap's, https://tiles.openfreemap.org/styles/liberty)",
  boundary: "your city's limits as GeoJSON (or leave it out)",
  geocoder: 'your own Nominatim or Photon server, or a keyed provider (or leave it out)',
  'media-upload': 'your city\'s photo store, or "post" if your Open311 server takes photos (or leave it out)',
};

const quote = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The value as an absolute URL (keeping a geocoder's `nominatim:`/`photon:` prefix); other values as they are. */
function absolute(name: string, value: string): string {
  if (!URL_SETTINGS.has(name) || (name === 'media-upload' && value === 'post')) return value;
  const [, prefix = '', rest = value] = /^(nominatim:|photon:)?(.*)$/.exec(value) ?? [];
  try {
    return prefix + new URL(rest, location.href).href;
  } catch {
    return value; // not a URL at all: the widget names it in the console, as it would on the city's page
  }
}

/** True when the URL points at this demo server: fine for trying the snippet, not for residents. */
function isDemos(value: string): boolean {
  try {
    return new URL(value.replace(/^(nominatim|photon):/, '')).origin === location.origin;
  } catch {
    return false;
  }
}

function apply(): void {
  const attributes: string[] = [];
  const styles: string[] = [];
  const demos: string[] = [];
  for (const input of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) {
    const name = input.name;
    if (name.startsWith('--')) {
      // Colours and shape: custom properties, set through the CSSOM (allowed under a strict CSP).
      const value = input.value;
      if (value && !(name === '--cp-accent' && value === '#0b5cad')) {
        portal.style.setProperty(name, value);
        styles.push(`${name}: ${value};`);
      } else portal.style.removeProperty(name);
      continue;
    }
    const value =
      input instanceof HTMLInputElement && input.type === 'checkbox'
        ? input.checked
          ? ''
          : null
        : input.value.trim() || null;
    if (value === null) portal.removeAttribute(name);
    else portal.setAttribute(name, value);
    if (value === null) continue;
    const written = absolute(name, value);
    attributes.push(written === '' ? name : `${name}="${quote(written)}"`);
    if (URL_SETTINGS.has(name) && isDemos(written)) demos.push(name);
  }
  // The demo's jurisdiction id goes with the demo's server.
  const jurisdiction = form.querySelector<HTMLInputElement>('#jurisdiction')!.value.trim();
  if (demos.includes('endpoint') && jurisdiction) demos.splice(demos.indexOf('endpoint') + 1, 0, 'jurisdiction');
  const replace = [
    ...demos.map((name) => `${name}: ${REPLACE_WITH[name]}`),
    `the script's src: your own copy of dist/ (from the npm package citizen-portal) or a CDN's`,
  ];
  // An HTML comment, so the snippet pasted as it is says what is the demo's; no "--" may appear inside one.
  const comment =
    `<!-- Citizen portal. As it is, this uses the demo server at ${location.origin} (made-up data,\n` +
    `     forgotten when it stops): paste it into any page to try it. Before going live, replace\n` +
    replace.map((line) => `     - ${line.replace(/--/g, '- -')}\n`).join('') +
    `-->\n`;
  // Colours go in the site's stylesheet, not an inline <style>: a strict Content-Security-Policy blocks those.
  snippet.textContent =
    `${comment}<script type="module" src="${BUNDLE}"></script>\n` +
    `<citizen-portal\n  ${attributes.join('\n  ')}\n></citizen-portal>` +
    (styles.length ? `\n\n/* In your site's stylesheet */\ncitizen-portal { ${styles.join(' ')} }` : '');
  // And the same in the page's own words, beside the snippet.
  const heading = document.createElement('h3');
  heading.textContent = 'Before going live, replace';
  const list = document.createElement('ul');
  for (const line of replace) {
    const item = document.createElement('li');
    item.textContent = line;
    list.append(item);
  }
  replaceList.replaceChildren(heading, list);
}

// The form shows what the snippet will say: the demo's addresses in full, as another site must write them.
for (const input of form.querySelectorAll<HTMLInputElement>('input')) {
  if (URL_SETTINGS.has(input.name) && input.value) input.value = absolute(input.name, input.value.trim());
}

form.addEventListener('input', apply);
form.addEventListener('change', apply);
document.querySelector('#copy')!.addEventListener('click', async () => {
  const status = document.querySelector('#copied')!;
  try {
    await navigator.clipboard.writeText(snippet.textContent ?? '');
    status.textContent = 'Copied.';
  } catch {
    status.textContent = 'Select the snippet and copy it by hand.';
  }
});

const result = document.querySelector<HTMLElement>('#endpoint-result')!;
const testButton = document.querySelector<HTMLButtonElement>('#test-endpoint')!;
testButton.addEventListener('click', async () => {
  const endpoint = form.querySelector<HTMLInputElement>('#endpoint')!.value;
  const jurisdiction = form.querySelector<HTMLInputElement>('#jurisdiction')!.value;
  testButton.disabled = true;
  result.removeAttribute('data-outcome');
  result.textContent = 'Testing…';
  try {
    const outcome = await testEndpoint(endpoint, jurisdiction);
    result.dataset['outcome'] = outcome.ok ? 'ok' : 'problem';
    result.textContent = outcome.text;
  } finally {
    testButton.disabled = false;
  }
});
apply();
