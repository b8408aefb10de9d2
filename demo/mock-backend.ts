// Demo bootstrap, loaded by demo/index.html BEFORE the widget's script. Two modes:
//
// - Default: an in-browser Open311 GeoReport v2 server (msw service worker + demo/backend), with requests kept
//   in localStorage, so the demo works with no server of its own.
// - `?endpoint=https://…[&jurisdiction=…]`: point every <citizen-portal> on the page at that real server instead,
//   and do not load or start the mock at all.
//
// Both branches do their DOM/global work synchronously, before any await: module scripts run in document order
// (after parsing, so the <citizen-portal> elements already exist, not yet upgraded), but a top-level await in
// this module would NOT hold back the widget's script, which runs next and may fetch services right away.

const BANNER_ID = 'demo-server';

const params = new URLSearchParams(location.search);
const endpoint = realEndpoint(params.get('endpoint'));

if (endpoint) {
  useRealServer(endpoint, params.get('jurisdiction'));
} else {
  startMock();
}

/** The `?endpoint=` value if it is a server the page's CSP lets us reach (https, or http on this machine). */
function realEndpoint(raw: string | null): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    if (url.protocol === 'https:' || (url.protocol === 'http:' && local)) return raw.trim();
  } catch {
    // fall through
  }
  console.warn(`[demo] Ignoring ?endpoint=${raw}: expected an https:// URL. Using the built-in mock server.`);
  return undefined;
}

function useRealServer(url: string, jurisdiction: string | null): void {
  // Set before the widget script defines the element, so it never starts with the demo's /open311/v2.
  for (const portal of document.querySelectorAll('citizen-portal')) {
    portal.setAttribute('endpoint', url);
    if (jurisdiction) portal.setAttribute('jurisdiction', jurisdiction);
    else portal.removeAttribute('jurisdiction');
    // The demo's photo store is part of the mock: a real server needs its own (?media-upload=…).
    // So are its photo store and its geocoder: a real server needs its own (?media-upload=…, ?geocoder=…).
    for (const name of ['media-upload', 'geocoder']) {
      const value = new URLSearchParams(location.search).get(name);
      if (value) portal.setAttribute(name, value);
      else portal.removeAttribute(name);
    }
  }
  showBanner(
    `Live server: reports on this page go to ${url}` +
      (jurisdiction ? ` (jurisdiction “${jurisdiction}”).` : ' (no jurisdiction id).'),
  );
  // A mock worker left registered by an earlier visit would only pass requests through, but remove it so that
  // nothing stands between the page and the real server.
  void navigator.serviceWorker?.getRegistrations().then((registrations) => {
    for (const r of registrations) if (r.active?.scriptURL.endsWith('/mockServiceWorker.js')) void r.unregister();
  });
}

function startMock(): void {
  const nativeFetch = window.fetch;

  // Resolves (never rejects) once the service worker intercepts requests, or once starting it has failed.
  const ready = (async () => {
    const [
      { setupWorker },
      { createOpen311Handlers, createLocalStorageStore, createMediaHandlers, createGeocoderHandlers },
      { translations },
    ] = await Promise.all([import('msw/browser'), import('./backend/index'), import('./backend/translations')]);
    // Demo City's own words in each language (the `translations` setting), as a city would configure them: a
    // Spanish visitor sees a Spanish catalogue. Set before the server answers, so the first list is translated.
    for (const portal of document.querySelectorAll('citizen-portal')) Object.assign(portal, { translations });
    const worker = setupWorker(
      ...createOpen311Handlers({ store: createLocalStorageStore(), delayMs: 400 }),
      ...createMediaHandlers({ delayMs: 600 }),
      ...createGeocoderHandlers({ delayMs: 150 }),
    );
    await worker.start({
      serviceWorker: { url: '/mockServiceWorker.js' },
      onUnhandledRequest: 'bypass',
      quiet: false,
    });
  })().then(
    () => showBanner('Demo mode: reports go to a simulated Open311 server that keeps them in this browser only.'),
    (error: unknown) => {
      console.error('[demo] The mock Open311 server did not start:', error);
      showBanner('Demo mode: the simulated Open311 server could not start, so reports cannot be sent.');
    },
  );

  // The widget calls the global fetch at call time; until the worker is ready, hold those calls back instead of
  // letting them reach the static server (which would answer 404).
  const waitingFetch: typeof fetch = (...args) => ready.then(() => nativeFetch.apply(window, args));
  window.fetch = waitingFetch;
  // Step aside once ready, unless something (e.g. msw's fallback mode) has replaced fetch in the meantime.
  void ready.then(() => {
    if (window.fetch === waitingFetch) window.fetch = nativeFetch;
  });
}

/** Says which server the page talks to, in the page's own banner (outside the widget). */
function showBanner(text: string): void {
  let banner = document.getElementById(BANNER_ID);
  if (!banner) {
    banner = document.createElement('p');
    banner.id = BANNER_ID;
    banner.className = 'demo-banner';
    document.body.prepend(banner);
  }
  banner.textContent = text;
}
