import { readFileSync } from 'node:fs';
import { workflows } from '../../machines/registry';
import { buildWorkflowGuide } from './guide';
import { fakeRegistry } from '../testing/loader-fixtures';

describe('buildWorkflowGuide', () => {
  it("lists each workflow's options, events with cost and params, and observations in both languages", () => {
    const md = buildWorkflowGuide(fakeRegistry);
    expect(md).toContain('## `registration` — Registro de prueba / Test registration');
    expect(md).toContain('- `requireConsent` (optional): boolean');
    expect(md).toContain('| `registration.enter` | 10 | Capturar un campo | Enter a field | `field`: "curp" \\| "name"; `value`: string |');
    expect(md).toContain('| `registration.saved` | Se guardó | Saved |');
  });

  it('says when no workflow is registered', () => {
    expect(buildWorkflowGuide({})).toContain('No workflows are registered yet');
  });

  it('matches the committed docs/workflows.md', () => {
    const committed = readFileSync(new URL('../../../docs/workflows.md', import.meta.url), 'utf8');
    expect(committed, 'docs/workflows.md is stale: run `npm run scenarios -- guide`').toBe(buildWorkflowGuide(workflows));
  });
});
