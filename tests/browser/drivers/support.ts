/**
 * What every driver shares: the context of one played case, the trainee's strings (es-MX, read
 * from the same i18n JSON the app ships), and the few gestures a trainee makes (press, type,
 * pick, check), each done with the mouse or, with `keyboard: true`, with focus and key presses only.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import type { PersonName } from '../../../src/domain/types';
import type { CaseData } from '../../../src/engine/run/case-data';
import type { LogEntry } from '../../../src/engine/format/log';
import type { RunView } from '../../../src/engine/run/run';
import type { ScenarioCase } from '../../../src/engine/format/scenario.schema';

/** Everything a driver needs to turn one log entry into UI gestures. */
export interface DriverContext {
  page: Page;
  /** Keyboard only: Tab/Enter/Space/arrows after focusing, never a click or a fill. */
  keyboard: boolean;
  /** The case's resolved data for the seed being played (generated people included). */
  data: CaseData;
  /** The case as prepared for the seed (choice texts, task steps). */
  scenario: ScenarioCase;
  /** The run's view before this entry, from a shadow run of the same case in Node. */
  view: RunView;
  /** The entries still to play after this one (a trainee plans ahead: opens what the next steps need). */
  upcoming: readonly LogEntry[];
}

/** The id of the person the current task is about (the step's `for`, else the patient), as the desk hands it to the tool. */
export function taskPersonId(ctx: DriverContext): string {
  const stepId = ctx.view.task?.stepId;
  return (stepId !== undefined ? ctx.scenario.steps[stepId]?.for : undefined) ?? 'patient';
}

/** A driver plays one log entry of its workflow through the UI. */
export type Driver = (ctx: DriverContext, entry: LogEntry) => Promise<void>;

type Strings = { [key: string]: string | Strings };
const read = (file: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../src/${file}`, import.meta.url)), 'utf8')) as Strings;
// The tools' strings live in their own namespace file under a top-level `tools` key: same dotted keys.
const STRINGS = { trainee: { ...read('features/trainee/strings/trainee.es-MX.json'), ...read('features/trainee/tools/strings/tools.es-MX.json') }, app: read('app/i18n/es-MX.json') };

/**
 * An es-MX string by dotted key (trainee namespace unless `ns` says 'app'), with {{vars}} filled;
 * throws on a missing key so a renamed label fails loudly.
 */
export function tr(key: string, vars: Record<string, string | number> = {}, ns: 'trainee' | 'app' = 'trainee'): string {
  let node: string | Strings | undefined = STRINGS[ns];
  const parts = key.split('.');
  for (const [i, part] of parts.entries()) {
    if (typeof node !== 'object') break;
    const plural: string | Strings | undefined =
      i === parts.length - 1 && typeof vars.count === 'number' ? node[`${part}_${vars.count === 1 ? 'one' : 'other'}`] : undefined;
    node = plural ?? node[part];
  }
  if (typeof node !== 'string') throw new Error(`No es-MX ${ns} string "${key}" in src/ (the features' strings/ folders, app/i18n/)`);
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars[name] ?? `{{${name}}}`));
}

/** True when the es-MX trainee strings have this key (tools still being written may lack theirs). */
export function hasString(key: string): boolean {
  try {
    tr(key);
    return true;
  } catch {
    return false;
  }
}

/** A person's name as the UI says it. */
export const spokenName = (name: PersonName): string => [name.given, name.first, name.second].filter(Boolean).join(' ');

/** A RegExp matching exactly this text (for names with a suffix or prefix we do not control). */
export const exactly = (text: string, suffix = ''): RegExp => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${suffix}`);

/** The single visible element of a locator, waited for (a missing control is the failure worth reporting). */
async function one(locator: Locator, what: string): Promise<Locator> {
  const first = locator.first();
  try {
    await first.waitFor({ state: 'visible', timeout: 10_000 });
  } catch {
    throw new Error(`No visible control for: ${what}`);
  }
  const count = await locator.count();
  if (count > 1) throw new Error(`Ambiguous control for: ${what} (${count} matches)`);
  return first;
}

/** Presses a button or follows a link: a click, or focus + Enter. */
export async function press(ctx: DriverContext, locator: Locator, what: string): Promise<void> {
  const target = await one(locator, what);
  if (ctx.keyboard) {
    await target.focus();
    await ctx.page.keyboard.press('Enter');
  } else {
    await target.click();
  }
}

/** Types a value into a text field and leaves it with Tab (the tools commit on blur). */
export async function type(ctx: DriverContext, locator: Locator, value: string, what: string, leave: 'Tab' | 'Enter' | 'none' = 'Tab'): Promise<void> {
  const target = await one(locator, what);
  if (ctx.keyboard) {
    await target.focus();
    await ctx.page.keyboard.press('Control+A');
    await ctx.page.keyboard.press('Delete');
    if (value !== '') await ctx.page.keyboard.type(value);
  } else {
    await target.fill(value);
  }
  if (leave !== 'none') await target.press(leave);
}

/** Picks an option of a select by its visible label (or value): selectOption, or focus + arrow keys. */
export async function pick(ctx: DriverContext, locator: Locator, option: { label: string } | { value: string }, what: string): Promise<void> {
  const target = await one(locator, what);
  if (!ctx.keyboard) {
    await target.selectOption(option);
    return;
  }
  const { current, wanted } = await target.evaluate((el, want) => {
    const select = el as HTMLSelectElement;
    const options = [...select.options];
    const index = options.findIndex((o) => ('label' in want ? o.label.trim() === want.label : o.value === want.value));
    return { current: select.selectedIndex, wanted: index };
  }, option);
  if (wanted < 0) throw new Error(`No option ${JSON.stringify(option)} in: ${what}`);
  // Type-to-select: typing the option's text jumps straight to it, so the select changes once
  // (arrows on a closed select change it at every option they pass, and some tools act on change).
  await target.focus();
  if (wanted !== current) await ctx.page.keyboard.type(await target.evaluate((el, i) => (el as HTMLSelectElement).options[i]?.label ?? '', wanted));
  // Options may come and go as the tool re-renders (a "choose…" option disappears), so check the option itself.
  const chosen = await target.evaluate((el) => {
    const o = (el as HTMLSelectElement).selectedOptions[0];
    return o ? { label: o.label.trim(), value: o.value } : null;
  });
  const ok = chosen !== null && ('label' in option ? chosen.label === option.label : chosen.value === option.value);
  if (!ok) throw new Error(`Typing left ${what} at ${JSON.stringify(chosen)}, wanted ${JSON.stringify(option)}`);
}

/** Checks a radio button or checkbox: a click, or focus + Space. */
export async function check(ctx: DriverContext, locator: Locator, what: string): Promise<void> {
  const target = await one(locator, what);
  if (await target.isChecked()) return;
  if (ctx.keyboard) {
    await target.focus();
    await ctx.page.keyboard.press('Space');
  } else {
    await target.check();
  }
}

/** The params of a workflow entry (everything beside `type` and `at`). */
export function params(entry: LogEntry): Record<string, unknown> {
  const { type: _type, at: _at, ...rest } = entry as Record<string, unknown>;
  return rest;
}

/** A string param, or a clear failure naming the entry. */
export function str(entry: LogEntry, key: string): string {
  const value = params(entry)[key];
  if (typeof value !== 'string') throw new Error(`${entry.type} needs a string "${key}": ${JSON.stringify(entry)}`);
  return value;
}
