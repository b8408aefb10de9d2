// Finds a Chrome/Chromium binary for the browser tests and the demo checks.
// Order: CHROME_PATH, then the usual Debian/Ubuntu/macOS locations. Returns undefined when none exists.
import { existsSync } from 'node:fs';

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export function findChromium() {
  return candidates.find((p) => p && existsSync(p));
}

/** Flags that make headless Chromium work as root on a machine with a closed network (see README). */
export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--enable-unsafe-swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Chromium 14x renders the omnibox's popup as two WebUI pages per tab, each loading ~270 files from its own
  // renderer: two more processes starting with every test page or bench load, on a 2-core machine.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];
