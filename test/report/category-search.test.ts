/**
 * Category search (issue "find the right category fast"): folding, prefix/joined/typo matching, synonyms, AND
 * narrowing, stable ties, highlights, `suggest` on real-sounding sentences, and correctness at 5,000 services.
 */
import { expect } from '@open-wc/testing';
import {
  buildServiceIndex,
  createServiceIndex,
  fold,
  indexFor,
  loadLexicon,
  prepareIndex,
  type Searchable,
  type SearchHit,
} from '../../src/search/index';
import { services as demoServices } from '../../demo/backend/catalogue';

const CITY: Searchable[] = [
  {
    service_code: 'POTHOLE',
    service_name: 'Pothole',
    keywords: 'road, asphalt',
    description: 'A hole in the pavement.',
    group: 'Streets',
  },
  {
    service_code: 'LIGHT',
    service_name: 'Street light out',
    keywords: 'lamp, dark',
    description: 'A lamp that does not work at night.',
    group: 'Lights',
  },
  {
    service_code: 'SIGN',
    service_name: 'Street sign damaged',
    keywords: 'stop sign, bent',
    description: 'A traffic sign that is bent or missing.',
    group: 'Streets',
  },
  {
    service_code: 'GRAFFITI',
    service_name: 'Graffiti removal',
    keywords: 'tagging, spray paint',
    description: 'Paint on walls or fences.',
    group: 'Nuisance',
  },
  {
    service_code: 'TARP',
    service_name: 'Bâche déchirée',
    description: 'Une bâche de chantier arrachée par le vent.',
    group: 'Chantiers',
  },
  { service_code: 'TREE', service_name: 'Árbol caído', description: 'Un árbol o una rama en la vía pública.' },
  // "Café" written with a separate combining accent (e + U+0301), as some keyboards and databases store it.
  { service_code: 'CAFE', service_name: 'Cafe\u0301 terrace litter', keywords: 'litter, terrace' },
  {
    service_code: 'MISSED',
    service_name: 'Missed trash pickup',
    keywords: 'garbage, collection',
    group: 'Sanitation',
  },
  { service_code: 'BULK', service_name: 'Bulk trash pickup', keywords: 'couch, mattress', group: 'Sanitation' },
];

const SYNONYMS = {
  POTHOLE: ['bache', 'hoyo en la calle', 'nid de poule'],
  LIGHT: ['farola', 'réverbère', 'lampadaire'],
};

const codes = (hits: SearchHit<Searchable>[]) => hits.map((h) => h.item.service_code);
const top = (hits: SearchHit<Searchable>[]) => hits[0]?.item.service_code;
/** The highlighted parts of the service name, as text. */
const marked = (hit: SearchHit<Searchable> | undefined) =>
  hit ? hit.highlights.map(([a, b]) => hit.item.service_name.slice(a, b)) : [];

describe('search: fold', () => {
  it('lower-cases, removes accents, turns punctuation into single spaces', () => {
    expect(fold('  Bâche — ÉTÉ,  l’arbre!! ')).to.equal('bache ete l arbre');
    expect(fold('BACHE')).to.equal('bache');
    expect(fold('Cafe\u0301')).to.equal('cafe');
    expect(fold('Straße Œuvre')).to.equal('strasse oeuvre');
    expect(fold('Graffiti / Private')).to.equal('graffiti private');
    expect(fold('')).to.equal('');
    expect(fold(' .,; ')).to.equal('');
  });
});

