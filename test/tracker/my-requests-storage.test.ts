/** "My requests": the requests kept on this device, whatever localStorage does (issue #6). */
import { expect } from '@open-wc/testing';
import {
  MAX_MY_REQUESTS,
  forgetAll,
  forgetRequest,
  hasUpdate,
  isProvisional,
  listMyRequests,
  markSeen,
  onMyRequestsChange,
  rememberRequest,
  type SavedRequest,
} from '../../src/storage/my-requests';

let n = 0;
/** A fresh key per test: the module keeps a page-lifetime fallback per key when storage fails. */
const freshKey = () => `cp-test-my-requests-${Date.now()}-${n++}`;
const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 12, minute)).toISOString();
const ids = (list: SavedRequest[]) => list.map((r) => r.id);
const stored = (key: string): unknown => JSON.parse(localStorage.getItem(key) ?? 'null');

/** Replaces a method for the duration of `run`. */
function stub<T extends object, K extends keyof T>(target: T, name: K, replacement: T[K], run: () => void): void {
  const original = Object.getOwnPropertyDescriptor(target, name);
  Object.defineProperty(target, name, { value: replacement, configurable: true, writable: true });
  try {
    run();
  } finally {
    if (original) Object.defineProperty(target, name, original);
    else delete target[name];
  }
}
const domError = (name: string) => () => {
  throw new DOMException('refused', name);
};

