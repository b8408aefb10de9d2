/**
 * A citizen-portal gateway that refuses reports filed faster than a person can hands out a signed form token at
 * `url`, to be sent with the report: asked for when the form starts. Unreachable, or none: no fields (the gateway
 * then says why it refused).
 */
export function formToken(url: string, fetchFn: typeof fetch = fetch): Promise<Record<string, string>> {
  return fetchFn(url, { credentials: 'omit' })
    .then((res) => (res.ok ? (res.json() as Promise<{ token?: unknown; field?: unknown }>) : undefined))
    .then((t) => (typeof t?.token === 'string' && typeof t.field === 'string' ? { [t.field]: t.token } : {}))
    .catch(() => ({}));
}
