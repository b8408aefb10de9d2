// The gateway under load (issue #12), measured with autocannon against 127.0.0.1: requests per second and p50/p99
// latency for GET services.json (cached by the gateway) and POST requests.json (the upstream answers at once), for
//   - one gateway process, its cache and rate limit in memory (the default),
//   - one gateway process with Redis,
//   - two gateway processes sharing one Redis, the load split evenly between them (two autocannon clients, one per
//     process, half the connections each: a load balancer that costs nothing; their latencies merged exactly with
//     autocannon.aggregateResult),
// and how many of the GETs reached the upstream (the cache must absorb them). The gateways are the built CLI
// (gateway/dist: `npm run build:gateway`), each its own process logging at info level (to /dev/null), as a city
// runs them; Redis is Debian's redis-server (scripts/check/ensure-services.mjs). The upstream, a node:http Open311
// server answering from memory at once, runs in a worker thread; autocannon on the main thread. The POST rate limit
// is raised to its maximum for the run (one client address sends everything), and still checked on every POST.
//
//   node scripts/bench/gateway.mjs      prints the table (bench.mjs puts it into results.md)
// BENCH_GATEWAY_SECONDS (default 5) sets each measured run; each has a 1 s warm-up before it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { freePort, startRedis, waitForPort } from '../check/ensure-services.mjs';
import { table } from './stats.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLI = `${root}gateway/bin/citizen-portal-gateway.mjs`;
const ORIGIN = 'https://www.city.example';
const API_KEY = 'bench-secret-key';
const JURISDICTION = 'city.example';
/** What autocannon opens: browsers' connections to the city's load balancer. */
const CONNECTIONS = 50;
/** Counters the upstream shares with the main thread. */
const SERVICES_GETS = 0;
const POSTS = 1;
const POSTS_WITHOUT_KEY = 2;
const OTHER = 3;

// ---- in the worker threads ----

/** A city's catalogue of 25 services in 5 groups, as a real server sends it (about 5 KB of JSON). */
function catalogue() {
  const groups = ['Streets & Sidewalks', 'Trash & Recycling', 'Parks & Trees', 'Water & Sewer', 'Noise & Nuisance'];
  return Array.from({ length: 25 }, (_, i) => ({
    service_code: `SERVICE_${i}`,
    service_name: `Service number ${i}`,
    description: 'A problem the city fixes, described for residents in a sentence or so.',
    metadata: false,
    type: 'realtime',
    keywords: 'road, street, hole',
    group: groups[i % groups.length],
  }));
}

/** The city's Open311 server: answers at once, counts what it gets, wants the api_key on POST. */
function runUpstream({ counters }) {
  const count = new Int32Array(counters);
  const services = JSON.stringify(catalogue());
  const headers = { 'Content-Type': 'application/json; charset=utf-8' };
  let next = 100000;
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'POST' && path === '/open311/v2/requests.json') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        Atomics.add(count, POSTS, 1);
        if (new URLSearchParams(body).get('api_key') !== API_KEY) {
          Atomics.add(count, POSTS_WITHOUT_KEY, 1);
          res.writeHead(403, headers).end('[{"code":403,"description":"Invalid api_key"}]');
          return;
        }
        res
          .writeHead(201, headers)
          .end(JSON.stringify([{ service_request_id: String(next++), service_notice: 'Thank you.' }]));
      });
      return;
    }
    req.resume();
    if (req.method === 'GET' && path === '/open311/v2/services.json') {
      Atomics.add(count, SERVICES_GETS, 1);
      res.writeHead(200, headers).end(services);
      return;
    }
    Atomics.add(count, OTHER, 1);
    res.writeHead(404, headers).end('[{"code":404,"description":"Not found"}]');
  });
  server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
}

if (!isMainThread && workerData?.benchGatewayRole) {
  runUpstream(workerData);
}

// ---- in the main thread ----

/** Starts this file as a worker in `role`; resolves with its port and a terminate(). */
function startWorker(role, data) {
  const worker = new Worker(new URL(import.meta.url), { workerData: { benchGatewayRole: role, ...data } });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', ({ port }) => resolve({ port, stop: () => worker.terminate() }));
  });
}

