/**
 * The gateway on a fetch platform (Cloudflare Workers style: `export default { fetch(request, env) }`; Deno and
 * Bun serve the same object). Settings come from the platform's environment bindings, with the same names as on
 * Node. What differs: no sharp (POST /media answers 501 here), the cache and the rate limit live in the
 * isolate's memory (per instance; run the Node gateway with Redis where one shared limit matters), and the
 * client address is the platform's CF-Connecting-IP header.
 */
import { DOMParser } from '@xmldom/xmldom';
import { createGateway } from './app';
import { ConfigError, loadConfig } from './config';
import { errorBody, GatewayError } from './errors';
import { memoryCache, memoryRateLimiter } from './stores';
import type { XmlParser } from '../../src/backend/decode';

const xmlParser: XmlParser = {
  parseFromString: (text, type) =>
    new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, type),
};

type Env = Record<string, unknown>;
let built: { env: Env; app: ReturnType<typeof createGateway> } | undefined;

function gatewayFor(env: Env) {
  if (built?.env === env) return built.app;
  const config = loadConfig({ env });
  const app = createGateway({
    config,
    cache: memoryCache(),
    limiter: memoryRateLimiter({ capacity: config.rateLimitCapacity, perMinute: config.rateLimitPerMinute }),
    xmlParser,
    clientIp: (c) => c.req.header('CF-Connecting-IP') ?? undefined,
    log: (level, msg, fields) => {
      if (config.logLevel !== 'silent')
        console.log(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }));
    },
    formSecret: config.formSecret ?? crypto.randomUUID() + crypto.randomUUID(),
  });
  built = { env, app };
  return app;
}

export default {
  async fetch(request: Request, env: Env = {}, ctx?: unknown): Promise<Response> {
    let app: ReturnType<typeof createGateway>;
    try {
      app = gatewayFor(env);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      console.error(`citizen-portal-gateway: configuration error: ${e.message}`);
      const err = new GatewayError(500, 'internal', 'The gateway is not configured.');
      return Response.json(errorBody(err), { status: 500 });
    }
    return app.fetch(request, env, ctx as never);
  },
};
