import { Component, Suspense, memo, startTransition, useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'wouter';
import type { Lang, LocalizedText } from '../../domain/text';
import type { Person } from '../../domain/types';
import type { CaseData } from '../../engine/run/case-data';
import type { LogEntry } from '../../engine/format/log';
import type { RunView, ScoredItem, SendResult } from '../../engine/run/run';
import type { ClinicFile, Line, ScenarioCase } from '../../engine/format/scenario.schema';
import type { AttemptRecord } from '../../stores/attempt-record';
import { useAttemptsStore } from '../../stores/attempts-store';
import { useLibraryStore } from '../../stores/library-store';
import { DocumentCard, spokenName } from '../../ui/document-card';
import { ErrorMessage } from '../../ui/error-message';
import { RichText } from '../../ui/rich-text';
import { RouteLoading } from '../../ui/route-loading';
import { TabGuard } from '../../ui/tab-guard';
import { UpdateBar } from '../../ui/update-bar';
import { useDocumentTitle } from '../../ui/use-document-title';
import { downloadAttempt, startAttempt } from './attempt-actions';
import { StorageNotice } from './storage-notice';
import { toolRegistry } from './tools/tool-registry';
import type { ToolEvent, ToolSnapshot } from './tools/tool-props';
import { useAttemptRun } from './use-attempt-run';
import { useCachedT } from '../../ui/use-cached-t';
import { useLang } from './use-lang';
import { useQuietState } from '../../ui/use-quiet-state';

/** The desk: one attempt's run, resumed from its stored log. */
export function DeskPage() {
  const { attemptId = '' } = useParams();
  // The tools' strings load with the desk, not with the first task (which would wait for them).
  const { t } = useTranslation(['trainee', 'tools']);
  const lang = useLang();
  const attempt = useAttemptsStore((s) => s.attempts[attemptId]);
  const save = useAttemptsStore((s) => s.save);
  const scenario = useLibraryStore((s) => (attempt ? s.loaded.cases.get(attempt.caseId) : undefined));
  const clinic = useLibraryStore((s) => (scenario ? s.loaded.clinics.get(scenario.clinic) : undefined));
  const title = scenario?.title[lang];
  useDocumentTitle(useMemo(() => (title === undefined ? t('desk.notFound') : t('desk.title', { title })), [t, title]));

  if (!attempt || !scenario) {
    return (
      <ErrorMessage
        heading={t('desk.notFound')}
        body={attempt ? t('desk.caseMissing') : t('desk.notFoundBody')}
        actions={
          <Link to="/library" className="button button--primary">
            {t('common.backToLibrary')}
          </Link>
        }
      />
    );
  }
  return <AttemptDesk attempt={attempt} scenario={scenario} clinic={clinic} save={save} lang={lang} t={t} />;
}

/** Props of AttemptDesk: what DeskPage looked up. */
interface AttemptDeskProps {
  attempt: AttemptRecord;
  scenario: ScenarioCase;
  clinic: ClinicFile | undefined;
  save: (record: AttemptRecord) => unknown;
  lang: Lang;
  t: TFunction<['trainee', 'tools']>;
}

/**
 * The attempt's run on the desk. A component of its own so that an action redraws from here down,
 * without the page's lookups (address, strings, stores, title) running again.
 */
function AttemptDesk({ attempt, scenario, clinic, save, lang, t }: AttemptDeskProps) {
  const run = useAttemptRun(attempt, scenario, clinic, (r) => void save(r));
  if (run.state === 'loading') return <RouteLoading label={t('common.loading')} />;
  if (run.state === 'failed') {
    return (
      <ErrorMessage
        heading={t('desk.unplayable')}
        body={t('desk.unplayableBody', { reason: run.reason[lang] })}
        actions={
          <>
            <StartOverButton caseId={scenario.id} mode={attempt.log.mode} label={t('desk.startOver')} />
            <button type="button" className="button" onClick={() => downloadAttempt(attempt)}>
              {t('common.export')}
            </button>
          </>
        }
      />
    );
  }
  return (
    <TabGuard claim={run.claim} text={{ elsewhere: t('tabs.elsewhere'), takeOver: t('tabs.takeOver'), taking: t('tabs.taking') }}>
      <DeskView scenario={scenario} attemptId={attempt.id} view={run.view} data={run.data} send={run.send} lang={lang} root={run.root} />
    </TabGuard>
  );
}

/**
 * Starts a new attempt of the case and goes to its desk. A component of its own so that the desk,
 * which redraws after every action, does not also follow the address.
 */
function StartOverButton({ caseId, mode, label }: { caseId: string; mode: AttemptRecord['log']['mode']; label: string }) {
  const [, navigate] = useLocation();
  return (
    <button type="button" className="button button--primary" onClick={() => navigate(`/desk/${startAttempt(caseId, mode)}`)}>
      {label}
    </button>
  );
}

/** The trainee strings' t(). */
type TraineeT = TFunction<'trainee'>;

/** The trainee strings' t(), cached (see useCachedT). */
function useTraineeT(): TraineeT {
  return useCachedT(useTranslation('trainee'));
}

/**
 * False on the first render for `key`, true from a render React does after that frame is painted.
 * Heavy parts that appear with a new patient or a new task (the document cards, the tool's form) are
 * drawn there: the action's own frame shows its result at once (the step, the words, the choices), and
 * the cards and the form follow a frame later instead of holding that frame back.
 */
function useDrawnAfterPaint(key: string): boolean {
  const [drawn, setDrawn] = useState<string | null>(null);
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

  const speakers = useMemo(() => [...new Set(view.lines.map((l) => l.who).filter((w) => w !== 'narrator'))], [view.lines]);
  const taskPersonId = view.task ? (scenario.steps[view.task.stepId]?.for ?? 'patient') : 'patient';
  const presentKey = (speakers.length > 0 ? speakers : [taskPersonId]).join('|');
  const present = useMemo(() => presentKey.split('|').flatMap((id) => data.people[id] ?? []), [presentKey, data]);
  const feedback = view.feedback;
  const newestFeedback = useMemo(() => feedback.filter((f) => f.actionIndex === view.actions - 1), [feedback, view.actions]);
  const toolKey = view.task ? `${view.task.stepId}:${attemptId}` : '';
  const toolDrawn = useDrawnAfterPaint(toolKey);
  const documentsDrawn = useDrawnAfterPaint(`${presentKey}:${attemptId}`);

  return (
    <article className="desk" ref={root}>
      <UpdateBar />
      <DeskHeader title={scenario.title[lang]} mode={view.mode} clock={view.clock.text} actions={view.actions} embedded={embedded} t={t} />
      <StorageNotice attemptId={attemptId} />
      <NewPersonAnnouncer names={present.map((p) => spokenName(p.name)).join('|')} t={t} />

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

/**
 * A new step (or the end) moves focus to the step heading, so keyboard and screen-reader users start
 * there. Focus moves before React changes the DOM (getSnapshotBeforeUpdate has no hook equivalent):
 * the control that was clicked is often removed, and removing the focused node makes Chromium
 * recompute style and layout halfway through the update and fire blur events. Focusing without
 * scrolling needs no layout; the heading is scrolled into view only when it was out of sight (an
 * IntersectionObserver keeps count without forcing a layout on the action's frame). The first step
 * is left alone.
 */
class StepFocus extends Component<{ stepKey: string; target: RefObject<HTMLElement | null> }> {
  private visible = true;
  private observer: IntersectionObserver | null = null;

  override componentDidMount(): void {
    const target = this.props.target.current;
    if (!target || typeof IntersectionObserver !== 'function') return;
    this.observer = new IntersectionObserver((entries) => {
      for (const entry of entries) this.visible = entry.isIntersecting;
    });
    this.observer.observe(target);
  }

  override componentWillUnmount(): void {
    this.observer?.disconnect();
  }

  override getSnapshotBeforeUpdate(previous: Readonly<{ stepKey: string }>): boolean {
    if (previous.stepKey === this.props.stepKey) return false;
    this.props.target.current?.focus({ preventScroll: true });
    return true;
  }

  override componentDidUpdate(_props: unknown, _state: unknown, moved: boolean): void {
    if (moved && !this.visible) this.props.target.current?.scrollIntoView?.({ block: 'nearest' });
  }

  override render(): null {
    return null;
  }
}

/** Title, mode, simulated clock and action count. */
const DeskHeader = memo(function DeskHeader({ title, mode, clock, actions, embedded, t }: { title: string; mode: RunView['mode']; clock: string; actions: number; embedded: boolean; t: TraineeT }) {
  return (
    <header className="desk__header">
      {embedded ? <h3>{title}</h3> : <h1>{title}</h1>}
      <p className="desk__meta">
        <span className={`mode-badge mode-badge--${mode}`}>
          {t('desk.modeLabel')}: {t(`common.${mode}`)}
        </span>
        {!embedded && (
          <span role="timer" aria-live="polite" aria-atomic="true" className="desk__clock">
            {t('desk.clock')}: <strong>{clock}</strong>
          </span>
        )}
        <span className="desk__actions">{t('desk.progress', { actions })}</span>
      </p>
    </header>
  );
});

/** The people at the desk, each with the mood of their latest line. */
const PeopleAtDesk = memo(function PeopleAtDesk({ people, lines, t }: { people: Person[]; lines: Line[]; t: TraineeT }) {
  return (
    <ul className="people">
      {people.map((person) => {
        const mood = lines.findLast((l) => l.who === person.id && l.mood)?.mood ?? person.mood;
        return (
          <li key={person.id} className="person">
            <span className="person__avatar" aria-hidden="true">
              {person.name.given.charAt(0)}
              {person.name.first.charAt(0)}
            </span>
            <span className="person__name">{spokenName(person.name)}</span>
            {mood && <span className={`mood mood--${mood}`}>{t('desk.mood', { mood: t(`mood.${mood}`) })}</span>}
          </li>
        );
      })}
    </ul>
  );
});

/** What has been said at the current step. */
const Dialogue = memo(function Dialogue({ lines, people, lang, t }: { lines: Line[]; people: Record<string, Person>; lang: Lang; t: TraineeT }) {
  return (
    <ol className="dialogue" aria-label={t('desk.atDesk')}>
      {lines.map((line, i) => {
        const person = people[line.who];
        const who = person ? spokenName(person.name) : t('desk.narrator');
        return (
          <li key={i} className={`line ${line.who === 'narrator' ? 'line--narrator' : 'line--person'}`}>
            <span className="line__who">{who}</span>
            {line.mood && <span className="line__mood"> ({t(`mood.${line.mood}`)})</span>}
            <span className="visually-hidden">: </span>
            <p className="line__text">
              <RichText text={line[lang]} />
            </p>
          </li>
        );
      })}
    </ol>
  );
});

/** Feedback on the latest action (practice), in a status region so it is announced. */
const FeedbackRegion = memo(function FeedbackRegion({ items, lang, t }: { items: ScoredItem[]; lang: Lang; t: TraineeT }) {
  return (
    <div role="status" className="feedback-region">
      {items.length > 0 && (
        <div className="feedback">
          <h3>{t('desk.feedbackHeading')}</h3>
          <ul>
            {items.map((f) => (
              <li key={`${f.kind}:${f.id}:${f.actionIndex}`} className={f.passed ? 'feedback__item feedback__item--good' : 'feedback__item feedback__item--bad'}>
                <strong>{f.passed ? t('desk.feedbackGood') : t('desk.feedbackBad')}</strong>
                {f.critical && !f.passed && <span className="feedback__critical"> — {t('desk.critical')}</span>}
                {': '}
                {f.feedback && <RichText text={f.feedback[lang]} />}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
});

/** The answers offered at a dialogue step. */
const Choices = memo(function Choices({ choices, lang, act }: { choices: RunView['choices']; lang: Lang; act: (entry: LogEntry) => SendResult }) {
  return (
    <div role="group" aria-labelledby="step-heading" className="choices">
      {choices.map((c) => (
        <button key={c.id} type="button" className="choice" onClick={() => act({ type: 'choose', choice: c.id })}>
          <RichText text={c.text[lang]} />
        </button>
      ))}
    </div>
  );
});

const DocumentsHandedOver = memo(function DocumentsHandedOver({ people, lang, empty }: { people: Person[]; lang: Lang; empty: string }) {
  const docs = people.flatMap((p) => p.documents.map((doc, i) => ({ doc, holder: p, key: `${p.id}:${i}` })));
  if (docs.length === 0) return <p>{empty}</p>;
  return (
    <div className="documents">
      {docs.map(({ doc, holder, key }) => (
        <DocumentCard key={key} doc={doc} holder={holder} lang={lang} />
      ))}
    </div>
  );
});

/** Announces people who arrive at the desk (a polite live region, silent for the ones already there); `names` is joined by "|". */
function NewPersonAnnouncer({ names, t }: { names: string; t: TraineeT }) {
  const seen = useRef<Set<string> | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    const list = names === '' ? [] : names.split('|');
    if (seen.current === null) {
      seen.current = new Set(list);
      return;
    }
    const arrived = list.filter((n) => !seen.current?.has(n));
    arrived.forEach((n) => seen.current?.add(n));
    if (arrived.length > 0) setMessage(arrived.map((name) => t('desk.newPerson', { name })).join(' '));
  }, [names, t]);
  return (
    <p className="visually-hidden" aria-live="polite">
      {message}
    </p>
  );
}

const ToolSlot = memo(function ToolSlot(props: {
  workflowId: string;
  snapshot: unknown;
  send: (event: ToolEvent) => SendResult;
  lang: Lang;
  patient: Person | undefined;
  data: CaseData;
  now: string;
  practice: boolean;
  loading: string;
}) {
  const raw = props.snapshot as { value?: unknown; context?: unknown; status?: unknown } | undefined;
  const snapshot = useMemo<ToolSnapshot>(
    () => ({ value: raw?.value, context: raw?.context, status: typeof raw?.status === 'string' ? raw.status : 'active' }),
    [raw],
  );
  const Tool = Object.hasOwn(toolRegistry, props.workflowId) ? toolRegistry[props.workflowId] : undefined;
  if (!Tool || !props.patient) return null;
  return (
    <div className="tool">
      <Suspense fallback={<RouteLoading label={props.loading} />}>
        <Tool
          snapshot={snapshot}
          send={props.send}
          lang={props.lang}
          patient={props.patient}
          people={props.data.people}
          clinic={props.data.clinic}
          today={props.data.today}
          now={props.now}
          practice={props.practice}
        />
      </Suspense>
    </div>
  );
});