describe('search: matching', () => {
  const index = createServiceIndex(CITY, SYNONYMS);

  it('ignores case', () => {
    expect(top(index.search('POTHOLE'))).to.equal('POTHOLE');
    expect(top(index.search('pOtHoLe'))).to.equal('POTHOLE');
  });

  it('ignores accents both ways: in the query and in the catalogue', () => {
    // Query without accents, service name with them.
    expect(codes(index.search('bache'))).to.include('TARP');
    expect(codes(index.search('dechiree'))).to.deep.equal(['TARP']);
    expect(top(index.search('arbol caido'))).to.equal('TREE');
    // Query with accents, catalogue (a synonym) without.
    expect(codes(index.search('bâche'))).to.include.members(['TARP', 'POTHOLE']);
    expect(codes(index.search('BÂCHE'))).to.include.members(['TARP', 'POTHOLE']);
    expect(codes(index.search('Bache'))).to.include.members(['TARP', 'POTHOLE']);
    // And a separately typed combining accent in the query.
    expect(top(index.search('Cafe\u0301'))).to.equal('CAFE');
  });

  it('matches the start of every word ("str li" finds "Street light out")', () => {
    const hits = index.search('str li');
    expect(top(hits)).to.equal('LIGHT');
    expect(marked(hits[0])).to.deep.equal(['Str', 'li']);
    expect(top(index.search('gra rem'))).to.equal('GRAFFITI');
    // Only the start: "ight" is inside "light", not the start of a word.
    expect(index.search('ight')).to.deep.equal([]);
  });

  it('finds words written apart or joined ("pot hole" → Pothole, "streetlight" → Street light out)', () => {
    expect(top(index.search('pot hole'))).to.equal('POTHOLE');
    expect(marked(index.search('pot hole')[0])).to.deep.equal(['Pothole']);
    expect(top(index.search('streetlight'))).to.equal('LIGHT');
    expect(marked(index.search('streetlight')[0])).to.deep.equal(['Street', 'light']);
    expect(top(index.search('streetl'))).to.equal('LIGHT');
    expect(top(index.search('trashpickup'))).to.equal('MISSED');
  });

  it('forgives one typo in words of four letters or more, but not two', () => {
    expect(top(index.search('potole'))).to.equal('POTHOLE'); // a missing letter
    expect(top(index.search('pothloe'))).to.equal('POTHOLE'); // two letters swapped
    expect(top(index.search('grafitti'))).to.equal('GRAFFITI'); // the doubled letter on the wrong one
    expect(top(index.search('graffito'))).to.equal('GRAFFITI'); // a wrong letter
    expect(top(index.search('strete light'))).to.equal('LIGHT');
    expect(index.search('pozhoke')).to.deep.equal([]); // two wrong letters
    expect(index.search('grafitty')).to.deep.equal([]);
    expect(index.search('ptohloe')).to.deep.equal([]);
    // Three letters are too few to guess from: "pit" is not "pot".
    expect(index.search('pit')).to.deep.equal([]);
  });

  it('takes only one slip for a typo, not a letter moved further', () => {
    expect(index.search('paemvent')).to.deep.equal([]); // "pavement" with its "v" two places on
    expect(index.search('fensec')).to.deep.equal([]); // "fences" with two letters exchanged, not neighbours
    expect(top(index.search('fecnes'))).to.equal('GRAFFITI'); // neighbours swapped: one slip
  });

  it('prefers what was typed to a typo', () => {
    const index = createServiceIndex([
      { service_code: 'CART', service_name: 'Cart repair' },
      { service_code: 'CARE', service_name: 'Care home noise' },
    ]);
    expect(codes(index.search('care'))).to.deep.equal(['CARE']);
  });

  it('uses city synonyms, in any language', () => {
    expect(top(index.search('farola'))).to.equal('LIGHT'); // es
    expect(top(index.search('reverbere'))).to.equal('LIGHT'); // fr, accents dropped
    expect(top(index.search('Réverbère'))).to.equal('LIGHT');
    expect(top(index.search('lampa'))).to.equal('LIGHT');
    expect(top(index.search('nid de poule'))).to.equal('POTHOLE');
    expect(top(index.search('hoyo'))).to.equal('POTHOLE');
    // Synonyms are optional.
    expect(top(createServiceIndex(CITY).search('pothole'))).to.equal('POTHOLE');
    expect(createServiceIndex(CITY).search('farola')).to.deep.equal([]);
  });

  it('searches keywords, descriptions and groups too, ranking the name first', () => {
    expect(top(index.search('asphalt'))).to.equal('POTHOLE'); // keyword
    expect(top(index.search('fences'))).to.equal('GRAFFITI'); // description
    expect(codes(index.search('sanitation'))).to.deep.equal(['MISSED', 'BULK']); // group
    // "lamp" is only a keyword of LIGHT; a service named "Lamp …" would come first.
    const withLamp = createServiceIndex([...CITY, { service_code: 'LAMP', service_name: 'Lamp post leaning' }]);
    expect(codes(withLamp.search('lamp'))).to.deep.equal(['LAMP', 'LIGHT']);
  });

  it('narrows as more words are typed (every word must match)', () => {
    // POTHOLE too, through its group "Streets" (weakest, so last).
    expect(codes(index.search('street'))).to.deep.equal(['LIGHT', 'SIGN', 'POTHOLE']);
    expect(codes(index.search('street si'))).to.deep.equal(['SIGN']);
    expect(codes(index.search('trash'))).to.deep.equal(['MISSED', 'BULK']);
    expect(codes(index.search('trash b'))).to.deep.equal(['BULK']);
    expect(index.search('trash zebra')).to.deep.equal([]);
  });

  it('does not let stop words decide, except a last word still being typed', () => {
    expect(codes(index.search('the pothole'))).to.deep.equal(['POTHOLE']);
    expect(codes(index.search('hole in the road '))).to.deep.equal(['POTHOLE']);
    // "a" alone may be the start of a word.
    expect(codes(index.search('a'))).to.include.members(['POTHOLE', 'TREE']);
  });

  it('leaves out short words before the last one ("on", "my", "l")', () => {
    expect(top(index.search('light on my street'))).to.equal('LIGHT');
    expect(codes(index.search("l'arbol"))).to.deep.equal(['TREE']);
  });

  it('keeps catalogue order for equal scores', () => {
    expect(codes(index.search('street'))).to.deep.equal(['LIGHT', 'SIGN', 'POTHOLE']);
    const reversed = createServiceIndex([...CITY].reverse(), SYNONYMS);
    expect(codes(reversed.search('street'))).to.deep.equal(['SIGN', 'LIGHT', 'POTHOLE']);
    expect(codes(reversed.search('trash'))).to.deep.equal(['BULK', 'MISSED']);
    const hits = index.search('trash');
    expect(hits[0]!.score).to.equal(hits[1]!.score);
  });

  it('highlights the matched characters of service_name, in original indices, accents included', () => {
    const tree = index.search('arbol')[0]!;
    expect(tree.highlights).to.deep.equal([[0, 5]]);
    expect(marked(tree)).to.deep.equal(['Árbol']);
    expect(marked(index.search('arbol cai')[0])).to.deep.equal(['Árbol', 'caí']);
    expect(marked(index.search('dech')[0])).to.deep.equal(['déch']);
    // The separate combining accent belongs to its letter.
    const cafe = index.search('cafe lit')[0]!;
    expect(cafe.highlights).to.deep.equal([
      [0, 5],
      [14, 17],
    ]);
    // A match outside the name (a synonym) highlights nothing.
    expect(index.search('farola')[0]!.highlights).to.deep.equal([]);
    // A typo highlights the word it was taken for.
    expect(marked(index.search('grafitti')[0])).to.deep.equal(['Graffiti']);
    // Ranges are sorted and do not overlap.
    expect(index.search('street street')[0]!.highlights).to.deep.equal([[0, 6]]);
  });

  it('returns every service in catalogue order for an empty query', () => {
    for (const query of ['', '   ', ' ,.; ']) {
      const hits = index.search(query);
      expect(codes(hits)).to.deep.equal(CITY.map((s) => s.service_code));
      expect(hits.every((h) => h.score === 0 && h.highlights.length === 0)).to.equal(true);
    }
    expect(index.search('', 0)).to.deep.equal([]);
  });

  it('respects limit', () => {
    expect(codes(index.search('', 2))).to.deep.equal(['POTHOLE', 'LIGHT']);
    expect(codes(index.search('street', 1))).to.deep.equal(['LIGHT']);
    expect(index.search('street', 10)).to.have.length(3);
    expect(createServiceIndex([]).search('anything')).to.deep.equal([]);
    expect(createServiceIndex([]).search('')).to.deep.equal([]);
  });

  it('returns the original service objects', () => {
    expect(index.search('pothole')[0]!.item).to.equal(CITY[0]);
  });
});

