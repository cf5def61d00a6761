import { caseStatus, newAttempt, readAttempt, type AttemptRecord } from './attempt-record';
import { JOURNAL_PREFIX, journaledAttemptStorage, journalVerdict, memoryAttemptStorage, sortStored, type AttemptStorage, type JournalStorage } from './attempt-storage';
import { createAttemptsStore, warnBeforeLeavingUnsaved } from './attempts-store';

const record = (id = 'a1', summary: Partial<AttemptRecord['summary']> = {}, updatedAt = '2026-03-09T10:00:00.000Z'): AttemptRecord => {
  const r = newAttempt({ id, caseId: 'caso', seed: 3, mode: 'practice', now: updatedAt });
  return { ...r, summary: { ...r.summary, ...summary } };
};

describe('readAttempt', () => {
  it('accepts a valid record with a log in the engine format', () => {
    const r = { ...record(), log: { ...record().log, entries: [{ type: 'choose', choice: 'x' }] } };
    expect(readAttempt(r)).toEqual({ ok: true, record: r });
  });

  it.each([
    ['not an object', 'hola'],
    ['a log of another case', { ...record(), log: { ...record().log, scenarioId: 'otro' } }],
    ['a bad log entry', { ...record(), log: { ...record().log, entries: [{ type: 'nonsense' }] } }],
    ['an unknown field', { ...record(), extra: 1 }],
  ])('refuses %s', (_what, value) => {
    expect(readAttempt(value).ok).toBe(false);
  });

  it.each(['zzzz', '2026-13-45T00:00:00Z', 'yesterday'])('refuses an attempt whose time %s is not a date, saying so', (updatedAt) => {
    expect(readAttempt({ ...record(), updatedAt })).toEqual({ ok: false, reason: 'updatedAt: not a date' });
  });

  it('refuses a record from a newer build, saying so', () => {
    const read = readAttempt({ ...record(), version: 99 });
    expect(read).toEqual({ ok: false, reason: expect.stringContaining('newer') });
  });
});

describe('sortStored', () => {
  it('sets aside values whose key does not match their id', () => {
    const { records, setAside } = sortStored([{ key: 'a1', value: record('a1') }, { key: 'zz', value: record('a2') }]);
    expect(records.map((r) => r.id)).toEqual(['a1']);
    expect(setAside.map((s) => s.key)).toEqual(['zz']);
  });
});

describe('caseStatus', () => {
  /** Figures as a re-scoring would give them; here the test states them in the records' summaries. */
  const given = (a: AttemptRecord) => a.summary;

  it('is new without attempts, in progress with only open ones', () => {
    expect(caseStatus([], given)).toEqual({ kind: 'new' });
    expect(caseStatus([record('old', {}, '2026-01-01'), record('recent', {}, '2026-02-01')], given)).toEqual({ kind: 'in-progress', attemptId: 'recent' });
  });

  it('is passed when any finished attempt passed, with the best percent', () => {
    const s = caseStatus([record('a', { finished: true, percent: 55, passed: false }), record('b', { finished: true, percent: 80, passed: true })], given);
    expect(s).toEqual({ kind: 'passed', best: 80 });
  });

  it('is failed when attempts finished and none passed', () => {
    expect(caseStatus([record('a', { finished: true, percent: 40 }), record('b')], given)).toEqual({ kind: 'failed', best: 40 });
  });

  it('follows the re-scored figures, not the stored summary, and is being checked until they are in', () => {
    const forged = record('a', { finished: true, percent: 100, passed: true });
    expect(caseStatus([forged], () => ({ finished: false, percent: 0, passed: false }))).toEqual({ kind: 'in-progress', attemptId: 'a' });
    expect(caseStatus([forged], () => undefined)).toEqual({ kind: 'checking' });
  });
});

