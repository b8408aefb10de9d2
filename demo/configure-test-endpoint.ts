// The configurator's "Test this endpoint" (issue #13): asks the typed server for its services.json from this page,
// as the widget would from the city's, and says in words what went wrong: a server the browser may not read (no
// CORS headers) or cannot reach, an HTTP error, an answer that is not JSON, JSON that is not a list of services.

export interface EndpointTest {
  ok: boolean;
  text: string;
}

const TIMEOUT_SECONDS = 15;
const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

const problem = (text: string): EndpointTest => ({ ok: false, text });

export async function testEndpoint(raw: string, jurisdiction: string): Promise<EndpointTest> {
  const typed = raw.trim();
  if (!typed) return problem("Type your Open311 server's address first, e.g. https://city.example/open311/v2.");
  let base: URL;
  try {
    base = new URL(typed, location.href);
  } catch {
    return problem(`"${typed}" is not a web address. It should look like https://city.example/open311/v2.`);
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    return problem('The endpoint must be an https:// address.');
  }
  if (/\/services\.(json|xml)$/.test(base.pathname)) {
    return problem(
      'Leave out "services.json": the endpoint is the address before it (often ending in /open311/v2 or /v2).',
    );
  }
  if (base.protocol === 'http:' && !LOCAL_HOSTS.includes(base.hostname)) {
    // This page's Content-Security-Policy lets it reach https and this computer only; and a city's page on
    // https could not use an http server at all (mixed content).
    return problem(
      'The endpoint must be an https:// address: a city page served over https cannot talk to an http:// server ' +
        '(and this page tests only https addresses, or addresses on this computer).',
    );
  }

  const url = new URL(`${base.href.replace(/\/+$/, '')}/services.json`);
  if (jurisdiction.trim()) url.searchParams.set('jurisdiction_id', jurisdiction.trim());
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Accept: 'application/json' },
      credentials: 'omit',
      signal: AbortSignal.timeout(TIMEOUT_SECONDS * 1000),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      return problem(
        `No answer from ${url.origin} within ${TIMEOUT_SECONDS} seconds: the server may be down or very slow.`,
      );
    }
    // fetch gives no reason (on purpose): the browser's console says which of the two it was.
    return problem(
      `This page could not read ${url.href}. Either the server did not allow this page to read it — it sends no ` +
        "CORS header (Access-Control-Allow-Origin: * or your site's origin), so browsers keep its answers from " +
        'web pages on other sites, the widget on your page included — or it could not be reached at all: a typo in ' +
        "the address, a server that is down, or a certificate problem. The browser's console says which.",
    );
  }

  const body = await response.text().catch(() => '');
  if (!response.ok) return problem(httpProblem(response.status, url, jurisdiction.trim(), body));

  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    const start = body.trimStart().slice(0, 200).toLowerCase();
    if (/^<(\?xml|services[\s>])/.test(start)) {
      return {
        ok: true,
        text:
          'The server answers in XML rather than JSON. The widget can read it: add format="xml" to the snippet ' +
          '(it also switches to XML by itself when JSON is refused).',
      };
    }
    if (/^<(!doctype html|html)/.test(start)) {
      return problem(
        `The server answered ${url.href} with a web page (HTML), not JSON: this is probably the address of a ` +
          "website, not of its Open311 API. Look for the GeoReport v2 base URL in the server's documentation.",
      );
    }
    return problem(
      `The server answered, but not with JSON (${response.headers.get('Content-Type') || 'no content type'}): ` +
        'it does not look like an Open311 GeoReport v2 server.',
    );
  }
  if (!Array.isArray(data)) {
    return problem(
      `The server answered with JSON, but not with a list of services: ${excerpt(JSON.stringify(data))}. ` +
        'An Open311 GeoReport v2 server answers services.json with a list ([…]).',
    );
  }
  if (data.length === 0) {
    return problem(
      'The server answered with an empty list of services: residents would have no category to choose. ' +
        (jurisdiction.trim() ? 'Check the jurisdiction id.' : 'Does it need a jurisdiction id?'),
    );
  }
  const services = data.filter(
    (s): s is { service_name: unknown } =>
      typeof s === 'object' && s !== null && 'service_code' in s && 'service_name' in s,
  );
  if (!services.length) {
    return problem(
      `The server answered with a JSON list, but not of services (each needs a service_code and a service_name): ` +
        `${excerpt(JSON.stringify(data[0]))}.`,
    );
  }
  const names = services.slice(0, 3).map((s) => String(s.service_name));
  return {
    ok: true,
    text:
      `It works: ${services.length} ${services.length === 1 ? 'category' : 'categories'} (${names.join(', ')}` +
      `${services.length > 3 ? ', …' : ''}). This page may read them (CORS); unless the server allows every site, ` +
      'make sure it allows your own site too.',
  };
}

function httpProblem(status: number, url: URL, jurisdiction: string, body: string): string {
  const said = serverMessage(body);
  const answered = `The server answered HTTP ${status}${said ? ` ("${said}")` : ''}`;
  if (status === 404) {
    return (
      `${answered}: there is no services.json at ${url.origin}${url.pathname}. Check that the endpoint is the ` +
      `GeoReport v2 base URL (often ending in /open311/v2 or /v2)` +
      (jurisdiction ? ', and the jurisdiction id.' : '.')
    );
  }
  if (status === 401 || status === 403) {
    return `${answered}: it refused. It may need an API key, or allow only some sites: ask its administrators.`;
  }
  if (status === 429) return `${answered}: too many requests. Wait a minute and test again.`;
  if (status >= 500) return `${answered}: the server had a problem. Test again later, or ask its administrators.`;
  return `${answered}: it did not accept the request for its list of services.`;
}

/** An Open311 error body's description ([{code, description}]), if there is one. */
function serverMessage(body: string): string | undefined {
  try {
    const data: unknown = JSON.parse(body);
    const first: unknown = Array.isArray(data) ? data[0] : data;
    const text = typeof first === 'object' && first !== null && 'description' in first ? first.description : '';
    return typeof text === 'string' && text ? excerpt(text) : undefined;
  } catch {
    return undefined;
  }
}

const excerpt = (text: string) => (text.length > 120 ? `${text.slice(0, 119)}…` : text);
