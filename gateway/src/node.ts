/**
 * The gateway on Node: @hono/node-server, sharp for photos, a local folder or S3 for storage, Redis when
 * REDIS_URL is set (the cache and the rate limit then shared by every copy).
 */
import { serve } from '@hono/node-server';
import type { Context } from 'hono';
import { DOMParser } from '@xmldom/xmldom';
import type { Redis } from 'ioredis';
import type { Config } from './config';
import { createGateway, type Logger } from './app';
import { localStorage, s3Storage, sharpProcessor } from './node-media';
import { memoryCache, memoryRateLimiter, redisCache, redisRateLimiter } from './stores';
import type { XmlParser } from '../../src/backend/decode';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 } as const;

/** One JSON object per line on stdout (stderr for warnings and errors). */
export function jsonLogger(
  level: Config['logLevel'],
  write = (line: string, err: boolean) => (err ? process.stderr : process.stdout).write(`${line}\n`),
): Logger {
  return (lvl, msg, fields) => {
    if (LEVELS[lvl] < LEVELS[level]) return;
    write(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...fields }), LEVELS[lvl] >= 30);
  };
}

/** @xmldom/xmldom, quiet: a malformed document throws (the client then knows it is not XML). */
export const xmlParser: XmlParser = {
  parseFromString: (text, type) =>
    new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, type),
};

/** The address of the client, or of the proxy `trustProxyHops` back in X-Forwarded-For. */
export function nodeClientIp(config: Config) {
  return (c: Context): string | undefined => {
    const socket = (c.env as { incoming?: { socket?: { remoteAddress?: string } } })?.incoming?.socket?.remoteAddress;
    if (config.trustProxyHops > 0) {
      const hops = (c.req.header('X-Forwarded-For') ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const ip = hops[hops.length - config.trustProxyHops];
      if (ip) return ip;
    }
    return socket;
  };
}

export async function startGateway(config: Config, options: { log?: Logger } = {}) {
  const log = options.log ?? jsonLogger(config.logLevel);
  let redis: Redis | undefined;
  if (config.redisUrl) {
    const { Redis } = await import('ioredis');
    redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: true, lazyConnect: false });
    let down = false;
    redis.on('error', (e) => {
      if (!down) log('warn', 'redis unavailable', { err: String(e.message) });
      down = true;
    });
    redis.on('ready', () => (down = false));
  }
  const onRedisError = (e: unknown) => log('warn', 'redis call failed', { err: String((e as Error)?.message ?? e) });
  const limits = { capacity: config.rateLimitCapacity, perMinute: config.rateLimitPerMinute };
  const publicUrl = config.publicUrl ?? `http://${config.host}:${config.port}`;
  const storage =
    config.mediaStorage === 'local'
      ? localStorage(config.mediaDir, publicUrl)
      : config.mediaStorage === 's3'
        ? await s3Storage(config)
        : undefined;
  if (!config.formSecret && config.minFillSeconds > 0)
    log('warn', 'FORM_SECRET not set: form tokens are valid in this process only');
  if (!config.allowOrigins.length) log('warn', 'ALLOW_ORIGINS is empty: no web page may call this gateway');

  const app = createGateway({
    config,
    cache: redis ? redisCache(redis, config.redisPrefix, onRedisError) : memoryCache(),
    limiter: redis ? redisRateLimiter(redis, config.redisPrefix, limits, onRedisError) : memoryRateLimiter(limits),
    storage,
    processImage: sharpProcessor,
    xmlParser,
    clientIp: nodeClientIp(config),
    log,
    formSecret: config.formSecret ?? crypto.randomUUID() + crypto.randomUUID(),
    ...(redis && { healthChecks: { redis: () => redis!.ping() } }),
  });

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log('info', 'listening', { url: `http://${config.host}:${port}`, upstream: new URL(config.upstream).origin });
  return {
    app,
    port,
    url: `http://${config.host}:${port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      redis?.disconnect();
    },
  };
}

export { ConfigError, loadConfig, parseConfig } from './config';
export { createGateway } from './app';
