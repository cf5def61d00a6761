/**
 * Puts a logged action into words for the debrief: the choice's text, a hint, a wait, or the
 * workflow event's description with its parameters.
 */
import type { Lang, LocalizedText } from '../../domain/text';
import type { LogEntry } from '../format/log';
import type { WorkflowRegistry } from '../../machines/registry';
import type { ScenarioCase } from '../format/scenario.schema';

/** Texts the description needs from the interface (already translated). */
export interface EntryWords {
  choose: (text: string) => string;
  hint: string;
  wait: (seconds: number) => string;
}

/** The text of a choice by id, from any step of the case. */
export function choiceText(scenario: ScenarioCase, choiceId: string): LocalizedText | undefined {
  for (const step of Object.values(scenario.steps)) {
    const found = step.choose?.find((c) => c.id === choiceId);
    if (found) return found.text;
  }
  return undefined;
}

const paramText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** One logged action, in words, in the given language. */
export function describeEntry(entry: LogEntry, scenario: ScenarioCase, workflows: WorkflowRegistry, lang: Lang, words: EntryWords): string {
  switch (entry.type) {
    case 'choose': {
      const id = (entry as { choice: string }).choice;
      return words.choose(choiceText(scenario, id)?.[lang] ?? id);
    }
    case 'hint':
      return words.hint;
    case 'wait':
      return words.wait((entry as { seconds: number }).seconds);
    default: {
      const { type, at: _at, ...params } = entry as { type: string; at?: number } & Record<string, unknown>;
      const spec = Object.values(workflows).find((w) => w && Object.hasOwn(w.events, type))?.events[type];
      const shown = Object.entries(params).map(([k, v]) => `${k}: ${paramText(v)}`).join(', ');
      const base = spec ? spec.description[lang] : type;
      return shown ? `${base} (${shown})` : base;
    }
  }
}
