/** Reference numbers as residents type and paste them, and our deep links (issue #6). */
import { expect } from '@open-wc/testing';
import { deepLink, matchesPattern, parseReference, requestFromUrl } from '../../src/schema/reference';

describe('parseReference', () => {
  const cases: Array<[string, string]> = [
    ['1234', '1234'],
    ['  #1234 ', '1234'],
    ['# 1234', '1234'],
    ['##1234', '1234'],
    ['1 234', '1234'],
    ['1\u00a0234', '1234'], // no-break space
    ['1\u202f234\u202f567', '1234567'], // narrow no-break space (French thousands)
    ['\u200b1234\ufeff', '1234'], // zero-width characters from a copied e-mail
    ['\t1234\n', '1234'],
    ['１２３４', '1234'], // full-width digits from a Japanese keyboard
    ['req-1234', 'req-1234'],
    ['REQ-1234', 'REQ-1234'], // case kept
    ['Req-1234', 'Req-1234'],
    ['2024-000123', '2024-000123'],
    ['311-12345678', '311-12345678'],
    ['ABC 123', 'ABC123'],
    ['"1234"', '1234'],
    ['“1234”', '1234'],
    ['(1234)', '1234'],
    ['[#1234]', '1234'],
    ['1234.', '1234'],
    ['1234,', '1234'],
    ['Reference number: 1234', '1234'],
    ['Ref: 1234', '1234'],
    ['Ref:1234', '1234'],
    ['Réf. : 1234', '1234'],
    ['Aktenzeichen: 2024-17', '2024-17'],
    ['Ref: #1234', '1234'],
    ['Ref: (1234)', '1234'],
    ['No. 1234', '1234'],
    ['no 1234', '1234'],
    ['Nr. 1234', '1234'],
    ['N° 1234', '1234'],
    ['Nº1234', '1234'],
    ['NO1234', 'NO1234'], // a letter prefix, not a label
    ['Request #1234', '1234'],
    ['Ticket # 12-34', '12-34'],
    // Provisional tokens of batch servers
    ['9f1c2d9e-5b7a-4c1e-8f00-1234567890ab', '9f1c2d9e-5b7a-4c1e-8f00-1234567890ab'],
    [' 0a1b2c3d4e5f ', '0a1b2c3d4e5f'],
    ['tok_12345', 'tok_12345'],
    // Our deep links and the host page's query parameter
    ['https://city.example/page#cp-request=1234', '1234'],
    ['https://city.example/page?lang=en#cp-request=req-77', 'req-77'],
    ['https://city.example/page?request=1234', '1234'],
    ['https://city.example/page?a=1&request=%20#99&b=2', undefined as unknown as string], // empty after cleaning
    ['https://city.example/page?lang=fr&request=1234&x=y', '1234'],
    ['https://city.example/page?request=1+234', '1234'],
    ['https://city.example/page#cp-request=req%2D1234', 'req-1234'], // encoded id
    ['https://city.example/page#cp-request=%C3%84nderung-5', 'Änderung-5'],
    ['https://city.example/page?request=1#cp-request=2', '2'], // our hash wins
    ['https://city.example/page?request=1#cp-request=', '1'], // empty hash falls back to the query
    ['https://city.example/#/check?cp-request=1234', '1234'], // host page router in the hash
    ['https://city.example/page#tab=2&cp-request=1234', '1234'],
    ['city.example/page#cp-request=1234', '1234'],
    ['www.city.example/page?request=1234', '1234'],
    ['<https://city.example/page#cp-request=1234>', '1234'],
    ['(https://city.example/page#cp-request=1234).', '1234'],
    ['  https://city.example/page#cp-request=1234  ', '1234'],
    ['#cp-request=1234', '1234'],
    ['cp-request=1234', '1234'],
    ['?request=1234', '1234'],
    ['request=1234', '1234'],
    ['/page?request=1234', '1234'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      expect(parseReference(input)).to.equal(expected);
    });
  }

  it('reads a configured query parameter name instead of "request"', () => {
    expect(parseReference('https://city.example/check?ref=4321', { queryParam: 'ref' })).to.equal('4321');
    expect(parseReference('https://city.example/check?request=4321', { queryParam: 'ref' })).to.equal(undefined);
    expect(parseReference('https://city.example/check#cp-request=9', { queryParam: 'ref' })).to.equal('9');
    expect(parseReference('?ref=77', { queryParam: 'ref' })).to.equal('77');
    expect(parseReference('https://city.example/check?request=5', { queryParam: '' })).to.equal('5'); // default
  });

  const nothing = [
    '',
    '   ',
    '\n\t',
    '#',
    '# ',
    '###',
    '---',
    '...',
    '""',
    '()',
    'Ref:',
    'Reference number: ',
    'me@example.com',
    '12%34',
    '1234,5678', // two numbers: not one id
    '<script>alert(1)</script>',
    'javascript:alert(1)',
    'https://city.example/page', // a link without a request
    'https://city.example/page#cp-request=',
    'https://city.example/page?request=',
    'https://city.example/page#cp-request=%E0%A4%A', // malformed encoding
    'https://city.example/page#cp-request=a%2Fb', // "/" is no id character
    'https://city.example/open311/v2/requests/1234.json',
    'x'.repeat(129),
    '1'.repeat(10_000),
    `https://city.example/page#cp-request=${'1'.repeat(5000)}`,
    'lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(100),
  ];
  for (const input of nothing) {
    it(`${JSON.stringify(input.length > 60 ? `${input.slice(0, 40)}… (${input.length} chars)` : input)} → undefined`, () => {
      expect(parseReference(input)).to.equal(undefined);
    });
  }

  it('never throws, whatever it is given', () => {
    for (const v of [null, undefined, 42, {}, [], '%', '%%', '#%', '?=&#', '\u0000', '\ud800']) {
      expect(() => parseReference(v as unknown as string)).not.to.throw();
    }
    expect(parseReference(null as unknown as string)).to.equal(undefined);
  });

  it('keeps an id of 128 characters', () => {
    const id = 'a'.repeat(128);
    expect(parseReference(id)).to.equal(id);
  });
});

