/**
 * The mock Open311 server for browser tests. One msw service worker serves the whole test page; each call to
 * `useMockBackend()` (typically in `beforeEach`) gives it fresh handlers and an empty store, and starts a new
 * record of the requests the page makes.
 *
 *   const { worker, requests } = await useMockBackend();
 *   worker.use(http.post('/open311/v2/requests.json', () => HttpResponse.json([…], { status: 500 })));
 */
import { setupWorker } from 'msw/browser';
import type { SetupWorker } from 'msw/browser';
import { createOpen311Handlers } from '../../demo/backend/handlers';
import { createMediaHandlers } from '../../demo/backend/media';
import { createGeocoderHandlers } from '../../demo/backend/geocoder';
import { createMemoryStore } from '../../demo/backend/store';
import type { RequestStore } from '../../demo/backend/store';

export const MOCK_BASE = '/open311/v2';
/** The tab's draft key of a <citizen-portal endpoint=${MOCK_BASE}> (the endpoint as the element resolves it). */
export const MOCK_DRAFT_KEY = `citizen-portal:draft:${new URL(MOCK_BASE, document.baseURI).href.replace(/\/+$/, '')}`;

export interface MockBackend {
  worker: SetupWorker;
  store: RequestStore;
  base: string;
  /** Clones of every request the worker saw since this `useMockBackend()` call, in order; bodies unread. */
  requests: Request[];
}

let worker: SetupWorker | undefined;
let started: Promise<unknown> | undefined;
let recording: Request[] = [];

export async function useMockBackend(options: { store?: RequestStore; now?: () => Date } = {}): Promise<MockBackend> {
  if (!worker) {
    worker = setupWorker();
    // Cloned as the request starts, before any handler reads its body.
    worker.events.on('request:start', ({ request }) => {
      recording.push(request.clone());
    });
    started = worker.start({
      serviceWorker: { url: '/mockServiceWorker.js' },
      quiet: true,
      onUnhandledRequest: 'bypass',
    });
  }
  await started;

  const store = options.store ?? createMemoryStore();
  // Also drops whatever a previous test added with worker.use().
  worker.resetHandlers(
    ...createOpen311Handlers({ base: MOCK_BASE, store, now: options.now }),
    ...createMediaHandlers(),
    ...createGeocoderHandlers(),
  );
  recording = [];
  return { worker, store, base: MOCK_BASE, requests: recording };
}