describe('My requests', () => {
  let key: string;
  beforeEach(() => {
    key = freshKey();
  });
  afterEach(() => {
    localStorage.removeItem(key);
  });

  it('is empty at first', () => {
    expect(listMyRequests(key)).to.deep.equal([]);
  });

  it('remembers requests newest first and survives a reload (stored as JSON)', () => {
    rememberRequest(key, { id: '1', serviceName: 'Pothole', address: '1 Main St', addedAt: at(1) });
    rememberRequest(key, { id: '3', addedAt: at(3) });
    const list = rememberRequest(key, { id: '2', addedAt: at(2) });
    expect(ids(list)).to.deep.equal(['3', '2', '1']);
    expect(ids(listMyRequests(key))).to.deep.equal(['3', '2', '1']);
    expect(listMyRequests(key)[2]).to.deep.equal({
      id: '1',
      serviceName: 'Pothole',
      address: '1 Main St',
      addedAt: at(1),
    });
    expect((stored(key) as unknown[]).length).to.equal(3);
  });

  it('stamps addedAt with now when not given', () => {
    const before = Date.now();
    const [r] = rememberRequest(key, { id: '7' });
    expect(Date.parse(r!.addedAt)).to.be.within(before, Date.now());
    // The latest added comes first, even within the same millisecond.
    expect(ids(rememberRequest(key, { id: '8' }))).to.deep.equal(['8', '7']);
  });

  it('keeps two keys (two cities) apart', () => {
    const other = freshKey();
    try {
      rememberRequest(key, { id: '1' });
      rememberRequest(other, { id: '2' });
      expect(ids(listMyRequests(key))).to.deep.equal(['1']);
      expect(ids(listMyRequests(other))).to.deep.equal(['2']);
    } finally {
      localStorage.removeItem(other);
    }
  });

  it('upserts by id: details merged, the first addedAt and the place kept', () => {
    rememberRequest(key, { id: '1', serviceName: 'Pothole', addedAt: at(1) });
    rememberRequest(key, { id: '2', addedAt: at(2) });
    const list = rememberRequest(key, { id: '1', address: '1 Main St', serviceName: '  ' });
    expect(list).to.deep.equal([
      { id: '2', addedAt: at(2) },
      { id: '1', serviceName: 'Pothole', address: '1 Main St', addedAt: at(1) },
    ]);
    expect(rememberRequest(key, { id: '1', serviceName: 'Streetlight' })[1]!.serviceName).to.equal('Streetlight');
  });

  it('trims ids and ignores a request with neither id nor token', () => {
    expect(ids(rememberRequest(key, { id: ' 42 ' }))).to.deep.equal(['42']);
    expect(ids(rememberRequest(key, { id: '   ' }))).to.deep.equal(['42']);
    expect(ids(rememberRequest(key, { id: '' }))).to.deep.equal(['42']);
  });

  it('keeps at most 50, dropping the oldest', () => {
    for (let i = 0; i < 55; i++) rememberRequest(key, { id: `r${i}`, addedAt: at(i) });
    const list = listMyRequests(key);
    expect(MAX_MY_REQUESTS).to.equal(50);
    expect(list).to.have.length(50);
    expect(list[0]!.id).to.equal('r54');
    expect(list[49]!.id).to.equal('r5');
    expect((stored(key) as unknown[]).length).to.equal(50);
  });

  it('replaces a provisional token by the id once the server gives it', () => {
    rememberRequest(key, { id: 'a', addedAt: at(1) });
    rememberRequest(key, { id: 'tok-1', token: 'tok-1', serviceName: 'Graffiti', addedAt: at(2) });
    rememberRequest(key, { id: 'b', addedAt: at(3) });
    expect(isProvisional(listMyRequests(key)[1]!)).to.equal(true);

    const list = rememberRequest(key, { id: '9001', token: 'tok-1' });
    expect(list).to.deep.equal([
      { id: 'b', addedAt: at(3) },
      { id: '9001', token: 'tok-1', serviceName: 'Graffiti', addedAt: at(2) },
      { id: 'a', addedAt: at(1) },
    ]);
    expect(isProvisional(list[1]!)).to.equal(false);

    // A late echo of the token (another tab) does not bring the provisional entry back.
    expect(ids(rememberRequest(key, { id: 'tok-1', token: 'tok-1' }))).to.deep.equal(['b', '9001', 'a']);
  });

  it('accepts a token without an id as provisional', () => {
    const [r] = rememberRequest(key, { id: '', token: 'tok-2' });
    expect(r).to.include({ id: 'tok-2', token: 'tok-2' });
    expect(isProvisional(r!)).to.equal(true);
  });

  it('merges a looked-up id and the provisional entry it turns out to be', () => {
    rememberRequest(key, { id: 'tok-3', token: 'tok-3', serviceName: 'Litter', addedAt: at(1) });
    rememberRequest(key, { id: '77', address: 'Park Ave', lastSeenStatus: 'open', addedAt: at(5) });
    const list = rememberRequest(key, { id: '77', token: 'tok-3' });
    expect(list).to.deep.equal([
      {
        id: '77',
        token: 'tok-3',
        serviceName: 'Litter',
        address: 'Park Ave',
        lastSeenStatus: 'open',
        addedAt: at(1),
      },
    ]);
  });

  it('markSeen records what the resident saw; hasUpdate compares with the server', () => {
    rememberRequest(key, { id: '1' });
    let [r] = markSeen(key, '1', 'open', '2025-03-01T10:00:00Z');
    expect(r).to.include({ lastSeenStatus: 'open', lastSeenUpdated: '2025-03-01T10:00:00Z' });
    r = listMyRequests(key)[0]!;
    expect(hasUpdate(r, { status: 'open', updated_datetime: '2025-03-01T10:00:00Z' })).to.equal(false);
    expect(hasUpdate(r, { status: 'open', updated_datetime: '2025-03-01T10:00:00.000Z' })).to.equal(false);
    expect(hasUpdate(r, { status: 'Open ', updated_datetime: '2025-03-01T11:00:00+01:00' })).to.equal(false);
    expect(hasUpdate(r, { status: 'closed', updated_datetime: '2025-03-01T10:00:00Z' })).to.equal(true);
    expect(hasUpdate(r, { status: 'open', updated_datetime: '2025-03-02T08:00:00Z' })).to.equal(true);
    // A server that stops sending the time is no news.
    expect(hasUpdate(r, { status: 'open' })).to.equal(false);

    [r] = markSeen(key, '1', 'closed', '2025-03-02T08:00:00Z');
    expect(hasUpdate(r!, { status: 'closed', updated_datetime: '2025-03-02T08:00:00Z' })).to.equal(false);
  });

  it('hasUpdate: extended statuses spelled differently are the same; never seen is not an update', () => {
    const seen: SavedRequest = { id: '1', addedAt: at(0), lastSeenStatus: 'In Progress' };
    expect(hasUpdate(seen, { status: 'in_progress' })).to.equal(false);
    expect(hasUpdate(seen, { status: 'in-progress' })).to.equal(false);
    expect(hasUpdate(seen, { status: 'in_progress', updated_datetime: '2025-01-01T00:00:00Z' })).to.equal(true);
    expect(hasUpdate({ id: '1', addedAt: at(0) }, { status: 'closed' })).to.equal(false);
    const odd: SavedRequest = { ...seen, lastSeenUpdated: 'yesterday' };
    expect(hasUpdate(odd, { status: 'in progress', updated_datetime: 'yesterday' })).to.equal(false);
    expect(hasUpdate(odd, { status: 'in progress', updated_datetime: 'today' })).to.equal(true);
  });

  it('markSeen without a time clears the last seen time; an unknown id changes nothing', () => {
    rememberRequest(key, { id: '1' });
    markSeen(key, '1', 'open', '2025-03-01T10:00:00Z');
    const [r] = markSeen(key, '1', 'open');
    expect(r).not.to.have.property('lastSeenUpdated');
    expect(hasUpdate(r!, { status: 'open' })).to.equal(false);
    const before = localStorage.getItem(key);
    expect(ids(markSeen(key, 'nope', 'closed'))).to.deep.equal(['1']);
    expect(localStorage.getItem(key)).to.equal(before);
  });

  it('forgets one request (by id, or by token while provisional) and all of them', () => {
    rememberRequest(key, { id: '1', addedAt: at(1) });
    rememberRequest(key, { id: '2', addedAt: at(2) });
    rememberRequest(key, { id: 'tok', token: 'tok', addedAt: at(3) });
    expect(ids(forgetRequest(key, '1'))).to.deep.equal(['tok', '2']);
    expect(ids(forgetRequest(key, 'tok'))).to.deep.equal(['2']);
    expect(ids(forgetRequest(key, 'unknown'))).to.deep.equal(['2']);
    expect(ids(listMyRequests(key))).to.deep.equal(['2']);
    forgetAll(key);
    expect(listMyRequests(key)).to.deep.equal([]);
    expect(localStorage.getItem(key)).to.equal(null);
    expect(() => forgetAll(key)).not.to.throw();
  });

  describe('damaged storage', () => {
    for (const [what, raw] of [
      ['not JSON', '{"id": 1,'],
      ['an object', '{"id":"1","addedAt":"2025-01-01T00:00:00Z"}'],
      ['a number', '42'],
      ['null', 'null'],
      ['a string', '"1234"'],
      ['an empty string', ''],
    ] as const) {
      it(`reads ${what} as an empty list, and writes over it`, () => {
        localStorage.setItem(key, raw);
        expect(listMyRequests(key)).to.deep.equal([]);
        expect(ids(rememberRequest(key, { id: '1' }))).to.deep.equal(['1']);
        expect(ids(listMyRequests(key))).to.deep.equal(['1']);
      });
    }

    it('drops a bad entry and keeps the good ones', () => {
      localStorage.setItem(
        key,
        JSON.stringify([
          { id: '1', addedAt: at(1), serviceName: 'Pothole' },
          null,
          'x',
          42,
          [],
          { serviceName: 'no id', addedAt: at(2) },
          { id: '', addedAt: at(2) },
          { id: { nested: true }, addedAt: at(2) },
          { id: 2, addedAt: at(2), lastSeenStatus: 'open', extra: 'dropped' }, // a number id is read as text
          { id: '3', addedAt: 'not a date', address: ['wrong'] }, // damaged details: kept, as the oldest
          { id: '1', addedAt: at(0), serviceName: 'duplicate' },
        ]),
      );
      expect(listMyRequests(key)).to.deep.equal([
        { id: '2', addedAt: at(2), lastSeenStatus: 'open' },
        { id: '1', addedAt: at(1), serviceName: 'Pothole' },
        { id: '3', addedAt: new Date(0).toISOString() },
      ]);
      // The next write stores the cleaned list.
      rememberRequest(key, { id: '4', addedAt: at(4) });
      expect(stored(key)).to.deep.equal([
        { id: '4', addedAt: at(4) },
        { id: '2', addedAt: at(2), lastSeenStatus: 'open' },
        { id: '1', addedAt: at(1), serviceName: 'Pothole' },
        { id: '3', addedAt: new Date(0).toISOString() },
      ]);
    });

    it('sorts a list stored out of order, and keeps at most 50 of a longer one', () => {
      const many = Array.from({ length: 60 }, (_, i) => ({ id: `r${i}`, addedAt: at(i) }));
      localStorage.setItem(key, JSON.stringify(many));
      const list = listMyRequests(key);
      expect(list).to.have.length(50);
      expect(list[0]!.id).to.equal('r59');
    });
  });

  describe('storage that throws', () => {
    it('keeps working in memory when setItem throws QuotaExceededError', () => {
      rememberRequest(key, { id: '1', addedAt: at(1) });
      stub(localStorage, 'setItem', domError('QuotaExceededError'), () => {
        expect(ids(rememberRequest(key, { id: '2', addedAt: at(2) }))).to.deep.equal(['2', '1']);
        expect(ids(listMyRequests(key))).to.deep.equal(['2', '1']);
        expect(ids(markSeen(key, '2', 'open'))).to.deep.equal(['2', '1']);
        expect(listMyRequests(key)[0]!.lastSeenStatus).to.equal('open');
        expect(ids(forgetRequest(key, '1'))).to.deep.equal(['2']);
      });
      // Storage still holds the last list it accepted …
      expect(ids(stored(key) as SavedRequest[])).to.deep.equal(['1']);
      // … and gets the page's list with the next write that succeeds.
      expect(ids(rememberRequest(key, { id: '3', addedAt: at(3) }))).to.deep.equal(['3', '2']);
      expect(ids(stored(key) as SavedRequest[])).to.deep.equal(['3', '2']);
    });

    it('forgetAll never throws when removeItem does', () => {
      rememberRequest(key, { id: '1' });
      stub(localStorage, 'removeItem', domError('SecurityError'), () => {
        expect(() => forgetAll(key)).not.to.throw();
        expect(listMyRequests(key)).to.deep.equal([]);
      });
    });

    it('keeps a page-lifetime list when reading throws SecurityError, without overwriting what it could not read', () => {
      localStorage.setItem(key, JSON.stringify([{ id: 'old', addedAt: at(0) }]));
      stub(Storage.prototype, 'getItem', domError('SecurityError'), () => {
        expect(listMyRequests(key)).to.deep.equal([]);
        expect(ids(rememberRequest(key, { id: '1', addedAt: at(1) }))).to.deep.equal(['1']);
        expect(ids(listMyRequests(key))).to.deep.equal(['1']);
        expect(ids(markSeen(key, '1', 'open'))).to.deep.equal(['1']);
        expect(ids(forgetRequest(key, '1'))).to.deep.equal([]);
        expect(() => forgetAll(key)).not.to.throw();
      });
      expect(ids(listMyRequests(key))).to.deep.equal(['old']);
    });

    it('works without localStorage at all (the getter throws, as in a sandboxed iframe)', () => {
      const descriptor = Object.getOwnPropertyDescriptor(window, 'localStorage')!;
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('denied', 'SecurityError');
        },
      });
      try {
        expect(listMyRequests(key)).to.deep.equal([]);
        expect(ids(rememberRequest(key, { id: '1' }))).to.deep.equal(['1']);
        expect(ids(listMyRequests(key))).to.deep.equal(['1']);
        const off = onMyRequestsChange(key, () => {});
        off();
      } finally {
        Object.defineProperty(window, 'localStorage', descriptor);
      }
    });
  });

  describe('change notification', () => {
    it('tells every listener on the page for that key, with the fresh list', () => {
      const seenA: string[][] = [];
      const seenB: string[][] = [];
      const other: string[][] = [];
      const offA = onMyRequestsChange(key, (list) => seenA.push(ids(list)));
      const offB = onMyRequestsChange(key, (list) => seenB.push(ids(list)));
      const offOther = onMyRequestsChange(`${key}-other-city`, (list) => other.push(ids(list)));
      try {
        rememberRequest(key, { id: '1', addedAt: at(1) });
        rememberRequest(key, { id: '2', addedAt: at(2) });
        markSeen(key, '1', 'open');
        forgetRequest(key, '2');
        forgetAll(key);
        expect(seenA).to.deep.equal([['1'], ['2', '1'], ['2', '1'], ['1'], []]);
        expect(seenB).to.deep.equal(seenA);
        expect(other).to.deep.equal([]);
      } finally {
        offA();
        offB();
        offOther();
      }
    });

    it('is silent when nothing changed, and after unsubscribing', () => {
      rememberRequest(key, { id: '1', serviceName: 'Pothole' });
      markSeen(key, '1', 'open', '2025-03-01T10:00:00Z');
      let calls = 0;
      const off = onMyRequestsChange(key, () => calls++);
      rememberRequest(key, { id: '1', serviceName: 'Pothole' });
      markSeen(key, '1', 'open', '2025-03-01T10:00:00Z');
      markSeen(key, 'unknown', 'closed');
      forgetRequest(key, 'unknown');
      expect(calls).to.equal(0);
      off();
      rememberRequest(key, { id: '2' });
      expect(calls).to.equal(0);
    });

    it('relays the storage event of another tab for that key (and a full clear)', () => {
      const calls: string[][] = [];
      const off = onMyRequestsChange(key, (list) => calls.push(ids(list)));
      try {
        localStorage.setItem(key, JSON.stringify([{ id: '5', addedAt: at(5) }]));
        window.dispatchEvent(new StorageEvent('storage', { key, storageArea: localStorage }));
        window.dispatchEvent(new StorageEvent('storage', { key: 'something-else', storageArea: localStorage }));
        window.dispatchEvent(new StorageEvent('storage', { key, storageArea: sessionStorage }));
        window.dispatchEvent(new StorageEvent('storage', { key: null, storageArea: localStorage }));
        expect(calls).to.deep.equal([['5'], ['5']]);
      } finally {
        off();
      }
    });
  });
});
