/**
 * Test harness shared by the four tools' component tests: a real workflow actor, a `send` that
 * validates params the way the run does (and can refuse like a finished run), and the tool rendered
 * with the app's real i18n, re-rendering on every snapshot. Test-only: imported by *.test.tsx.
 */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useState, type ComponentType } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createActor } from 'xstate';
// Tool tests render with the app's real i18n and strings, which live in src/app.
import { createTestI18n } from '../../../test-i18n';
import type { Lang, LocalizedText } from '../../../domain/text';
import type { WorkflowCase, WorkflowDefinition } from '../../../machines/workflow';
import type { WorkflowId } from '../../../machines/workflow';
import type { DeskToolProps, SendResult, ToolContext, ToolEvent, ToolProps } from './tool-props';

export interface RenderToolOptions {
  lang?: Lang;
  /** Makes the run refuse an event, as the engine does for a finished case. */
  refuse?: (e: ToolEvent) => LocalizedText | null;
}

/** Renders `Tool` over a live actor of `workflow` started with the case `c`. */
export function renderTool<W extends WorkflowId>(
  ToolOf: ComponentType<ToolProps<W>>,
  workflow: Pick<WorkflowDefinition, 'machine' | 'accept'> & { input: (c: never) => unknown },
  c: WorkflowCase<unknown>,
  { lang = 'es-MX', refuse }: RenderToolOptions = {},
) {
  // The desk's side of the contract: an untyped snapshot, as the registry hands it (tool-registry.ts).
  const Tool = ToolOf as unknown as ComponentType<DeskToolProps>;
  const actor = createActor(workflow.machine, { input: workflow.input(c as never) }).start();
  const sent: ToolEvent[] = [];
  const send = (event: ToolEvent): SendResult => {
    const refusal = refuse?.(event);
    if (refusal) return { ok: false, reason: refusal };
    const accepted = workflow.accept(event);
    if (!accepted.ok) return { ok: false, reason: { 'es-MX': 'Parámetros no válidos', en: 'Invalid parameters' } };
    sent.push(event);
    actor.send(accepted.event as never);
    return { ok: true };
  };
  function Harness() {
    const [snap, setSnap] = useState(actor.getSnapshot());
    useEffect(() => {
      const sub = actor.subscribe(setSnap);
      return () => sub.unsubscribe();
    }, []);
    return (
      <Tool
        snapshot={{ value: snap.value, context: snap.context, status: snap.status }}
        send={send}
        lang={lang}
        patient={c.patient}
        people={c.people}
        clinic={c.clinic}
        today={c.today}
        now={c.now}
        practice
      />
    );
  }
  const user = userEvent.setup({ delay: null });
  render(
    <I18nextProvider i18n={createTestI18n(lang)}>
      <Harness />
    </I18nextProvider>,
  );
  const context = () => actor.getSnapshot().context as ToolContext<W>;
  return { user, actor, sent, context };
}
