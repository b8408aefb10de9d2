// A city's Open311 GeoReport v2 server on node:http, for the gateway's tests: JSON or XML (an XML-only server
// answers .json with 406), no CORS, an api_key required for POST, and switches for the failures real servers
// have (slow answers, 5xx, HTML error pages). Every request it gets is recorded.
import http from 'node:http';

export const SERVICES = [
  {
    service_code: 'POTHOLE',
    service_name: 'Pothole',
    description: 'A hole in the road',
    metadata: true,
    type: 'realtime',
    group: 'Streets',
  },
  { service_code: 101, service_name: 'Graffiti', metadata: 'false', type: 'batch', group: 'Parks' },
];
const DEFINITION = {
  service_code: 'POTHOLE',
  attributes: [
    {
      variable: true,
      code: 'SIZE',
      datatype: 'singlevaluelist',
      required: true,
      order: '1.00',
      description: 'How big?',
      values: [
        { key: 's', name: 'Small' },
        { key: 'l', name: 'Large' },
      ],
    },
  ],
};
const REQUEST = {
  service_request_id: 638344,
  status: 'in_progress',
  service_name: 'Pothole',
  service_code: 'POTHOLE',
  requested_datetime: '2026-01-05 10:00:00',
  lat: '37.76',
  long: -122.4,
  media_url: 'https://city.example/p.jpg ',
};

function toXml(name, value) {
  if (Array.isArray(value)) return value.map((v) => toXml(name, v)).join('');
  if (value && typeof value === 'object')
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => toXml(k, v))
      .join('')}</${name}>`;
  return `<${name}>${String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')}</${name}>`;
}
const XML = {
  services: (list) => `<?xml version="1.0" encoding="utf-8"?><services>${toXml('service', list)}</services>`,
  definition: (d) =>
    `<?xml version="1.0" encoding="utf-8"?>${toXml('service_definition', { service_code: d.service_code, attributes: { attribute: d.attributes.map((a) => ({ ...a, values: { value: a.values } })) } })}`,
  requests: (list) =>
    `<?xml version="1.0" encoding="utf-8"?><service_requests>${toXml('request', list)}</service_requests>`,
  errors: (list) => `<?xml version="1.0" encoding="utf-8"?><errors>${toXml('error', list)}</errors>`,
};

export async function startUpstream({ format = 'json', apiKey = 'secret-key', jurisdiction = 'city.example' } = {}) {
  const state = { format, delayMs: 0, fail: undefined, received: [], nextId: 5000, tokens: new Map() };
  const server = http.createServer(async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const url = new URL(req.url, 'http://x');
    const body = Buffer.concat(chunks).toString('utf8');
    const entry = {
      method: req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: new URLSearchParams(body),
      headers: req.headers,
    };
    state.received.push(entry);
    if (state.delayMs) await new Promise((r) => setTimeout(r, state.delayMs));
    if (state.fail === '500') return res.writeHead(500, { 'Content-Type': 'text/plain' }).end('Internal Server Error');
    if (state.fail === 'html')
      return res
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end('<!DOCTYPE html><html><body><h1>Maintenance</h1><p>Back soon<br></p></body></html>');
    if (state.fail === '503-html')
      return res.writeHead(503, { 'Content-Type': 'text/html' }).end('<html><body>Service Unavailable</body></html>');
    const m = url.pathname.match(/^\/v2\/(services|requests|tokens)(?:\/([^/]+))?\.(json|xml)$/);
    if (!m) return res.writeHead(404, { 'Content-Type': 'text/plain' }).end('no such route');
    const [, what, id, fmt] = m;
    if (fmt !== state.format) return res.writeHead(406, { 'Content-Type': 'text/plain' }).end('Not Acceptable');
    const send = (status, kind, value) => {
      if (fmt === 'json')
        return res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
      return res.writeHead(status, { 'Content-Type': 'text/xml' }).end(XML[kind](value));
    };
    if (
      jurisdiction &&
      (req.method === 'POST' ? entry.body.get('jurisdiction_id') : url.searchParams.get('jurisdiction_id')) !==
        jurisdiction
    )
      return send(400, 'errors', [{ code: 400, description: 'jurisdiction_id is missing or wrong' }]);
    if (what === 'services' && !id) return send(200, 'services', SERVICES);
    if (what === 'services')
      return id === 'POTHOLE'
        ? send(200, 'definition', DEFINITION)
        : send(404, 'errors', [{ code: 404, description: 'No such service' }]);
    if (what === 'requests' && req.method === 'POST') {
      if (entry.body.get('api_key') !== apiKey)
        return send(403, 'errors', [{ code: 403, description: 'Invalid api_key' }]);
      if (!entry.body.get('service_code'))
        return send(400, 'errors', [{ code: 400, description: 'service_code missing' }]);
      const sid = String(state.nextId++);
      if (entry.body.get('service_code') === '101') {
        const token = `tok-${sid}`;
        state.tokens.set(token, sid);
        return send(200, 'requests', [{ token }]);
      }
      return send(201, 'requests', [{ service_request_id: sid, service_notice: 'Thanks' }]);
    }
    if (what === 'requests' && id)
      return id === '638344'
        ? send(200, 'requests', [REQUEST])
        : send(404, 'errors', [{ code: 404, description: 'No such request' }]);
    if (what === 'requests')
      return send(200, 'requests', [REQUEST, { ...REQUEST, service_request_id: 638345, status: 'closed' }]);
    if (what === 'tokens')
      return send(200, 'requests', [{ token: id, service_request_id: state.tokens.get(id) ?? '' }]);
    send(404, 'errors', [{ code: 404, description: 'Not found' }]);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}/v2`;
  return {
    base,
    state,
    get received() {
      return state.received;
    },
    count: (pred) => state.received.filter(pred).length,
    reset() {
      state.delayMs = 0;
      state.fail = undefined;
      state.received.length = 0;
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(r);
      }),
  };
}