/** The CLI as a city runs it (logs at info level, to /dev/null here); resolves once /health answers. */
async function startGatewayProcess(env) {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI], {
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await Promise.race([
    waitForPort(port, 15_000),
    exited.then((code) => Promise.reject(new Error(`gateway exited (${code}): ${stderr}`))),
  ]);
  const health = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.json());
  if (health.status !== 'ok') throw new Error(`gateway unhealthy: ${JSON.stringify(health)}`);
  return {
    port,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

const formatInt = (n) => Math.round(n).toLocaleString('en-US');

/**
 * `clients` autocannon clients at once, one per port, the connections split between them; the raw results (each
 * with its latency histogram) of a `seconds`-long run.
 */
async function loadSplit(autocannon, ports, path, seconds, options) {
  return Promise.all(
    ports.map((port) =>
      autocannon({
        ...options,
        url: `http://127.0.0.1:${port}${path}`,
        connections: CONNECTIONS / ports.length,
        duration: seconds,
        skipAggregateResult: true,
      }),
    ),
  );
}

/**
 * Runs the whole gateway bench; resolves with its markdown (a table and a note).
 * @param {{ log?: (s: string) => void, seconds?: number }} [options]
 */
export async function benchGateway({ log = () => {}, seconds = Number(process.env.BENCH_GATEWAY_SECONDS || 5) } = {}) {
  if (!existsSync(`${root}gateway/dist/cli.mjs`)) throw new Error('no gateway build: run npm run build:gateway');
  const { default: autocannon } = await import('autocannon');
  const counters = new SharedArrayBuffer(4 * 4);
  const count = new Int32Array(counters);
  const upstream = await startWorker('upstream', { counters });
  const redis = await startRedis();
  const mediaDir = mkdtempSync(join(tmpdir(), 'cp-bench-gw-'));
  const setups = [
    { name: '1 process, memory', processes: 1, redis: false },
    { name: '1 process, Redis', processes: 1, redis: true },
    { name: '2 processes, one Redis', processes: 2, redis: true },
  ];
  const browser = { Origin: ORIGIN, 'Accept-Language': 'en' };
  const loads = {
    get: { label: 'GET services.json (cached)', path: '/services.json', options: { headers: browser } },
    post: {
      label: 'POST requests.json',
      path: '/requests.json',
      options: {
        method: 'POST',
        headers: { ...browser, 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' },
        // A report as the widget sends it (the honeypot field empty).
        body: new URLSearchParams({
          service_code: 'SERVICE_3',
          lat: '41.50213',
          long: '-90.49781',
          address_string: '310 Founders Way',
          description: 'A deep pothole in the right lane, by the bus stop.',
          email: 'resident@example.org',
          cp_website: '',
        }).toString(),
      },
    },
  };
  const rows = [];
  const stops = [];
  try {
    for (const [i, setup] of setups.entries()) {
      const env = {
        UPSTREAM: `http://127.0.0.1:${upstream.port}/open311/v2`,
        ALLOW_ORIGINS: ORIGIN,
        API_KEY,
        JURISDICTION_ID: JURISDICTION,
        CACHE_TTL_SECONDS: '300',
        RATE_LIMIT_CAPACITY: '10000',
        RATE_LIMIT_PER_MINUTE: '100000',
        MEDIA_DIR: mediaDir,
        LOG_LEVEL: 'info',
        // A prefix of its own: each setup starts with a cold cache and a full bucket.
        ...(setup.redis && { REDIS_URL: redis.url, REDIS_PREFIX: `bench-${i}:` }),
      };
      const gateways = await Promise.all(Array.from({ length: setup.processes }, () => startGatewayProcess(env)));
      stops.push(...gateways.map((g) => g.stop));
      const ports = gateways.map((g) => g.port);
      for (const kind of ['get', 'post']) {
        const { label, path, options } = loads[kind];
        log(`gateway: ${setup.name}, ${label}`);
        const before = Atomics.load(count, kind === 'get' ? SERVICES_GETS : POSTS);
        const warm = await loadSplit(autocannon, ports, path, 1, options);
        const runs = await loadSplit(autocannon, ports, path, seconds, options);
        const reached = Atomics.load(count, kind === 'get' ? SERVICES_GETS : POSTS) - before;
        const all = [...warm, ...runs];
        const sent = all.reduce((n, r) => n + r.totalCompletedRequests, 0);
        const failed = all.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0);
        const perSecond = runs.reduce((n, r) => n + r.totalCompletedRequests / r.samples, 0);
        const { latency } = autocannon.aggregateResult(runs, {
          url: `http://127.0.0.1:${ports[0]}${path}`,
          connections: CONNECTIONS,
        });
        rows.push([
          label,
          setup.name,
          `**${formatInt(perSecond)}**`,
          `${latency.p50} ms`,
          `${latency.p99} ms`,
          `${formatInt(sent)} (${failed})`,
          kind === 'get' ? `**${reached}**` : `${formatInt(reached)} (each report, by design)`,
        ]);
      }
      await Promise.all(stops.splice(0).map((stop) => stop()));
    }
  } finally {
    await Promise.all(stops.map((stop) => stop()));
    await upstream.stop();
    await redis.stop();
    rmSync(mediaDir, { recursive: true, force: true });
  }
  if (Atomics.load(count, POSTS_WITHOUT_KEY)) throw new Error('the upstream got POSTs without the api_key');
  if (Atomics.load(count, OTHER)) throw new Error(`the upstream got ${Atomics.load(count, OTHER)} unexpected calls`);

  return `${table(['load', 'gateway', 'req/s', 'p50', 'p99', 'answered (not 2xx)', 'reached the upstream'], rows)}

autocannon, ${CONNECTIONS} connections, ${seconds} s per row after a 1 s warm-up ("answered" and "reached the upstream"
count both; req/s and latencies the measured run), every request with an allowed \`Origin\` and
\`Accept-Language: en\`. Two processes: two clients, ${CONNECTIONS / 2} connections to each process. The POSTs are reports
as the widget sends them; the gateway checks the honeypot and the rate limit (raised to 10,000 at once and 100,000 a
minute for the run), adds the api_key and jurisdiction_id, and the upstream answers at once. Each setup starts with a
cold cache: its first GET goes upstream (once per process at most: several browsers asking at once wait for that one
answer), every other is answered from the cache. Latencies in whole milliseconds (autocannon's resolution). Everything
shares this machine's cores: autocannon, the upstream, Redis and the gateway process(es).`;
}

if (isMainThread && process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(
    await benchGateway({ log: (s) => console.error(`[bench ${(performance.now() / 1000).toFixed(0)} s] ${s}`) }),
  );
}
