import { workflows } from './registry';
import { WORKFLOW_IDS } from './workflow';

describe('accept, the one boundary of every workflow', () => {
  it.each(WORKFLOW_IDS)('%s refuses what its event table does not describe, with its malformed problem', (id) => {
    const def = workflows[id];
    if (!def) throw new Error(`workflow ${id} is not registered`);
    const first = Object.keys(def.events)[0];
    for (const bad of [null, 'registration.save', {}, { type: 'nope' }, { type: 'toString' }, { type: first, unexpected: 1 }]) {
      const accepted = def.accept(bad);
      expect(accepted.ok, JSON.stringify(bad)).toBe(false);
      if (!accepted.ok) {
        expect(accepted.problem.code).toMatch(/\.malformed$/);
        expect(accepted.problem.message['es-MX']).not.toBe('');
        expect(accepted.problem.message.en).not.toBe('');
      }
    }
  });

  it('hands back the same event object when it fits, so the machine gets what was sent', () => {
    const event = { type: 'room-prep.dispose', item: 'blood-soaked-gauze', container: 'redBag' };
    const accepted = workflows['room-prep']?.accept(event);
    expect(accepted?.ok && accepted.event).toBe(event);
  });
});