describe('attempts store', () => {
  it('loads valid attempts and moves corrupted ones aside, counting them', async () => {
    const storage = memoryAttemptStorage({ initial: { a1: record('a1'), bad: { junk: true } } });
    const store = createAttemptsStore(() => storage);
    await store.getState().init();
    expect(Object.keys(store.getState().attempts)).toEqual(['a1']);
    expect(store.getState().setAside).toHaveLength(1);
    expect(storage.aside.map((a) => a.key)).toEqual(['bad']);
    expect(storage.data.has('bad')).toBe(false);
  });

  it('saves to storage after each change', async () => {
    const storage = memoryAttemptStorage();
    const store = createAttemptsStore(() => storage);
    await store.getState().init();
    await store.getState().save(record('a1'));
    expect(storage.data.get('a1')).toEqual(record('a1'));
  });

  it('keeps working in memory when a write fails, and clears the problem when writes work again', async () => {
    const storage = memoryAttemptStorage({ failWrites: true });
    const store = createAttemptsStore(() => storage);
    await store.getState().init();
    await store.getState().save(record('a1'));
    expect(store.getState().problem).toBe('write-failed');
    expect(store.getState().attempts.a1).toEqual(record('a1'));
    storage.failWrites = false;
    await store.getState().save(record('a1', { percent: 50 }));
    expect(store.getState().problem).toBeNull();
    expect(storage.data.has('a1')).toBe(true);
  });

  it('reports storage that cannot be opened and still holds attempts in memory', async () => {
    const store = createAttemptsStore(() => memoryAttemptStorage({ failLoad: true }));
    await store.getState().init();
    expect(store.getState().problem).toBe('unavailable');
    await store.getState().save(record('a1'));
    expect(store.getState().attempts.a1?.id).toBe('a1');
  });
});

/** A Web Storage stand-in. */
const webStorage = (): JournalStorage & { map: Map<string, string> } => {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
};

/** A storage whose writes never finish, like IndexedDB when the page is torn down mid-write. */
const stalled = (inner: AttemptStorage): AttemptStorage => ({ ...inner, put: () => new Promise<void>(() => undefined) });

