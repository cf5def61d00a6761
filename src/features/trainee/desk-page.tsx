import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Lang, LocalizedText } from '../../domain/text';
import type { Person } from '../../domain/types';
import type { CaseData } from '../../engine/case-data';
import type { LogEntry } from '../../engine/log';
import type { RunView, SendResult } from '../../engine/run';
import type { ScenarioCase } from '../../engine/scenario.schema';
import type { AttemptRecord } from '../../stores/attempt-record';
import { useAttemptsStore } from '../../stores/attempts-store';
import { useLibraryStore } from '../../stores/library-store';
import { DocumentCard, spokenName } from '../../ui/document-card';
import { ErrorMessage } from '../../ui/error-message';
import { RichText } from '../../ui/rich-text';
import { RouteLoading } from '../../ui/route-loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { downloadAttempt, startAttempt } from './attempt-actions';
import { StorageNotice } from './storage-notice';
import { toolRegistry } from './tools/tool-registry';
import type { ToolEvent, ToolSnapshot } from './tools/tool-props';
import { useAttemptRun } from './use-attempt-run';
import { useLang } from './use-lang';

/** The desk: one attempt's run, resumed from its stored log. */
export function DeskPage() {
  const { attemptId = '' } = useParams();
  const { t } = useTranslation('trainee');
  const lang = useLang();
  const navigate = useNavigate();
  const attempt = useAttemptsStore((s) => s.attempts[attemptId]);
  const save = useAttemptsStore((s) => s.save);
  const scenario = useLibraryStore((s) => (attempt ? s.cases.find((c) => c.id === attempt.caseId) : undefined));
  const clinic = useLibraryStore((s) => (scenario ? s.clinics[scenario.clinic] : undefined));
  const run = useAttemptRun(attempt, scenario, clinic, (r) => void save(r));
  useDocumentTitle(scenario ? t('desk.title', { title: scenario.title[lang] }) : t('desk.notFound'));

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
  if (run.state === 'loading') return <RouteLoading label={t('common.loading')} />;
  if (run.state === 'failed') {
    return (
      <ErrorMessage
        heading={t('desk.unplayable')}
        body={t('desk.unplayableBody', { reason: run.reason[lang] })}
        actions={
          <>
            <button type="button" className="button button--primary" onClick={() => void navigate(`/desk/${startAttempt(scenario.id, attempt.log.mode)}`)}>
              {t('desk.startOver')}
            </button>
            <button type="button" className="button" onClick={() => downloadAttempt(attempt)}>
              {t('common.export')}
            </button>
          </>
        }
      />
    );
  }
  return <DeskView scenario={scenario} attempt={attempt} view={run.view} data={run.data} send={run.send} lang={lang} />;
}

/** Props of DeskView: a ready run. */
export interface DeskViewProps {
  scenario: ScenarioCase;
  attempt: AttemptRecord;
  view: RunView;
  data: CaseData;
  send: (entry: LogEntry) => SendResult;
  lang: Lang;
  /** Shown inside the shift desk: the title is a sub-heading and the shift's clock is the only clock. */
  embedded?: boolean;
}

