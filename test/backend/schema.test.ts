/** The GeoReport v2 parsers accept what real servers send (a first set; issue #3 adds every dialect). */
import { expect } from '@open-wc/testing';
import { ServiceListSchema } from '../../src/schema/open311';
import { ServiceDefinitionSchema } from '../../src/schema/service-definition';
import { PostResultListSchema, ServiceRequestListSchema } from '../../src/schema/request';
import { parseConfig } from '../../src/schema/config';
import { configMessage } from '../../src/schema/config-help';
import { encodeRequest } from '../../src/backend/encode';
import { emptyDraft } from '../../src/schema/draft';
import { validateDraft } from '../../src/schema/location-and-details';
import { localDateTimeToIso, toNewRequest } from '../../src/schema/new-request';

describe('GeoReport v2 parsing', () => {
  it('takes bare or wrapped lists, numbers for codes, "true" strings, null and "" alike', () => {
    const bare = ServiceListSchema.parse([
      { service_code: 7, service_name: 'Pothole', metadata: 'true', type: 'realtime', group: '' },
    ]);
    const wrapped = ServiceListSchema.parse({
      services: [{ service_code: '7', service_name: 'Pothole', metadata: true, group: null }],
    });
    expect(bare[0]).to.deep.include({ service_code: '7', metadata: true, group: undefined });
    expect(wrapped[0]).to.deep.include({ service_code: '7', metadata: true, group: undefined });
  });

  it('reads a single object where a list was expected as a list of one', () => {
    expect(ServiceRequestListSchema.parse({ service_request_id: 12, status: 'Open' })).to.have.length(1);
    expect(
      PostResultListSchema.parse({ service_requests: { service_request_id: '5' } })[0]!.service_request_id,
    ).to.equal('5');
  });

  it('sorts attributes by numeric order, stable, with unordered ones last', () => {
    const def = ServiceDefinitionSchema.parse({
      service_code: 'X',
      attributes: [
        { code: 'c', datatype: 'string', order: null, variable: true, required: false },
        { code: 'b', datatype: 'string', order: '2.00', variable: 'true', required: 'false' },
        { code: 'a', datatype: 'Boolean (checkbox)', order: 1, variable: true, required: true },
      ],
    });
    expect(def.attributes.map((a) => a.code)).to.deep.equal(['a', 'b', 'c']);
    expect(def.attributes[0]!.datatype).to.equal('boolean (checkbox)'); // kept raw (lower-cased): the form degrades it
    expect(def.attributes[1]!.required).to.equal(false);
    expect(def.attributes[0]!.values).to.deep.equal([]);
  });

  it('rejects a document that is not GeoReport v2 at all', () => {
    expect(ServiceListSchema.safeParse([{ name: 'no code' }]).success).to.equal(false);
    expect(ServiceListSchema.safeParse('<html>').success).to.equal(false);
  });
});

describe('configuration', () => {
  it('resolves a relative endpoint against the page and drops trailing slashes', () => {
    const r = parseConfig({ endpoint: '/open311/v2/', jurisdiction: ' ', apiKey: null, lang: undefined });
    expect(r.ok && r.config).to.deep.include({ endpoint: `${location.origin}/open311/v2`, jurisdiction: undefined });
  });

  it('takes no word that is only a name every object has: the setting falls back to its default, named', () => {
    for (const [key, value, fallback] of [
      ['requiredContact', 'email constructor', []],
      ['languages', 'en toString', []],
      ['view', 'constructor', undefined],
    ] as const) {
      const r = parseConfig({ endpoint: '/x', [key]: value });
      expect(
        r.problems.map((p) => p.key),
        `${key}="${value}"`,
      ).to.deep.equal([key]);
      expect(r.ok && r.config[key], `${key}="${value}"`).to.deep.equal(fallback);
    }
  });

  it('names the attribute at fault, with what to do; only the endpoint stops the form (issue #13)', () => {
    const r = parseConfig({ endpoint: '/x', format: 'yaml', theme: 'drak' });
    expect(r.ok, 'a cosmetic mistake does not stop the form').to.equal(true);
    expect(r.ok && r.config).to.deep.include({ format: undefined, theme: undefined });
    const wrong = r.problems.find((p) => p.key === 'format');
    const theme = r.problems.find((p) => p.key === 'theme');
    expect(wrong).to.deep.include({ attribute: 'format', problem: 'must be "json" or "xml"', value: 'yaml' });
    expect(theme).to.deep.include({ attribute: 'theme', value: 'drak' });
    expect(configMessage(wrong!)).to.equal(
      'citizen-portal: the "format" attribute must be "json" or "xml" (got "yaml"). Use format="json" (the default) or format="xml".',
    );
    expect(parseConfig({ endpoint: 'ftp://x', jurisdiction: null, apiKey: null, lang: null })).to.deep.include({
      ok: false,
      attribute: 'endpoint',
    });
    expect(parseConfig({ endpoint: null, jurisdiction: null, apiKey: null, lang: null })).to.deep.include({
      ok: false,
      problem: 'is missing',
    });
  });
});

describe('the draft and its POST body', () => {
  it('encodes attributes as attribute[CODE] and attribute[CODE][] and leaves empty fields out', () => {
    const body = encodeRequest(
      { service_code: 'A B/C', description: 'x', email: undefined, attributes: { ONE: '1', MANY: ['a', 'b'] } },
      { jurisdiction: 'city', apiKey: undefined },
    );
    expect(body.toString()).to.equal(
      'jurisdiction_id=city&service_code=A+B%2FC&description=x&attribute%5BONE%5D=1&attribute%5BMANY%5D%5B%5D=a&attribute%5BMANY%5D%5B%5D=b',
    );
  });

  it('sends datetime answers as ISO 8601 with the zone offset', () => {
    const iso = localDateTimeToIso('2026-03-04T05:06');
    expect(iso).to.match(/^2026-03-04T05:06:00[+-]\d\d:\d\d$/);
    expect(new Date(iso).getTime()).to.equal(new Date('2026-03-04T05:06').getTime());
  });

  it("sends only answers to the chosen category's questions", () => {
    const def = ServiceDefinitionSchema.parse({
      attributes: [{ code: 'KEEP', datatype: 'string', variable: true, required: false }],
    });
    const draft = {
      ...emptyDraft(),
      serviceCode: 'S',
      address: 'here',
      description: 'd',
      answers: { KEEP: ' yes ', OLD: 'from another category' },
    };
    expect(toNewRequest(draft, def).attributes).to.deep.equal({ KEEP: 'yes' });
  });

  it('asks for a location, and for both coordinates when one is given', () => {
    const codes = (d: Partial<ReturnType<typeof emptyDraft>>) =>
      validateDraft({ ...emptyDraft(), serviceCode: 'S', description: 'd', ...d }, undefined).map((e) => e.code);
    expect(codes({})).to.deep.equal(['location']);
    expect(codes({ lat: '41.5' })).to.deep.equal(['long']);
    expect(codes({ lat: '95', long: '0' })).to.deep.equal(['lat']);
    expect(codes({ lat: '41,5', long: '-90.5' })).to.deep.equal([]);
    expect(codes({ address: 'Main St', email: 'not-an-email' })).to.deep.equal(['email']);
  });
});
