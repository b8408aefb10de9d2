/**
 * The gateway's settings: one zod schema, read from a JSON file (camelCase keys), environment variables (the same
 * names in SCREAMING_SNAKE_CASE: allowOrigins → ALLOW_ORIGINS) and the command line, in that order of strength.
 * Validated once at start-up: a mistake stops the gateway with a message that names the setting.
 */
import { z } from 'zod';

const bool = z.union([
  z.boolean(),
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => /^(true|false|1|0|yes|no|on|off)$/.test(v), 'must be true or false')
    .transform((v) => /^(true|1|yes|on)$/.test(v)),
]);
const int = (min: number, max: number) => z.coerce.number().int('must be a whole number').min(min).max(max);
const httpUrl = z
  .string()
  .trim()
  .url('must be a URL')
  .refine((v) => /^https?:\/\//i.test(v), 'must start with http:// or https://')
  .transform((v) => v.replace(/\/+$/, ''));
/** A list: an array (JSON) or a comma- or space-separated string (environment, command line). */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(/[\s,]+/)
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(item),
  );
const origin = z
  .string()
  .trim()
  .refine(
    (v) => v === '*' || /^https?:\/\/[^/?#\s]+$/i.test(v.replace(/\/$/, '')),
    'each must be an origin like https://www.city.example (scheme and host, no path), or *',
  )
  .transform((v) => v.replace(/\/$/, '').toLowerCase());

export const ConfigSchema = z
  .object({
    /** Base URL of the city's GeoReport v2 API (before /services.json). Required. */
    upstream: httpUrl,
    /** How to talk to the upstream first: json (falls back to XML by itself) or xml. */
    upstreamFormat: z.enum(['json', 'xml']).default('json'),
    /** api_key added to every POST to the upstream; never shown to browsers. */
    apiKey: z.string().min(1).optional(),
    /** jurisdiction_id added to every upstream call. */
    jurisdictionId: z.string().min(1).optional(),
    /** Origins (the city's sites) whose pages may call the gateway; all others are refused. */
    allowOrigins: list(origin).default([]),
    host: z.string().min(1).default('127.0.0.1'),
    port: int(0, 65535).default(8311),
    /** The gateway's public base URL (for the addresses of stored photos); default http://host:port. */
    publicUrl: httpUrl.optional(),
    /** Per attempt, milliseconds. */
    upstreamTimeoutMs: int(100, 120_000).default(10_000),
    /** Extra attempts for GETs to the upstream (POSTs are never retried). */
    upstreamRetries: int(0, 3).default(0),
    /** How long services and service definitions are cached, seconds (0: not cached). */
    cacheTtlSeconds: int(0, 86_400).default(300),
    /** redis://… : the cache and the rate limit are shared by every copy of the gateway. */
    redisUrl: z
      .string()
      .trim()
      .refine((v) => /^rediss?:\/\//.test(v), 'must start with redis:// or rediss://')
      .optional(),
    redisPrefix: z.string().default('cp-gw:'),
    /** Where photos go: local (mediaDir, served by the gateway), s3, or none (no POST /media). */
    mediaStorage: z.enum(['local', 's3', 'none']).default('local'),
    mediaDir: z.string().min(1).default('./media'),
    mediaMaxBytes: int(1024, 100 * 1024 * 1024).default(10 * 1024 * 1024),
    /** Photos are scaled down to fit this many pixels on their longer side. */
    mediaMaxDimension: int(64, 8192).default(2048),
    s3Bucket: z.string().min(1).optional(),
    s3Region: z.string().min(1).default('us-east-1'),
    /** For S3-compatible storage (MinIO, R2, …): its endpoint URL. */
    s3Endpoint: httpUrl.optional(),
    s3ForcePathStyle: bool.default(false),
    /** Public base URL of the bucket's objects; default {s3Endpoint}/{s3Bucket} or the AWS address. */
    s3PublicUrl: httpUrl.optional(),
    s3Prefix: z.string().default(''),
    /** Optional; without them the AWS SDK's usual credential chain (AWS_ACCESS_KEY_ID …) is used. */
    s3AccessKeyId: z.string().min(1).optional(),
    s3SecretAccessKey: z.string().min(1).optional(),
    /** Token bucket per client IP for every POST: at most this many at once … (0: no limit) */
    rateLimitCapacity: int(0, 10_000).default(20),
    /** … refilled at this many per minute. */
    rateLimitPerMinute: int(1, 100_000).default(10),
    /** Behind a load balancer: how many proxies' X-Forwarded-For entries to trust (0: use the socket address). */
    trustProxyHops: int(0, 10).default(0),
    /** A form field a person never fills (the widget hides it); a POST with it filled is refused. */
    honeypotField: z.string().min(1).default('cp_website'),
    /** A POST sooner than this after its form token was issued (GET /form-token) is refused; 0: off. */
    minFillSeconds: int(0, 3600).default(0),
    /** Signs form tokens; set the same in every copy (default: random per process). */
    formSecret: z.string().min(16, 'must be at least 16 characters').optional(),
    /** CAPTCHA (Turnstile, hCaptcha or any siteverify-style service): the secret turns it on. */
    captchaSecret: z.string().min(1).optional(),
    captchaSiteKey: z.string().min(1).optional(),
    captchaProvider: z.enum(['turnstile', 'hcaptcha']).default('turnstile'),
    /** Default: the provider's siteverify URL. */
    captchaVerifyUrl: httpUrl.optional(),
    logLevel: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.mediaStorage === 's3' && !c.s3Bucket)
      ctx.addIssue({ code: 'custom', path: ['s3Bucket'], message: 'is required when mediaStorage is s3' });
    if (c.captchaSecret && !c.captchaSiteKey)
      ctx.addIssue({ code: 'custom', path: ['captchaSiteKey'], message: 'is required with captchaSecret' });
    if (!!c.s3AccessKeyId !== !!c.s3SecretAccessKey)
      ctx.addIssue({ code: 'custom', path: ['s3SecretAccessKey'], message: 'goes with s3AccessKeyId (both or none)' });
  });

export type Config = z.output<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;

export const SETTINGS = Object.keys(ConfigSchema.shape) as Array<keyof Config>;

/** allowOrigins → ALLOW_ORIGINS */
export const envName = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function describe(issue: z.core.$ZodIssue, input: Record<string, unknown>): string {
  const key = String(issue.path[0] ?? '');
  const name = key ? `${envName(key)} (${key})` : 'configuration';
  const where = issue.path.length > 1 ? ` [${issue.path.slice(1).join('.')}]` : '';
  const message =
    issue.code === 'invalid_type' && (input[key] === undefined || input[key] === null)
      ? 'is required'
      : issue.code === 'invalid_type'
        ? `must be a ${issue.expected} (got ${JSON.stringify(input[key])})`
        : issue.code === 'unrecognized_keys'
          ? `unknown setting(s): ${issue.keys.join(', ')} (known: ${SETTINGS.join(', ')})`
          : issue.message;
  return `${name}${where}: ${message}`;
}

/** The settings from plain values (a JSON file's keys), or a ConfigError naming each wrong one. */
export function parseConfig(input: Record<string, unknown>): Config {
  const r = ConfigSchema.safeParse(input);
  if (r.success) return r.data;
  throw new ConfigError(r.error.issues.map((i) => describe(i, input)).join('\n'));
}

/** The settings present in an environment (process.env, a Workers env …), as camelCase keys. */
export function fromEnv(env: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of SETTINGS) {
    const v = env[envName(key)];
    if (v !== undefined && v !== '') out[key] = v;
  }
  return out;
}

/**
 * JSON file < environment < explicit values (the command line). `file` is the file's parsed content; a file with
 * keys that are not settings is an error too (a typo must not be silently ignored).
 */
export function loadConfig(sources: {
  file?: Record<string, unknown>;
  env?: Record<string, unknown>;
  overrides?: Record<string, unknown>;
}): Config {
  return parseConfig({ ...sources.file, ...fromEnv(sources.env ?? {}), ...sources.overrides });
}