describe('deepLink and requestFromUrl', () => {
  it('makes a link even of an id with a lone surrogate (it threw a URIError; found by fuzzing, issue #15)', () => {
    expect(deepLink('12\ud800', 'https://city.example/')).to.equal('https://city.example/#cp-request=12%EF%BF%BD');
  });

  it('puts the id in our hash on the page without its own hash', () => {
    expect(deepLink('1234', 'https://city.example/page?lang=en#top')).to.equal(
      'https://city.example/page?lang=en#cp-request=1234',
    );
    expect(deepLink('1234', 'https://city.example/page')).to.equal('https://city.example/page#cp-request=1234');
    expect(deepLink('a b&c#d', 'https://city.example/')).to.equal('https://city.example/#cp-request=a%20b%26c%23d');
  });

  it('uses the current page by default', () => {
    const link = deepLink('77');
    expect(link).to.equal(`${location.href.split('#')[0]}#cp-request=77`);
    expect(requestFromUrl(link)).to.equal('77');
  });

  it('round-trips every id parseReference accepts', () => {
    for (const id of ['1234', 'req-1234', 'REQ_9.x~1', '2024-000123', 'Änderung-5', 'ñandú', 'a'.repeat(128)]) {
      const link = deepLink(id, 'https://city.example/page?x=1#old');
      expect(requestFromUrl(link), link).to.equal(id);
      expect(parseReference(link), link).to.equal(id);
      expect(parseReference(id), id).to.equal(id);
    }
  });

  it('reads decomposed accents (NFD, as some systems copy them) as composed ones', () => {
    expect(requestFromUrl(deepLink('n\u0303andu', 'https://city.example/'))).to.equal('\u00f1andu');
    expect(parseReference('n\u0303andu')).to.equal('\u00f1andu');
  });

  it('reads the hash, then the configured query parameter', () => {
    expect(requestFromUrl('https://city.example/page#cp-request=12')).to.equal('12');
    expect(requestFromUrl('https://city.example/page?request=12')).to.equal('12');
    expect(requestFromUrl('https://city.example/page?ref=12', { queryParam: 'ref' })).to.equal('12');
    expect(requestFromUrl('https://city.example/page?request=12', { queryParam: 'ref' })).to.equal(undefined);
    expect(requestFromUrl('https://city.example/page?request=1#cp-request=2')).to.equal('2');
    expect(requestFromUrl('https://city.example/page?request=1#cp-request=')).to.equal('1');
    expect(requestFromUrl('https://city.example/page?request=%231%202')).to.equal('12');
  });

  it('is undefined for pages that ask for no request', () => {
    for (const url of [
      'https://city.example/page',
      'https://city.example/page#top',
      'https://city.example/page?requests=12', // another parameter
      'https://city.example/page#xcp-request=12',
      'https://city.example/page#cp-request=<b>',
      'https://city.example/page?request=%',
      '',
    ]) {
      expect(requestFromUrl(url), url).to.equal(undefined);
    }
  });
});

describe('matchesPattern', () => {
  it('tests the id against a configured pattern', () => {
    expect(matchesPattern('123456', '^[0-9]{6}$')).to.equal(true);
    expect(matchesPattern('12345', '^[0-9]{6}$')).to.equal(false);
    expect(matchesPattern('1234567', '^[0-9]{6}$')).to.equal(false);
    expect(matchesPattern('REQ-12', '^REQ-\\d+$')).to.equal(true);
    expect(matchesPattern('req-12', '^REQ-\\d+$')).to.equal(false);
    expect(matchesPattern('REQ-12', '^REQ-')).to.equal(true); // used as written: no implicit anchors
  });

  it('reads a /literal/ with flags', () => {
    expect(matchesPattern('req-12', '/^REQ-\\d+$/i')).to.equal(true);
    expect(matchesPattern('x-12', '/^REQ-\\d+$/i')).to.equal(false);
  });

  it('is true without a pattern, or with one that is not valid (never throws)', () => {
    expect(matchesPattern('anything')).to.equal(true);
    expect(matchesPattern('anything', '')).to.equal(true);
    for (const bad of ['[0-9', '(', '*', '^(?<x>a)(?<x>b)$', '/abc/zz', 'a{2,1}']) {
      expect(() => matchesPattern('123', bad), bad).not.to.throw();
      expect(matchesPattern('123', bad), bad).to.equal(true);
    }
  });
});
