// `npm run fuzz`: the Open311 client against hostile servers (issue #15), in Node, many thousands of payloads.
// The properties and payloads are test/backend/fuzz-payloads.ts (the browser test runs the same ones, fewer times);
// the client is src/backend/open311.ts, bundled with esbuild as the gateway's tests do, XML read by @xmldom/xmldom.
//
//   npm run fuzz                      # 1,500 runs for each of the 7 calls (10,500 payloads), a random seed
//   npm run fuzz -- --runs 500 --seed 42 [--only services]   # replay or narrow down
import { bundleForNode } from './bundle-for-node.mjs';
import { parseArgs } from 'node:util';
import { DOMParser } from '@xmldom/xmldom';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: process.env.FUZZ_RUNS ?? '1500' },
    seed: { type: 'string' },
    only: { type: 'string' },
  },
});
const runs = Number(args.runs);
const seed = args.seed !== undefined ? Number(args.seed) : (Date.now() ^ (Math.random() * 2 ** 31)) | 0;

const m = await bundleForNode(
  'fuzz',
  `export { createOpen311Backend } from './src/backend/open311';
export * from './test/backend/fuzz-payloads';
export { default as fc } from 'fast-check';`,
);
const { fc, CALLS, REGRESSIONS, caseFor, runCase, regressionCase } = m;

/** @xmldom/xmldom, quiet: a malformed document throws (as the gateway uses it). */
const xmlParser = {
  parseFromString: (text, type) =>
    new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, type),
};
const env = { createOpen311Backend: m.createOpen311Backend, xmlParser };

console.log(`fuzz: ${runs} runs per call, seed ${seed} (replay: npm run fuzz -- --seed ${seed} --runs ${runs})`);
let failed = false;
const started = performance.now();

for (const r of REGRESSIONS) {
  const call = CALLS.find((c) => c.name === r.call);
  try {
    await runCase(env, call, regressionCase(r));
  } catch (e) {
    failed = true;
    console.error(`✗ regression ${r.call} (${r.why}):\n${e.message}`);
  }
}
console.log(`  ${REGRESSIONS.length} fixed regression cases`);

let total = 0;
for (const call of CALLS) {
  if (args.only && !call.name.includes(args.only)) continue;
  const t0 = performance.now();
  const details = await fc.check(
    fc.asyncProperty(caseFor(call), (c) => runCase(env, call, c)),
    { numRuns: runs, seed, endOnFailure: false },
  );
  const ms = performance.now() - t0;
  total += details.numRuns;
  if (details.failed) {
    failed = true;
    console.error(`✗ ${call.name} after ${details.numRuns} runs (${(ms / 1000).toFixed(1)} s)`);
    console.error(
      fc
        .defaultReportMessage(details)
        ?.replace(/\n\nHint:.*$/s, '')
        .slice(0, 4000),
    );
    console.error(String(details.errorInstance?.stack ?? details.errorInstance).slice(0, 2000));
  } else {
    console.log(`✓ ${call.name.padEnd(22)} ${details.numRuns} runs  ${(ms / 1000).toFixed(1)} s`);
  }
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `fuzz: ${total} payloads in ${seconds} s, seed ${seed}: ${failed ? 'FAILED' : 'nothing threw, nothing leaked'}`,
);
process.exit(failed ? 1 : 0);