describe('journaled storage', () => {
  const withAction = (r: AttemptRecord, at: string): AttemptRecord => ({
    ...r,
    updatedAt: at,
    log: { ...r.log, entries: [...r.log.entries, { type: 'choose', choice: 'x' }] },
  });

  it('keeps the last action whose database write was cut off, and writes it through on the next load', async () => {
    const disk = memoryAttemptStorage({ initial: { a1: record('a1') } });
    const journal = webStorage();
    const before = journaledAttemptStorage(stalled(disk), () => journal);
    void before.put(withAction(record('a1'), '2026-03-09T10:00:05.000Z'));
    expect(disk.data.get('a1')).toEqual(record('a1')); // the database never got it

    const after = journaledAttemptStorage(disk, () => journal);
    const { records } = await after.loadAll();
    expect(records.map((r) => r.log.entries.length)).toEqual([1]);
    expect((disk.data.get('a1') as AttemptRecord).log.entries).toHaveLength(1);
    expect(journal.map.size).toBe(0);
  });

  it('clears its copy once the database write is done, and never resurrects an older copy', async () => {
    const disk = memoryAttemptStorage();
    const journal = webStorage();
    const storage = journaledAttemptStorage(disk, () => journal);
    await storage.put(withAction(record('a1'), '2026-03-09T10:00:05.000Z'));
    expect(journal.map.size).toBe(0);
    journal.setItem(JOURNAL_PREFIX + 'a1', JSON.stringify(record('a1')));
    const { records } = await storage.loadAll();
    expect(records[0]?.log.entries).toHaveLength(1);
    expect(journal.map.size).toBe(0);
  });

  it('sets aside an edited or corrupted journal entry instead of loading it', async () => {
    const journal = webStorage();
    journal.setItem(JOURNAL_PREFIX + 'a1', '{"not":"an attempt"');
    journal.setItem(JOURNAL_PREFIX + 'a2', JSON.stringify({ ...record('a2'), summary: { finished: true, percent: 900, passed: true } }));
    const { records, setAside } = await journaledAttemptStorage(memoryAttemptStorage(), () => journal).loadAll();
    expect(records).toEqual([]);
    expect(setAside.map((s) => s.key).sort()).toEqual([JOURNAL_PREFIX + 'a1', JOURNAL_PREFIX + 'a2']);
    expect(journal.map.size).toBe(0);
  });

  it('lets quick successive saves of an attempt share one database write of the newest copy', async () => {
    const disk = memoryAttemptStorage();
    const writes: AttemptRecord[] = [];
    const counted: AttemptStorage = { ...disk, put: (r) => (writes.push(r), disk.put(r)) };
    const journal = webStorage();
    const storage = journaledAttemptStorage(counted, () => journal, { settleMs: 30 });
    const first = withAction(record('a1'), '2026-03-09T10:00:05.000Z');
    const second = withAction(first, '2026-03-09T10:00:06.000Z');
    const saves = [storage.put(first), storage.put(second)];
    // Until the write, the journal holds the newest copy (a reload now resumes from it).
    expect(JSON.parse(journal.map.get(JOURNAL_PREFIX + 'a1') ?? 'null')).toEqual(second);
    expect(disk.data.has('a1')).toBe(false);
    await Promise.all(saves);
    expect(writes.map((r) => r.log.entries.length)).toEqual([2]);
    expect(disk.data.get('a1')).toEqual(second);
    expect(journal.map.size).toBe(0);
  });

  it('does not write an attempt that was removed while its write was waiting', async () => {
    const disk = memoryAttemptStorage();
    const journal = webStorage();
    const storage = journaledAttemptStorage(disk, () => journal, { settleMs: 30 });
    const saved = storage.put(record('a1'));
    await storage.remove('a1');
    await saved;
    expect(disk.data.has('a1')).toBe(false);
    expect(journal.map.size).toBe(0);
  });

  it('still writes to the database when the journal refuses writes', async () => {
    const disk = memoryAttemptStorage();
    const full = { ...webStorage(), setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
    await journaledAttemptStorage(disk, () => full).put(record('a1'));
    expect(disk.data.has('a1')).toBe(true);
  });
});

describe('a journal copy against the stored attempt', () => {
  const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ type: 'choose' as const, choice: `c${i}` }));
  const withLog = (n: number, at: string, summary: Partial<AttemptRecord['summary']> = {}): AttemptRecord => {
    const r = record('a1', summary, at);
    return { ...r, log: { ...r.log, entries: entries(n) } };
  };
  const finished = withLog(7, '2026-03-09T10:07:00.000Z', { finished: true, percent: 80, passed: true });

  it('never replaces a finished attempt with an unfinished copy, and sets a divergent one aside', async () => {
    const disk = memoryAttemptStorage({ initial: { a1: finished } });
    const journal = webStorage();
    const other = { ...withLog(1, '2026-03-09T11:00:00.000Z'), log: { ...finished.log, entries: [{ type: 'choose' as const, choice: 'zz' }] } };
    journal.setItem(JOURNAL_PREFIX + 'a1', JSON.stringify(other));
    const { records, setAside } = await journaledAttemptStorage(disk, () => journal).loadAll();
    expect(records[0]?.log.entries).toHaveLength(7);
    expect((disk.data.get('a1') as AttemptRecord).log.entries).toHaveLength(7);
    expect(setAside).toEqual([expect.objectContaining({ key: JOURNAL_PREFIX + 'a1', reason: expect.stringContaining('finished') })]);
    expect(disk.aside).toHaveLength(1);
  });

  it('sets aside a copy whose time is not a date (the "zzzz" copy), keeping the finished attempt', async () => {
    const disk = memoryAttemptStorage({ initial: { a1: finished } });
    const journal = webStorage();
    journal.setItem(JOURNAL_PREFIX + 'a1', JSON.stringify({ ...withLog(0, '2026-03-09T10:00:00.000Z'), updatedAt: 'zzzz' }));
    const { records, setAside } = await journaledAttemptStorage(disk, () => journal).loadAll();
    expect(records).toEqual([finished]);
    expect(setAside.map((s) => s.reason)).toEqual(['unsaved copy: updatedAt: not a date']);
  });

  it('takes a copy that extends the stored log, or is newer by a valid time; drops one the stored copy already holds', () => {
    const stored = withLog(2, '2026-03-09T10:02:00.000Z');
    expect(journalVerdict(stored, withLog(3, '2026-03-09T10:01:00.000Z'))).toBe('take');
    expect(journalVerdict(stored, { ...stored, updatedAt: '2026-03-09T10:05:00.000Z' })).toBe('take');
    expect(journalVerdict(stored, withLog(1, '2026-03-09T10:09:00.000Z'))).toBe('drop');
    expect(journalVerdict(stored, stored)).toBe('drop');
    const divergent = { ...stored, log: { ...stored.log, entries: [{ type: 'choose' as const, choice: 'other' }] } };
    expect(journalVerdict(stored, { ...divergent, updatedAt: '2026-03-09T10:05:00.000Z' })).toBe('take');
    expect(journalVerdict(stored, { ...divergent, updatedAt: '2026-03-09T10:00:00.000Z' })).toEqual({ aside: expect.stringContaining('older') });
  });
});

