/**
 * The checks on a POST before anything reaches the city: a honeypot field, a minimum fill time (a signed form
 * token from GET /form-token, so the time is the gateway's, not the client's word), and an optional CAPTCHA
 * verified with the provider's siteverify.
 */
import { GatewayError } from './errors';

export const FORM_TOKEN_FIELD = 'cp_form_token';
/** Where each provider's widget puts its answer; any of them is taken. */
export const CAPTCHA_FIELDS = ['cf-turnstile-response', 'h-captcha-response', 'captcha_token'];
export const VERIFY_URLS = {
  turnstile: 'https://challenges.cloudflare.com/turnstile/v0/siteverify',
  hcaptcha: 'https://api.hcaptcha.com/siteverify',
};

const enc = new TextEncoder();
const b64url = (b: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(b)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** HMAC-SHA-256 with Web Crypto (Node and fetch platforms alike). */
export function signer(secret: string) {
  const key = crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return async (text: string) => b64url(await crypto.subtle.sign('HMAC', await key, enc.encode(text)));
}

export function formTokens(secret: string, minFillSeconds: number, maxAgeSeconds = 24 * 3600) {
  const sign = signer(secret);
  return {
    async issue(now = Date.now()) {
      const body = `${now}.${crypto.randomUUID()}`;
      return `${body}.${await sign(body)}`;
    },
    /** Throws a GatewayError unless the token is ours, old enough and not too old. */
    async check(token: string | undefined, now = Date.now()) {
      const m = token?.match(/^(\d{10,16})\.([0-9a-f-]{36})\.([\w-]+)$/);
      if (!m || (await sign(`${m[1]}.${m[2]}`)) !== m[3])
        throw new GatewayError(400, 'trap', 'The form has expired; please reload the page and try again.');
      const age = now - Number(m[1]);
      if (age > maxAgeSeconds * 1000)
        throw new GatewayError(400, 'trap', 'The form has expired; please reload the page and try again.');
      const wait = minFillSeconds * 1000 - age;
      if (wait > 0)
        throw new GatewayError(429, 'too-fast', 'That was quicker than a person can fill the form; please wait.', {
          'Retry-After': String(Math.ceil(wait / 1000)),
        });
    },
  };
}

export function checkHoneypot(value: unknown) {
  if (typeof value === 'string' ? value.trim() !== '' : value !== undefined)
    throw new GatewayError(400, 'trap', 'The request was refused.');
}

export async function verifyCaptcha(
  opts: { secret: string; verifyUrl: string; fetch: typeof fetch; timeoutMs: number },
  token: string | undefined,
  remoteIp: string | undefined,
) {
  if (!token) throw new GatewayError(403, 'captcha-required', 'Please complete the CAPTCHA.');
  const body = new URLSearchParams({ secret: opts.secret, response: token });
  if (remoteIp) body.set('remoteip', remoteIp);
  let ok = false;
  try {
    const res = await opts.fetch(opts.verifyUrl, {
      method: 'POST',
      body,
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
    ok = res.ok && (await res.json())?.success === true;
  } catch {
    throw new GatewayError(502, 'upstream-unreachable', 'The CAPTCHA could not be checked; please try again.');
  }
  if (!ok) throw new GatewayError(403, 'captcha-failed', 'The CAPTCHA was not solved; please try again.');
}
