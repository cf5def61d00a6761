import { createActor } from 'xstate';
import { workflows } from './registry';
import { gloria, makeCase } from './test-fixtures';
import { WORKFLOW_IDS } from './workflow';

/**
 * XState's `assign` copies the context with `Object.assign({}, context, update)`. V8 turns an
 * object built that way into a slow dictionary once it has more than 19 properties (measured on
 * Node 20: every later copy and property read gets several times slower, and replays with it).
 * Keeping each workflow's context at 16 top-level keys or fewer leaves room to grow.
 */
export const MAX_CONTEXT_KEYS = 16;

describe('workflow contexts stay small enough for fast property access', () => {
  it.each(WORKFLOW_IDS)('%s has at most 16 top-level context keys', (id) => {
    const def = workflows[id];
    if (!def) throw new Error(`workflow ${id} is not registered`);
    const options = def.options.parse({});
    const actor = createActor(def.machine, { input: def.input(makeCase(gloria(), options)) }).start();
    const keys = Object.keys(actor.getSnapshot().context as object);
    actor.stop();
    expect(keys.length, keys.join(', ')).toBeLessThanOrEqual(MAX_CONTEXT_KEYS);
  });
});
