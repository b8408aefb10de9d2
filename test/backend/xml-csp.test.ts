/**
 * An HTML error page where XML was expected (issue #13 §6): the XML fallback must not parse it, because Chromium's
 * XML parser answers malformed markup with a <parsererror> carrying inline styles, which a city's strict CSP
 * (style-src-attr) reports as a violation on its page. GeoReport XML is still read.
 */
import { expect } from '@open-wc/testing';
import { parseXml } from '../../src/backend/xml';
import { waitFor } from '../helpers/dom';

describe('XML under a strict CSP', () => {
  /** The samples of style-src-attr violations ('report-sample': the start of the refused style). */
  const samples: string[] = [];
  before(() => {
    const meta = Object.assign(document.createElement('meta'), { httpEquiv: 'Content-Security-Policy' });
    meta.content = "style-src-attr 'none' 'report-sample'";
    document.head.append(meta);
    document.addEventListener('securitypolicyviolation', (e) => samples.push(e.sample));
  });
  /** A violation of our own making, to know that every violation before it has been reported. */
  const marker = async (name: string) => {
    const probe = document.createElement('i');
    document.body.append(probe);
    probe.setAttribute('style', `--marker:${name}`);
    await waitFor(() => samples.some((s) => s.includes(name)), `the marker ${name}`);
    probe.remove();
  };

  it('does not parse an HTML error page, so the page gets no style-src-attr violation', async () => {
    const page =
      '<!DOCTYPE html>\n<html><head><title>500</title></head><body><h1>Internal Server Error</h1><p>x<br></p></body></html>';
    expect(() => parseXml(page)).to.throw(/not a GeoReport XML document/);
    expect(() => parseXml('<html><body>Service Unavailable')).to.throw();
    await marker('one');
    expect(samples.filter((s) => !s.includes('--marker'))).to.deep.equal([]);
  });

  it('the check can fail: malformed GeoReport XML is parsed, and Chromium reports its parsererror', async () => {
    expect(() => parseXml('<services><service><service_code>1</service_code>')).to.throw();
    await marker('two');
    expect(samples.filter((s) => !s.includes('--marker')).length).to.be.greaterThan(0);
  });

  it('still reads GeoReport XML, with a declaration, a processing instruction or a comment before it', () => {
    expect(
      parseXml(
        '<?xml version="1.0"?>\n<?xml-stylesheet href="s.xsl"?><!-- v2 --><services><service><service_code>7</service_code></service></services>',
      ),
    ).to.deep.equal({ services: { service: { service_code: '7' } } });
  });
});