describe('search: suggest from a sentence (demo catalogue)', () => {
  const index = createServiceIndex(demoServices, {
    POTHOLE: ['bache', 'hoyo en la calle', 'nid de poule'],
    STREETLIGHT: ['farola', 'lampadaire', 'réverbère'],
  });
  const suggested = (sentence: string) => index.suggest(sentence).map((h) => h.item.service_code);

  const cases: Array<[string, string]> = [
    ["there's a big hole in the road by my house", 'POTHOLE'],
    ['pot hole on Main street', 'POTHOLE'],
    ['The streetlight on my corner has been out for a week', 'STREETLIGHT'],
    ['the traffic light at the intersection is stuck on red', 'TRAFFIC_SIGNAL'],
    ['someone sprayed graffiti on my garage door', 'Graffiti / Private'],
    ['they missed our garbage pickup this week', 'MISSED_TRASH'],
    ['old couch and mattress to pick up', 'BULK_PICKUP'],
    ['rats running around the alley behind my building', 'RODENTS'],
    ['a tree branch fell and is blocking the sidewalk', 'TREE_DOWN'],
    ['dog barking all night next door', 'NOISE'],
    ['car parked on our street for weeks, never moves', 'ABANDONED_VEHICLE'],
    ['the swing at the playground is broken', 'PLAYGROUND'],
    ['the bathroom in the park is locked', 'PARK_RESTROOM'],
    ["my neighbor's grass is two feet tall", 'WEEDS'],
    // Spanish and French, through the city's synonyms.
    ['hay un bache enorme en la calle', 'POTHOLE'],
    ['Hay un hoyo en la calle de mi casa', 'POTHOLE'],
    ['il y a un nid de poule devant chez moi', 'POTHOLE'],
    ['le lampadaire est éteint depuis hier', 'STREETLIGHT'],
    ['La farola de mi calle no funciona', 'STREETLIGHT'],
  ];
  for (const [sentence, expected] of cases) {
    it(`"${sentence}" → ${expected}`, () => {
      expect(suggested(sentence)[0]).to.equal(expected);
    });
  }

  it('offers at most three by default, or the limit asked for, best first', () => {
    const hits = index.suggest('the streetlight on my corner has been out for a week, it is dark');
    expect(hits.length).to.be.within(1, 3);
    for (let k = 1; k < hits.length; k++) expect(hits[k - 1]!.score).to.be.at.least(hits[k]!.score);
    expect(index.suggest('graffiti on a bus shelter and a sign', 1)).to.have.length(1);
  });

  it('highlights in the name what the sentence mentioned', () => {
    const [hit] = index.suggest('the swing at the playground is broken');
    expect(marked(hit)).to.deep.equal(['Broken', 'Playground']);
  });

  it('forgives a typo in a sentence', () => {
    expect(suggested('lots of grafitti on the bridge')[0]).to.equal('GRAFFITI_PUBLIC');
    // In a whole word ("mattres"); a word is not taken for a longer one that starts like it ("pick", "pickup").
    expect(suggested('my mattres')).to.deep.equal(['BULK_PICKUP']);
    expect(suggested('bulk pick')).to.deep.equal(['BULK_PICKUP']);
  });

  it('suggests nothing from stop words alone, or from words the catalogue does not know', () => {
    expect(index.suggest('there is a the my')).to.deep.equal([]);
    expect(index.suggest('el la de le un une')).to.deep.equal([]);
    expect(index.suggest('')).to.deep.equal([]);
    expect(index.suggest('hello how are you doing today')).to.deep.equal([]);
    expect(index.suggest('I would like to say thanks')).to.deep.equal([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// 5,000 services: correctness at scale (timing lives in scripts/bench/bench-search.mjs).

/** mulberry32, so the catalogue is the same on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function bigCatalogue(size: number): Searchable[] {
  const next = random(42);
  const pick = <V>(list: readonly V[]): V => list[Math.floor(next() * list.length)]!;
  const things = [
    ['Pothole', 'hole, road, asphalt'],
    ['Street Light', 'lamp, streetlight, dark'],
    ['Drinking Fountain', 'fountain, water'],
    ['Park Bench', 'bench, seat'],
    ['Storm Drain', 'drain, sewer, flooding'],
    ['Traffic Signal', 'stoplight, signal'],
    ['Trash Can', 'litter, basket, garbage'],
  ] as const;
  const problems = ['Broken', 'Damaged', 'Missing', 'Leaking', 'Blocked', 'Dirty'];
  const places = ['Park', 'School', 'Library', 'Bridge', 'Plaza', 'Station'];
  const syllables = ['ka', 'lo', 'mer', 'vin', 'ta', 'ro', 'sel', 'den', 'bra', 'li', 'ton', 'wick'];
  const placeName = () => {
    let word = '';
    for (let k = 2 + Math.floor(next() * 2); k > 0; k--) word += pick(syllables);
    return word[0]!.toUpperCase() + word.slice(1);
  };
  return Array.from({ length: size }, (_, i) => {
    const [thing, keywords] = pick(things);
    const problem = pick(problems);
    const where = `${placeName()} ${pick(places)}`;
    return {
      service_code: `S${i}`,
      service_name: `${problem} ${thing} at ${where}`,
      description: `Report a ${problem.toLowerCase()} ${thing.toLowerCase()} near ${where}.`,
      keywords: `${keywords}, ${problem.toLowerCase()}`,
      group: pick(['Streets', 'Parks', 'Water', 'Sanitation']),
    };
  });
}

describe('search: 5,000 services', () => {
  const catalogue = bigCatalogue(5000);
  const NEEDLE = 4321;
  catalogue[NEEDLE] = {
    service_code: 'NEEDLE',
    service_name: 'Sinkhole on Zembla Bridge',
    keywords: 'sinkhole, collapse, cave-in',
    description: 'The road surface has collapsed into a hole.',
    group: 'Streets',
  };
  const index = createServiceIndex(catalogue, { NEEDLE: ['socavón'] });

  it('finds the one service among 5,000, by prefix, typo, joined words and synonym', () => {
    expect(top(index.search('zembla'))).to.equal('NEEDLE');
    expect(codes(index.search('sink zem'))).to.deep.equal(['NEEDLE']);
    expect(top(index.search('zenbla'))).to.equal('NEEDLE');
    expect(top(index.search('sink hole zem'))).to.equal('NEEDLE');
    expect(codes(index.search('socavon'))).to.deep.equal(['NEEDLE']);
    expect(top(index.suggest('the road collapsed into a big sinkhole near zembla bridge'))).to.equal('NEEDLE');
  });

  it('returns exactly the services where every word starts a word (AND), compared with brute force', () => {
    const wordsOf = (s: Searchable) =>
      [s.service_name, s.keywords, s.description, s.group].flatMap((text) => fold(text ?? '').split(' '));
    for (const query of ['brok fount', 'leaking drain sch', 'trash bas lib']) {
      const wanted = fold(query).split(' ');
      const expected = catalogue
        .filter((s) => wanted.every((w) => wordsOf(s).some((word) => word.startsWith(w))))
        .map((s) => s.service_code);
      expect(expected.length, query).to.be.greaterThan(0);
      expect(codes(index.search(query)).sort(), query).to.deep.equal(expected.sort());
    }
  });

  it('ranks names typed in order first and keeps catalogue order among equals', () => {
    const hits = index.search('str li');
    expect(hits[0]!.item.service_name).to.contain('Street Light');
    expect(marked(hits[0]).slice(0, 2)).to.deep.equal(['Str', 'Li']);
    const potholes = index.search('pothole');
    expect(potholes.length).to.be.greaterThan(100);
    for (let k = 1; k < potholes.length; k++) {
      const [a, b] = [potholes[k - 1]!, potholes[k]!];
      expect(a.score).to.be.at.least(b.score);
      if (a.score === b.score) expect(catalogue.indexOf(a.item)).to.be.lessThan(catalogue.indexOf(b.item));
    }
  });

  it('is built in slices of 10 ms when built at idle, giving the same answers (issue #14: no long task)', async () => {
    let pauses = 0;
    const pause = async () => void pauses++;
    // A clock that moves 1 ms each time it is read (once per service, and once as a slice starts): a slice ends
    // after about 11 services.
    let ms = 0;
    const sliced = await buildServiceIndex(catalogue, { NEEDLE: ['socavón'] }, undefined, pause, () => ms++);
    expect(pauses).to.be.within(5000 / 12, 5000 / 10);
    // A clock that stands still: one slice, however many services.
    pauses = 0;
    await buildServiceIndex(catalogue, undefined, undefined, pause, () => 0);
    expect(pauses).to.equal(0);
    for (const query of ['sinkhole zem', 'socavon', 'str li', 'b', 'brok fount'])
      expect(codes(sliced.search(query)), query).to.deep.equal(codes(index.search(query)));
    expect(codes(sliced.suggest('a hole opened in the bridge road'))).to.deep.equal(
      codes(index.suggest('a hole opened in the bridge road')),
    );
  });

  it('is never built at once for a keystroke: indexFor waits for prepareIndex, which a second call joins', async () => {
    await loadLexicon('en');
    const list = catalogue.slice(); // an index is kept per list
    // Not built yet: nothing (a keystroke then asks prepareIndex, a slice at a time, and waits).
    expect(indexFor(list, undefined, 'en')).to.equal(undefined);
    const idle = prepareIndex(list, undefined, 'en');
    // Under way: still nothing (indexFor built the whole index inside the keystroke: ~650 ms at 4x CPU).
    expect(indexFor(list, undefined, 'en')).to.equal(undefined);
    // A keystroke meanwhile joins the build under way.
    await prepareIndex(list, undefined, 'en');
    const built = indexFor(list, undefined, 'en');
    expect(top(built!.search('zembla'))).to.equal('NEEDLE');
    await idle;
    expect(indexFor(list, undefined, 'en')).to.equal(built);
    // Other synonyms are another index.
    expect(indexFor(list, { NEEDLE: ['x'] }, 'en')).to.equal(undefined);
  });

  it('returns all 5,000 for an empty query and honours limit on large result sets', () => {
    expect(index.search('')).to.have.length(5000);
    expect(index.search('b', 20)).to.have.length(20);
    expect(codes(index.search('b', 20))).to.deep.equal(codes(index.search('b').slice(0, 20)));
  });
});
