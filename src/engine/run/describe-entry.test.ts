import { fakeCase, fakeWorkflows } from '../testing/run-fixtures';
import { describeEntry } from './describe-entry';

const words = { choose: (t: string) => `chose «${t}»`, hint: 'hint', wait: (s: number) => `waited ${s}` };

describe('describeEntry', () => {
  it('names the choice by its text in the language asked for', () => {
    expect(describeEntry({ type: 'choose', choice: 'formal' }, fakeCase(), fakeWorkflows, 'en', words)).toBe('chose «Good morning, madam.»');
    expect(describeEntry({ type: 'choose', choice: 'formal' }, fakeCase(), fakeWorkflows, 'es-MX', words)).toBe('chose «Buenos días, señora.»');
  });

  it('describes workflow events with their parameters', () => {
    expect(describeEntry({ type: 'form.fill', field: 'name', value: 'Gloria' }, fakeCase(), fakeWorkflows, 'en', words)).toBe('Fill a field (field: name, value: Gloria)');
    expect(describeEntry({ type: 'wait', seconds: 60 }, fakeCase(), fakeWorkflows, 'en', words)).toBe('waited 60');
  });
});
