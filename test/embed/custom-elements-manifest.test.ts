/**
 * custom-elements.json (built into dist/ from the class's JSDoc) describes <citizen-portal> for editors and
 * frameworks; the README's attribute table must name every attribute it lists, and the other way round.
 */
import { expect } from '@open-wc/testing';
import { SETTINGS, attributeName } from '../../src/schema/config';

interface Declaration {
  tagName?: string;
  attributes?: Array<{ name: string }>;
  events?: Array<{ name: string }>;
  cssParts?: Array<{ name: string }>;
  cssProperties?: Array<{ name: string }>;
}

describe('custom-elements.json', () => {
  it('describes <citizen-portal>: attributes, events, parts, custom properties', async () => {
    const manifest = (await (await fetch('/dist/custom-elements.json')).json()) as {
      modules: Array<{ declarations?: Declaration[] }>;
    };
    const el = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'citizen-portal');
    expect(el, 'run npm run build first').to.exist;
    const names = (list?: Array<{ name: string }>) => (list ?? []).map((x) => x.name);
    expect(names(el!.attributes)).to.include.members([
      'endpoint',
      'jurisdiction',
      'api-key',
      'lang',
      'map-style',
      'view',
    ]);
    expect(names(el!.attributes)).not.to.include('tab');
    // The settings schema is the one list: each of its keys is a documented attribute, and nothing else is.
    expect(names(el!.attributes).sort()).to.deep.equal(SETTINGS.map(attributeName).sort());
    expect(names(el!.events)).to.deep.equal(['cp-request-submitted', 'cp-reference-resolved']);
    expect(names(el!.cssParts)).to.include.members(['form', 'submit', 'status-card']);
    expect(names(el!.cssProperties)).to.include('--cp-accent');

    // The README documents exactly these attributes.
    const readme = await (await fetch('/README.md')).text();
    const table = readme.slice(
      readme.indexOf('| attribute |'),
      readme.indexOf('\n\n', readme.indexOf('| attribute |')),
    );
    const documented = [...table.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]!);
    for (const attribute of names(el!.attributes))
      expect(documented, `README row for ${attribute}`).to.include(attribute);
  });
});

describe('the published types (dist/types)', () => {
  it('hold the public surface, not the internals the portal hands its inner views', async () => {
    const read = async (path: string) => {
      const res = await fetch(`/dist/types/${path}`);
      expect(res.ok, `run npm run build first (${path})`).to.equal(true);
      return res.text();
    };
    const form = await read('elements/report-form.d.ts');
    for (const internal of ['flow:', 'settings:', 'adapters:', 'setDraft', 'static properties'])
      expect(form, internal).not.to.contain(internal);
    const portal = await read('elements/citizen-portal.d.ts');
    expect(portal).not.to.contain('static outside');
    const index = await read('index.d.ts');
    for (const name of ['CitizenPortal', 'RequestSubmittedEvent', 'ReferenceResolvedEvent', 'createOpen311Backend'])
      expect(index, name).to.contain(name);
  });
});