describe('set-aside values', () => {
  it('are set aside once: a second load finds them in the set-aside area, not again among the attempts', async () => {
    const storage = memoryAttemptStorage({ initial: { a1: record('a1'), bad: { junk: true } } });
    const first = await storage.loadAll();
    const second = await storage.loadAll();
    expect(first.setAside).toHaveLength(1);
    expect(second.setAside).toHaveLength(1);
    expect(storage.aside).toHaveLength(1);
  });

  it('are gone for good once discarded', async () => {
    const storage = memoryAttemptStorage({ initial: { bad: { junk: true } } });
    const store = createAttemptsStore(() => storage);
    await store.getState().init();
    expect(store.getState().setAside.map((s) => s.key)).toEqual(['bad']);
    await store.getState().discardSetAside();
    expect(store.getState().setAside).toEqual([]);
    expect((await storage.loadAll()).setAside).toEqual([]);
  });
});

describe('attempts store, beyond one tab', () => {
  it('takes the copy another tab handed over when it is the same attempt, and never a shorter or foreign one', async () => {
    const storage = memoryAttemptStorage({ initial: { a1: record('a1') } });
    const store = createAttemptsStore(() => storage);
    await store.getState().init();
    const longer = { ...record('a1'), log: { ...record('a1').log, entries: [{ type: 'choose' as const, choice: 'x' }] } };
    await store.getState().refresh('a1', longer);
    expect(store.getState().attempts.a1?.log.entries).toHaveLength(1);
    await store.getState().refresh('a1', record('a1'));
    await store.getState().refresh('a1', { ...longer, id: 'a2' });
    await store.getState().refresh('a1', { junk: true });
    expect(store.getState().attempts.a1?.log.entries).toHaveLength(1);
  });

  it('counts an attempt as unsaved only while no store holds its latest copy', async () => {
    const disk = memoryAttemptStorage({ failWrites: true });
    const journal = webStorage();
    const store = createAttemptsStore(() => journaledAttemptStorage(disk, () => journal));
    await store.getState().init();
    await store.getState().save(record('a1'));
    expect(store.getState().problem).toBe('write-failed');
    expect(store.getState().unsaved).toEqual([]); // the journal kept it
    journal.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    await store.getState().save({ ...record('a1', { percent: 10 }), log: { ...record('a1').log, entries: [{ type: 'choose', choice: 'x' }] } });
    expect(store.getState().unsaved).toEqual(['a1']);
    disk.failWrites = false;
    await store.getState().save(record('a1', { percent: 20 }));
    expect(store.getState().unsaved).toEqual([]);
  });
});

describe('closing the tab', () => {
  it('asks to confirm while an attempt is held only in memory, and not once it is stored', async () => {
    const disk = memoryAttemptStorage({ failWrites: true });
    const store = createAttemptsStore(() => disk);
    await store.getState().init();
    const target = new EventTarget();
    warnBeforeLeavingUnsaved(store, target as unknown as Window);
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leave()).toBe(false);
    await store.getState().save(record('a1'));
    expect(leave()).toBe(false); // nothing done in it yet
    await store.getState().save({ ...record('a1'), log: { ...record('a1').log, entries: [{ type: 'choose', choice: 'x' }] } });
    expect(leave()).toBe(true);
    disk.failWrites = false;
    await store.getState().save(record('a1', { percent: 5 }));
    expect(leave()).toBe(false);
  });
});
