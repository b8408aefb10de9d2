/**
 * A gateway's CAPTCHA (Cloudflare Turnstile or hCaptcha), drawn by the provider's own script: loaded once per page
 * when a report first needs it (unless the page loaded it already), as a script URL our Trusted Types policy
 * blesses by name. Both providers render into a container of the page's own DOM and call back with the answer.
 */
import type { Captcha } from '../schema/request';
import { trustedScriptUrl } from '../trusted-types';
import type { CaptchaChallenge } from './types';

interface ProviderApi {
  render(container: HTMLElement, options: Record<string, unknown>): string | number;
  reset(id?: string | number): void;
  remove?(id?: string | number): void;
}

/** Each provider's script (rendered on request, "explicit", as their documentation gives it) and names. */
const PROVIDERS = {
  turnstile: {
    script: 'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit',
    global: 'turnstile',
    lang: 'language',
  },
  hcaptcha: {
    script: 'https://js.hcaptcha.com/1/api.js?render=explicit&recaptchacompat=off',
    global: 'hcaptcha',
    lang: 'hl',
  },
} as const;

const loading = new Map<string, Promise<ProviderApi>>();

function providerApi(provider: Captcha['provider']): Promise<ProviderApi> {
  const name = PROVIDERS[provider].global;
  const present = (globalThis as Record<string, unknown>)[name] as ProviderApi | undefined;
  if (present?.render) return Promise.resolve(present);
  let load = loading.get(provider);
  if (!load) {
    load = new Promise<ProviderApi>((resolve, reject) => {
      const script = document.createElement('script');
      script.async = true;
      script.src = trustedScriptUrl(PROVIDERS[provider].script);
      script.onload = () => {
        const api = (globalThis as Record<string, unknown>)[name] as ProviderApi | undefined;
        if (api?.render) resolve(api);
        else reject(new Error(`citizen-portal: ${provider}'s script defined no ${name}`));
      };
      script.onerror = () => reject(new Error(`citizen-portal: ${provider}'s script could not be loaded`));
      document.head.append(script);
    });
    // A failure is tried again next time (the resident may be back online).
    load.catch(() => loading.delete(provider));
    loading.set(provider, load);
  }
  return load;
}

/** The challenge for a gateway's CAPTCHA; rejects when the provider's script cannot be loaded. */
export async function captchaChallenge(captcha: Captcha): Promise<CaptchaChallenge> {
  const api = await providerApi(captcha.provider);
  return {
    provider: captcha.provider,
    render(container, { lang, dark, onAnswer }) {
      const id = api.render(container, {
        sitekey: captcha.siteKey,
        [PROVIDERS[captcha.provider].lang]: lang,
        theme: dark ? 'dark' : 'light',
        callback: (answer: unknown) => onAnswer(typeof answer === 'string' && answer ? answer : undefined),
        'expired-callback': () => onAnswer(undefined),
        'error-callback': () => onAnswer(undefined),
      });
      return {
        reset: () => api.reset(id),
        remove: () => api.remove?.(id),
      };
    },
  };
}
