/**
 * What copies of the gateway may share: a cache and a token-bucket rate limit. In memory for one process, in
 * Redis (REDIS_URL) for several. Both fail open: a Redis outage slows nobody's report, and is logged.
 */
import type { Redis } from 'ioredis';

export interface Cache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
}

export interface RateLimiter {
  /** Takes one token from `key`'s bucket; when empty, how long until one is there. */
  take(key: string): Promise<{ allowed: true } | { allowed: false; retryAfterMs: number }>;
}

export interface Limits {
  capacity: number;
  perMinute: number;
}

export function memoryCache(maxEntries = 1000): Cache {
  const map = new Map<string, { value: string; until: number }>();
  return {
    async get(key) {
      const hit = map.get(key);
      if (!hit) return undefined;
      if (hit.until < Date.now()) {
        map.delete(key);
        return undefined;
      }
      return hit.value;
    },
    async set(key, value, ttl) {
      if (map.size >= maxEntries) map.delete(map.keys().next().value!);
      map.set(key, { value, until: Date.now() + ttl * 1000 });
    },
  };
}

export function memoryRateLimiter({ capacity, perMinute }: Limits, maxKeys = 100_000): RateLimiter {
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    async take(key) {
      const now = Date.now();
      const b = buckets.get(key) ?? { tokens: capacity, at: now };
      b.tokens = Math.min(capacity, b.tokens + (now - b.at) * perMs);
      b.at = now;
      buckets.delete(key); // re-inserted last: the map's order is least recently used first
      if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value!);
      buckets.set(key, b);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterMs: Math.ceil((1 - b.tokens) / perMs) };
    },
  };
}

export function redisCache(redis: Redis, prefix: string, onError: (e: unknown) => void): Cache {
  return {
    async get(key) {
      try {
        return (await redis.get(prefix + key)) ?? undefined;
      } catch (e) {
        onError(e);
        return undefined;
      }
    },
    async set(key, value, ttl) {
      try {
        await redis.set(prefix + key, value, 'EX', ttl);
      } catch (e) {
        onError(e);
      }
    },
  };
}

/** One atomic step of the bucket in Redis, on Redis's own clock (the copies' clocks may differ). */
const TAKE = `
local cap = tonumber(ARGV[1])
local per_ms = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1]) or cap
local at = tonumber(b[2]) or now
tokens = math.min(cap, tokens + math.max(0, now - at) * per_ms)
local allowed = 0
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  wait = math.ceil((1 - tokens) / per_ms)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(cap / per_ms) + 1000)
return {allowed, wait}
`;

export function redisRateLimiter(
  redis: Redis,
  prefix: string,
  { capacity, perMinute }: Limits,
  onError: (e: unknown) => void,
): RateLimiter {
  return {
    async take(key) {
      try {
        const [allowed, wait] = (await redis.eval(TAKE, 1, `${prefix}rl:${key}`, capacity, perMinute / 60_000)) as [
          number,
          number,
        ];
        return allowed ? { allowed: true } : { allowed: false, retryAfterMs: wait };
      } catch (e) {
        onError(e);
        return { allowed: true };
      }
    },
  };
}
