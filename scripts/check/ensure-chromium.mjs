// Makes sure a Chromium exists before the browser tests start. On a fresh Debian machine with none, installs
// Debian's `chromium` package (needs root and apt); anywhere else, says plainly what to do.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium-path.mjs';

const found = findChromium();
if (found) {
  console.log(`Chromium for the tests: ${found}`);
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (existsSync('/usr/bin/apt-get') && isRoot) {
  console.log(
    'No Chromium found: installing Debian\'s "chromium" package (apt-get update && apt-get install chromium)…',
  );
  try {
    execSync('apt-get update', { stdio: 'inherit' });
    execSync('apt-get install -y --reinstall --no-install-recommends chromium', {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    // fall through to the message below
  }
  const now = findChromium();
  if (now) {
    console.log(`Chromium for the tests: ${now}`);
    process.exit(0);
  }
}

console.error(
  'The browser tests need Chrome or Chromium and none was found.\n' +
    '  Debian/Ubuntu: sudo apt-get update && sudo apt-get install chromium\n' +
    '  Elsewhere: install Chrome or Chromium and set CHROME_PATH to its binary.',
);
process.exit(1);
