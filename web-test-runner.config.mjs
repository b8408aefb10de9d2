// Browser tests: real headless Chromium (Debian's package), TypeScript through esbuild, msw as the network.
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChromium, chromiumFlags } from './scripts/check/chromium-path.mjs';
import { startCdnServer } from './scripts/dev/cdn-server.mjs';
import { cssInline } from './scripts/check/wtr-css-inline.mjs';

const mswWorker = fileURLToPath(new URL('./node_modules/msw/lib/mockServiceWorker.js', import.meta.url));

// A second origin that serves dist/ the way a CDN would (CORS on), for the cross-origin embed tests.
const cdn = await startCdnServer({ port: Number(process.env.CP_CDN_PORT || 0) });
process.on('exit', () => cdn.close());

/** CDP sessions of the forced-colors command, by test session. */
const forcedSessions = {};

export default {
  // test/report, tracker, backend, embed and demo; test/e2e (node --test on the built bundle) is not for this runner.
  files: ['test/**/*.test.ts', '!test/e2e/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  // Each test file starts with empty storage: what one file's pages left behind (a closed tab's kept report, My
  // requests, a language chosen) must not change what the next file sees. Within a file, storage is the tests' own.
  testRunnerHtml: (testFramework) =>
    `<!doctype html><html><head><script>localStorage.clear(); sessionStorage.clear();</script></head>` +
    `<body><script type="module" src="${testFramework}"></script></body></html>`,
  testsFinishTimeout: 8 * 60 * 1000,
  browserStartTimeout: 60000,
  plugins: [
    // vite's `x.css?inline` (maplibre's CSS for the shadow root) as a JS module, as vite serves it.
    cssInline(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    {
      // Forced colours (Windows high contrast) for axe in every state (issue #16): CDP's Emulation.setEmulatedMedia,
      // since wtr's emulateMedia drops forcedColors with puppeteer and puppeteer's own API refuses it. One session
      // per page keeps the emulation; reduced motion is set with it (the call replaces every emulated feature).
      // In a test: executeServerCommand('forced-colors', true | false).
      name: 'forced-colors',
      async executeCommand({ command, payload, session }) {
        if (command !== 'forced-colors') return undefined;
        const page = session.browser.getPage(session.id);
        const cdp = (forcedSessions[session.id] ??= await page.createCDPSession());
        await cdp.send('Emulation.setEmulatedMedia', {
          features: [
            { name: 'forced-colors', value: payload ? 'active' : 'none' },
            { name: 'prefers-reduced-motion', value: 'reduce' },
          ],
        });
        return true;
      },
    },
    {
      // The test's page as the window in front: a page behind others gets no focus events, as in a browser tab the
      // resident is not looking at. In a test: executeServerCommand('bring-to-front').
      name: 'bring-to-front',
      async executeCommand({ command, session }) {
        if (command !== 'bring-to-front') return undefined;
        await session.browser.getPage(session.id).bringToFront();
        return true;
      },
    },
    {
      // Exposes the CDN origin to the tests: import { CDN_ORIGIN } from '/__cdn-origin.js'
      name: 'cdn-origin',
      serve(context) {
        if (context.path === '/__cdn-origin.js') {
          return { body: `export const CDN_ORIGIN = ${JSON.stringify(cdn.origin)};`, type: 'js' };
        }
      },
    },
  ],
  middleware: [
    function mockServiceWorker(context, next) {
      if (context.path === '/mockServiceWorker.js') {
        context.type = 'application/javascript';
        context.set('Service-Worker-Allowed', '/');
        context.body = readFileSync(mswWorker, 'utf8');
        return;
      }
      return next();
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChromium(),
        headless: true,
        args: chromiumFlags,
      },
    }),
  ],
};