/** Who is at the desk and what they say, the documents, the clock, and the current step's choices or tool. */
export function DeskView({ scenario, attempt, view, data, send, lang, embedded = false }: DeskViewProps) {
  const { t } = useTranslation('trainee');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [rejected, setRejected] = useState<LocalizedText | null>(null);
  const practice = view.mode === 'practice';
  const stepKey = `${view.stepId}|${view.task?.stepId ?? ''}|${view.status}`;
  const firstStep = useRef(stepKey);

  // A new step (or the end) moves focus to its heading, so keyboard and screen-reader users start there.
  useEffect(() => {
    if (firstStep.current === stepKey) return;
    firstStep.current = '';
    headingRef.current?.focus();
  }, [stepKey]);

  const act = (entry: LogEntry): SendResult => {
    const result = send(entry);
    setRejected(result.ok ? null : result.reason);
    return result;
  };

  const speakers = [...new Set(view.lines.map((l) => l.who).filter((w) => w !== 'narrator'))];
  const taskPersonId = view.task ? (scenario.steps[view.task.stepId]?.for ?? 'patient') : 'patient';
  const present = speakers.length > 0 ? speakers : [taskPersonId];
  const newestFeedback = view.feedback.filter((f) => f.actionIndex === view.actions - 1);

  return (
    <article className="desk">
      <header className="desk__header">
        {embedded ? <h3>{scenario.title[lang]}</h3> : <h1>{scenario.title[lang]}</h1>}
        <p className="desk__meta">
          <span className={`mode-badge mode-badge--${view.mode}`}>
            {t('desk.modeLabel')}: {t(`common.${view.mode}`)}
          </span>
          {!embedded && (
            <span role="timer" aria-live="polite" aria-atomic="true" className="desk__clock">
              {t('desk.clock')}: <strong>{view.clock.text}</strong>
            </span>
          )}
          <span className="desk__actions">{t('desk.progress', { actions: view.actions })}</span>
        </p>
      </header>
      <StorageNotice attempt={attempt} />
      <NewPersonAnnouncer names={present.map((id) => data.people[id]).filter((p): p is Person => !!p).map((p) => spokenName(p.name))} />

      <div className="desk__grid">
        <section className="desk__counter" aria-labelledby="at-desk-heading">
          <h2 id="at-desk-heading">{t('desk.atDesk')}</h2>
          <ul className="people">
            {present.map((id) => {
              const person = data.people[id];
              if (!person) return null;
              const mood = [...view.lines].reverse().find((l) => l.who === id && l.mood)?.mood ?? person.mood;
              return (
                <li key={id} className="person">
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
          <ol className="dialogue" aria-label={t('desk.atDesk')}>
            {view.lines.map((line, i) => {
              const person = data.people[line.who];
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
          <section aria-labelledby="documents-heading">
            <h3 id="documents-heading">{t('desk.documents')}</h3>
            <DocumentsHandedOver people={present.map((id) => data.people[id]).filter((p): p is Person => !!p)} lang={lang} empty={t('desk.noDocuments')} />
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

          {practice && (
            <div role="status" className="feedback-region">
              {newestFeedback.length > 0 && (
                <div className="feedback">
                  <h3>{t('desk.feedbackHeading')}</h3>
                  <ul>
                    {newestFeedback.map((f) => (
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
          )}
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
              <Link className="button button--primary" to={`/debrief/${attempt.id}`}>
                {t('desk.seeDebrief')}
              </Link>
            </div>
          )}

          {view.choices.length > 0 && (
            <div role="group" aria-labelledby="step-heading" className="choices">
              {view.choices.map((c) => (
                <button key={c.id} type="button" className="choice" onClick={() => act({ type: 'choose', choice: c.id })}>
                  <RichText text={c.text[lang]} />
                </button>
              ))}
            </div>
          )}

          {view.task && view.status === 'playing' && (
            <ToolSlot
              key={`${view.task.stepId}:${attempt.id}`}
              workflowId={view.task.workflowId}
              snapshot={view.task.snapshot}
              send={(event) => act(event as LogEntry)}
              lang={lang}
              patient={data.people[taskPersonId]}
              data={data}
              now={view.clock.text}
              practice={practice}
              loading={t('desk.toolLoading')}
            />
          )}

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
}

function DocumentsHandedOver({ people, lang, empty }: { people: Person[]; lang: Lang; empty: string }) {
  const docs = people.flatMap((p) => p.documents.map((doc, i) => ({ doc, holder: p, key: `${p.id}:${i}` })));
  if (docs.length === 0) return <p>{empty}</p>;
  return (
    <div className="documents">
      {docs.map(({ doc, holder, key }) => (
        <DocumentCard key={key} doc={doc} holder={holder} lang={lang} />
      ))}
    </div>
  );
}

/** Announces people who arrive at the desk (a polite live region, silent for the ones already there). */
function NewPersonAnnouncer({ names }: { names: string[] }) {
  const { t } = useTranslation('trainee');
  const seen = useRef<Set<string> | null>(null);
  const [message, setMessage] = useState('');
  const key = names.join('|');
  useEffect(() => {
    const list = key === '' ? [] : key.split('|');
    if (seen.current === null) {
      seen.current = new Set(list);
      return;
    }
    const arrived = list.filter((n) => !seen.current?.has(n));
    arrived.forEach((n) => seen.current?.add(n));
    if (arrived.length > 0) setMessage(arrived.map((name) => t('desk.newPerson', { name })).join(' '));
  }, [key, t]);
  return (
    <p className="visually-hidden" aria-live="polite">
      {message}
    </p>
  );
}

function ToolSlot(props: {
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
  const Tool = Object.hasOwn(toolRegistry, props.workflowId) ? toolRegistry[props.workflowId] : undefined;
  if (!Tool || !props.patient) return null;
  const raw = (props.snapshot ?? {}) as { value?: unknown; context?: unknown; status?: unknown };
  const snapshot: ToolSnapshot = { value: raw.value, context: raw.context, status: typeof raw.status === 'string' ? raw.status : 'active' };
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
}
