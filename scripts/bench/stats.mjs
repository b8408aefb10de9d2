// Small helpers shared by the benches: order statistics, formatting, markdown tables, and a Chromium to run in.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromiumFlags, findChromium } from '../check/chromium-path.mjs';

const sorted = (xs) => [...xs].sort((a, b) => a - b);
/** The middle value (the mean of the two middle ones for an even count). */
export const median = (xs) => {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** Nearest-rank percentile, p in 0–1. */
export const percentile = (xs, p) => {
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
};
export const min = (xs) => Math.min(...xs);
export const max = (xs) => Math.max(...xs);

export const ms = (x, digits = 0) => (x === undefined || Number.isNaN(x) ? '—' : `${x.toFixed(digits)} ms`);
/** "412 ms (388–460)" */
export const spread = (xs, digits = 0) =>
  xs.length ? `${ms(median(xs), digits)} (${min(xs).toFixed(digits)}–${max(xs).toFixed(digits)})` : '—';
export const kb = (bytes) => (bytes === undefined ? '—' : `${(bytes / 1024).toFixed(1)} KB`);

/** A markdown table: `header` is the column names, `rows` arrays of cells. */
export function table(header, rows) {
  const esc = (c) => String(c ?? '').replace(/\|/g, '\\|');
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

export const sleep = (t) => new Promise((r) => setTimeout(r, t));

/** Headless Chromium with the repository's flags and a fresh profile (removed on close). */
export async function launchChromium() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'cp-bench-'));
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    args: chromiumFlags,
    userDataDir,
    protocolTimeout: 120_000,
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Rejects after `t` ms with `what`. */
export const within = (promise, t, what) =>
  Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: nothing after ${t} ms`)), t).unref()),
  ]);
