import { memo, startTransition, useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { Link } from 'wouter';
import type { Lang, LocalizedText } from '../../../domain/text';
import type { CaseData } from '../../../engine/run/case-data';
import type { LogEntry } from '../../../engine/format/log';
import type { RunView, SendResult } from '../../../engine/run/run';
import type { ScenarioCase } from '../../../engine/format/scenario.schema';
import { RichText } from '../../../ui/rich-text';
import { UpdateBar } from '../../../ui/update-bar';
import { useQuietState } from '../../../ui/use-quiet-state';
import { StorageNotice } from '../storage-notice';
import type { ToolEvent } from '../tools/tool-props';
import { Choices, Dialogue, FeedbackRegion } from './desk-dialogue';
import { DeskHeader, StepFocus } from './desk-header';
import { DocumentsHandedOver, NewPersonAnnouncer, PeopleAtDesk } from './desk-people';
import { ToolSlot } from './tool-slot';
import { useTraineeT } from './trainee-t';

/**
 * False on the first render for `key` (compared with Object.is), true from a render React does after that frame is painted.
 * Heavy parts that appear with a new patient or a new task (the document cards, the tool's form) are
 * drawn there: the action's own frame shows its result at once (the step, the words, the choices), and
 * the cards and the form follow a frame later instead of holding that frame back.
 */
function useDrawnAfterPaint(key: unknown): boolean {
  const [drawn, setDrawn] = useState<unknown>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setDrawn(key)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [key]);
  return drawn === key;
}

/** Props of DeskView: a ready run. */
export interface DeskViewProps {
  scenario: ScenarioCase;
  /** The attempt's id (the desk does not redraw for each saved copy of the record). */
  attemptId: string;
  view: RunView;
  data: CaseData;
  /** The run store's dispatch for this attempt: one function for the run's life. */
  send: (entry: LogEntry) => SendResult;
  lang: Lang;
  /** Shown inside the shift desk: the title is a sub-heading and the shift's clock is the only clock. */
  embedded?: boolean;
  /** Set to the desk's root element, which the run marks busy from an action until its result is drawn (ui/update-mark.ts). */
  root?: RefObject<HTMLElement | null>;
}

/** Who is at the desk and what they say, the documents, the clock, and the current step's choices or tool. */
export const DeskView = memo(function DeskView({ scenario, attemptId, view, data, send, lang, embedded = false, root }: DeskViewProps) {
  const t = useTraineeT();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [rejected, setRejected] = useQuietState<LocalizedText | null>(null);
  const practice = view.mode === 'practice';
  const stepKey = `${view.stepId}|${view.task?.stepId ?? ''}|${view.status}`;

  // `send` is the run store's, one function for the run's life: the memoised parts below (and the tool) keep theirs.
  const act = useCallback(
    (entry: LogEntry): SendResult => {
      const result = send(entry);
      setRejected(result.ok ? null : result.reason);
      return result;
    },
    [send, setRejected],
  );
  const sendTool = useCallback((event: ToolEvent) => act(event as LogEntry), [act]);

  const taskPersonId = view.task ? (scenario.steps[view.task.stepId]?.for ?? 'patient') : 'patient';
  // `view.present` is the same array while the same people are at the desk (engine/run/desk-presence.ts).
  const present = useMemo(() => view.present.flatMap((id) => data.people[id] ?? []), [view.present, data]);
  const feedback = view.feedback;
  const newestFeedback = useMemo(() => feedback.filter((f) => f.actionIndex === view.actions - 1), [feedback, view.actions]);
  const toolKey = view.task ? `${view.task.stepId}:${attemptId}` : '';
  const toolDrawn = useDrawnAfterPaint(toolKey);
  // A new run (another attempt) brings a new array, so the run's own list is the key.
  const documentsDrawn = useDrawnAfterPaint(view.present);

  return (
    <article className="desk" ref={root}>
      <UpdateBar />
      <DeskHeader title={scenario.title[lang]} mode={view.mode} clock={view.clock.text} actions={view.actions} embedded={embedded} t={t} />
      <StorageNotice attemptId={attemptId} />
      <NewPersonAnnouncer people={present} t={t} />

      <div className="desk__grid">
        <section className="desk__counter" aria-labelledby="at-desk-heading">
          <h2 id="at-desk-heading">{t('desk.atDesk')}</h2>
          <PeopleAtDesk people={present} lines={view.lines} t={t} />
          <Dialogue lines={view.lines} people={data.people} lang={lang} t={t} />
          <section aria-labelledby="documents-heading">
            <h3 id="documents-heading">{t('desk.documents')}</h3>
            {documentsDrawn ? <DocumentsHandedOver people={present} lang={lang} empty={t('desk.noDocuments')} /> : <div className="documents" aria-busy="true" />}
          </section>
        </section>

        <section className="desk__work" aria-labelledby="step-heading">
          <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
            {view.status === 'finished'
              ? t('desk.finishedHeading')
              : view.task
                ? t('desk.taskHeading', { workflow: t(`workflow.${view.task.workflowId}` as 'workflow.registration') })
                : t('desk.chooseHeading')}
          </h2>
          {/* After the heading: its ref is set when StepFocus mounts. */}
          <StepFocus stepKey={stepKey} target={headingRef} />

          {practice && <FeedbackRegion items={newestFeedback} lang={lang} t={t} />}
          {rejected && (
            <p role="alert" className="notice notice--error">
              {t('desk.rejected', { reason: rejected[lang] })}
            </p>
          )}

          {view.status === 'finished' && view.end && (
            <div className="desk__end">
              <p>
                <RichText text={view.end.text[lang]} />
              </p>
              <Link className="button button--primary" to={`/debrief/${attemptId}`}>
                {t('desk.seeDebrief')}
              </Link>
            </div>
          )}

          {view.choices.length > 0 && <Choices choices={view.choices} lang={lang} act={act} />}

          {view.task &&
            view.status === 'playing' &&
            (toolDrawn ? (
              <ToolSlot
                key={toolKey}
                workflowId={view.task.workflowId}
                snapshot={view.task.snapshot}
                send={sendTool}
                lang={lang}
                patient={data.people[taskPersonId]}
                data={data}
                now={view.clock.text}
                practice={practice}
                loading={t('desk.toolLoading')}
              />
            ) : (
              <div className="tool" aria-busy="true" />
            ))}

          {practice && view.status === 'playing' && (view.hint.available || view.hint.text) && (
            <div className="hint">
              {view.hint.text ? (
                <p role="status">
                  <strong>{t('desk.hintLabel')}: </strong>
                  <RichText text={view.hint.text[lang]} />
                </p>
              ) : (
                <>
                  <button type="button" className="button" onClick={() => act({ type: 'hint' })}>
                    {t('desk.hint')}
                  </button>
                  <span className="field__hint"> {t('desk.hintRecorded')}</span>
                </>
              )}
            </div>
          )}
        </section>
      </div>
    </article>
  );
});
