import { fromFileEntry, fromFileLog, parseEntry, persistedLogSchema, persistLog, toFileEntry, type LogEntry } from './log';

describe('log entries', () => {
  it.each<[string, Record<string, unknown>, LogEntry]>([
    ['a choice', { choose: 'formal' }, { type: 'choose', choice: 'formal' }],
    ['a hint', { hint: {} }, { type: 'hint' }],
    ['a wait', { wait: 60 }, { type: 'wait', seconds: 60 }],
    ['a workflow event', { 'registration.enter': { field: 'curp', value: 'HEGG560427MVZRRL04' } }, { type: 'registration.enter', field: 'curp', value: 'HEGG560427MVZRRL04' }],
    ['an event without params', { 'registration.save': {} }, { type: 'registration.save' }],
    ['a paced choice', { choose: 'formal', at: 42 }, { type: 'choose', choice: 'formal', at: 42 }],
  ])('reads %s from the file form and writes it back', (_name, file, internal) => {
    expect(fromFileEntry(file)).toEqual({ ok: true, entry: internal });
    expect(toFileEntry(internal)).toEqual(file);
  });

  it('reads an event written with null params (YAML `{ registration.save: }`)', () => {
    expect(fromFileEntry({ 'registration.save': null })).toEqual({ ok: true, entry: { type: 'registration.save' } });
  });

  it.each<[string, unknown]>([
    ['two actions in one entry', { choose: 'a', wait: 10 }],
    ['no action', {}],
    ['a list', ['choose', 'a']],
    ['an unknown action', { dance: {} }],
    ['a wait of zero', { wait: 0 }],
    ['a wait that is not a number', { wait: 'soon' }],
    ['a choice without an id', { choose: '' }],
    ['params that are not an object', { 'registration.save': 'now' }],
    ['params carrying a type', { 'registration.save': { type: 'x' } }],
    ['hint with params', { hint: { step: 'a' } }],
    ['a negative at', { choose: 'a', at: -1 }],
  ])('rejects %s', (_name, value) => {
    const r = fromFileEntry(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.en.length).toBeGreaterThan(0);
  });

  it('rejects params that are not plain JSON', () => {
    expect(parseEntry({ type: 'registration.enter', value: () => 1 }).ok).toBe(false);
    expect(parseEntry({ type: 'registration.enter', value: Number.NaN }).ok).toBe(false);
  });

  it('builds a workflow entry with its params first, then type and at', () => {
    const r = parseEntry({ field: 'curp', type: 'registration.enter', at: 5, value: 'X' });
    expect(r).toEqual({ ok: true, entry: { field: 'curp', value: 'X', type: 'registration.enter', at: 5 } });
    if (r.ok) expect(Object.keys(r.entry)).toEqual(['field', 'value', 'type', 'at']);
  });

  it('refuses reserved keys in params, at the top or nested, without assigning them', () => {
    const top = parseEntry(JSON.parse('{"type":"registration.enter","__proto__":{"polluted":true}}'));
    expect(top.ok).toBe(false);
    expect(parseEntry({ type: 'registration.enter', value: JSON.parse('{"constructor":1}') }).ok).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('names the first bad entry of a file log', () => {
    const r = fromFileLog([{ choose: 'a' }, { wait: 5 }, { nope: 1 }, { choose: 'b' }]);
    expect(r).toMatchObject({ ok: false, index: 2 });
  });
});

describe('persisted logs', () => {
  it('round-trips through the schema', () => {
    const log = persistLog('caso', 3, 'practice', [{ type: 'choose', choice: 'a' }, { type: 'registration.save', at: 5 }]);
    expect(persistedLogSchema.parse(JSON.parse(JSON.stringify(log)))).toEqual(log);
  });

  it.each<[string, unknown]>([
    ['a newer version', { version: 2, scenarioId: 'c', seed: 1, mode: 'practice', entries: [] }],
    ['an unknown mode', { version: 1, scenarioId: 'c', seed: 1, mode: 'exam', entries: [] }],
    ['a bad entry', { version: 1, scenarioId: 'c', seed: 1, mode: 'practice', entries: [{ type: 'wait', seconds: -1 }] }],
    ['an unknown key', { version: 1, scenarioId: 'c', seed: 1, mode: 'practice', entries: [], extra: 1 }],
  ])('rejects %s', (_name, value) => {
    expect(persistedLogSchema.safeParse(value).success).toBe(false);
  });
});
