import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'wouter';
import type { Lang } from '../../domain/text';
import type { PreparedCase } from '../../engine/run/case-data';
import type { LogEntry } from '../../engine/format/log';
import { replay } from '../../engine/run/replay';
import { createRun, type RunView } from '../../engine/run/run';
import { CATEGORIES, type ScenarioCase } from '../../engine/format/scenario.schema';
import type { RunResult } from '../../engine/run/score';
import { prepareCase } from '../../engine/run/variants';
import { workflows as registry } from '../../machines/registry';
import type { AttemptRecord } from '../../stores/attempt-record';
import { useAttemptsStore } from '../../stores/attempts-store';
import { useLibraryStore } from '../../stores/library-store';
import { ErrorMessage } from '../../ui/error-message';
import { ReplayLines, ReplayStepper } from '../../ui/replay-stepper';
import { RichText } from '../../ui/rich-text';
import { RouteLoading } from '../../ui/route-loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { downloadAttempt, startAttempt } from './attempt-actions';
import { describeEntry, type EntryWords } from '../../engine/run/describe-entry';
import { useLang } from './use-lang';

/** One point of the attempt: the view after `index + 1` actions (index -1: the start). */
interface Moment {
  index: number;
  clock: string;
  view: RunView;
}

/** What the debrief computes from the log once: the result and the run's views after each action. */
export interface Analysis {
  prepared: PreparedCase;
  entries: LogEntry[];
  result: RunResult;
  moments: Moment[];
}

/** Replays a stored attempt action by action (the log is the truth: the debrief shows exactly what the desk saw). */
export function analyse(prepared: PreparedCase, attempt: AttemptRecord): Analysis {
  const entries = attempt.log.entries as LogEntry[];
  const run = createRun(prepared, { mode: attempt.log.mode });
  try {
    const start = run.snapshot();
    const moments: Moment[] = [{ index: -1, clock: start.clock.text, view: start }];
    for (let i = 0; i < entries.length; i++) {
      const sent = run.send(entries[i] as LogEntry);
      if (!sent.ok) break;
      const view = run.snapshot();
      moments.push({ index: i, clock: view.clock.text, view });
    }
    return { prepared, entries, result: run.result(), moments };
  } finally {
    run.stop();
  }
}

/** The debrief of an attempt: score, categories, scored items, timeline, replay, retry and print. */
export function DebriefPage() {
  const { attemptId = '' } = useParams();
  const { t } = useTranslation('trainee');
  const lang = useLang();
  const attempt = useAttemptsStore((s) => s.attempts[attemptId]);
  const scenario = useLibraryStore((s) => (attempt ? s.loaded.cases.get(attempt.caseId) : undefined));
  const clinic = useLibraryStore((s) => (scenario ? s.loaded.clinics.get(scenario.clinic) : undefined));
  const [analysis, setAnalysis] = useState<{ id: string; value: Analysis } | { id: string; error: string } | null>(null);
  useDocumentTitle(scenario ? t('debrief.title', { title: scenario.title[lang] }) : t('desk.notFound'));

  const seed = attempt?.log.seed;
  const logLength = attempt?.log.entries.length;
  useEffect(() => {
    if (!attempt || !scenario) return;
    let cancelled = false;
    prepareCase(scenario, attempt.log.seed, clinic ? { clinic } : {})
      .then((prepared) => {
        if (!cancelled) setAnalysis({ id: attempt.id, value: analyse(prepared, attempt) });
      })
      .catch((error: unknown) => {
        if (!cancelled) setAnalysis({ id: attempt.id, error: String(error) });
      });
    return () => {
      cancelled = true;
    };
    // The analysis depends on the log, not on the record's other fields.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt?.id, seed, logLength, scenario, clinic]);

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
  if (!analysis || analysis.id !== attempt.id) return <RouteLoading label={t('common.loading')} />;
  if ('error' in analysis) {
    return (
      <ErrorMessage
        heading={t('desk.unplayable')}
        body={t('desk.unplayableBody', { reason: analysis.error })}
        actions={
          <Link to="/library" className="button button--primary">
            {t('common.backToLibrary')}
          </Link>
        }
      />
    );
  }
  return <DebriefView scenario={scenario} attempt={attempt} analysis={analysis.value} lang={lang} />;
}

/** Props of DebriefView. */
export interface DebriefViewProps {
  scenario: ScenarioCase;
  attempt: AttemptRecord;
  analysis: Analysis;
  lang: Lang;
}

/** The debrief itself, for an analysed attempt. */
export function DebriefView({ scenario, attempt, analysis, lang }: DebriefViewProps) {
  const { t } = useTranslation('trainee');
  const [, navigate] = useLocation();
  const { result, entries, moments } = analysis;
  const workflows = registry;
  const words: EntryWords = {
    choose: (text) => t('action.choose', { text }),
    hint: t('action.hint'),
    wait: (seconds) => t('action.wait', { seconds }),
  };
  const describe = (index: number): string => {
    const entry = entries[index];
    return entry ? describeEntry(entry, scenario, workflows, lang, words) : t('debrief.caseStart');
  };
  const clockAt = (index: number): string => moments.find((m) => m.index === index)?.clock ?? '';
  const categories = CATEGORIES.filter((c) => result.categories[c].max > 0 && result.categories[c].weight > 0);
  const minutes = Math.round(result.duration / 60);
  const endView = moments[moments.length - 1]?.view;

  return (
    <article className="debrief">
      <p className="no-print">
        <Link to={`/case/${scenario.id}`}>{scenario.title[lang]}</Link>
      </p>
      <h1>{t('debrief.heading', { title: scenario.title[lang] })}</h1>
      {!result.finished && (
        <p className="notice notice--info">
          {t('debrief.notFinished')} <Link to={`/desk/${attempt.id}`}>{t('debrief.continue')}</Link>
        </p>
      )}
      <section className="debrief__score" aria-labelledby="score-heading">
        <h2 id="score-heading" className="visually-hidden">
          {t('debrief.summary')}
        </h2>
        <p className="score">
          <span className="score__label">{t('debrief.percent')}: </span>
          <span className="score__value">{result.percent.toFixed(0)} %</span>{' '}
          <span className={`verdict verdict--${result.passed ? 'passed' : 'failed'}`}>{result.passed ? t('debrief.passed') : t('debrief.failed')}</span>
        </p>
        <p>{t('debrief.passMark', { pass: result.pass })}</p>
        <dl className="debrief__facts">
          <div>
            <dt>{t('desk.modeLabel')}</dt>
            <dd>{t(`common.${result.mode}`)}</dd>
          </div>
          <div>
            <dt>{t('debrief.duration')}</dt>
            <dd>{t('common.minutes', { count: minutes })}</dd>
          </div>
          <div>
            <dt>{t('debrief.actions')}</dt>
            <dd>{result.actions}</dd>
          </div>
          <div>
            <dt>{t('debrief.hints')}</dt>
            <dd>{result.hints}</dd>
          </div>
          <div>
            <dt>{t('debrief.criticalErrors')}</dt>
            <dd>{result.critical.length === 0 ? t('debrief.noCritical') : result.critical.join(', ')}</dd>
          </div>
        </dl>
        {endView?.end && (
          <p>
            <strong>{t('debrief.endText')}: </strong>
            <RichText text={endView.end.text[lang]} />
          </p>
        )}
      </section>

      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">{t('debrief.categories')}</h2>
        <ul className="bars">
          {categories.map((c) => {
            const score = result.categories[c];
            const share = Math.max(0, Math.min(1, score.earned / score.max));
            return (
              <li key={c} className="bar">
                <span className="bar__label">{t(`debrief.category.${c}`)}</span>
                <span className="bar__track" aria-hidden="true">
                  <span className="bar__fill" style={{ width: `${Math.round(share * 100)}%` }} />
                </span>
                <span className="bar__value">
                  {Math.round(share * 100)} % — {t('debrief.categoryValue', { earned: score.earned, max: score.max })}
                </span>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="items-heading">
        <h2 id="items-heading">{t('debrief.items')}</h2>
        <ol className="items">
          {result.items.map((item, i) => {
            const points = Object.entries(item.points).filter(([, v]) => v !== 0);
            return (
              <li key={i} className={`item item--${item.passed ? 'passed' : 'failed'}`}>
                <p>
                  <strong>{item.passed ? t('debrief.itemPassed') : t('debrief.itemFailed')}</strong>
                  {item.critical && !item.passed && <span className="item__critical"> ({t('debrief.itemCritical')})</span>}
                  {' — '}
                  {t('debrief.points')}:{' '}
                  {points.length === 0 ? t('debrief.noPoints') : points.map(([c, v]) => `${t(`debrief.category.${c}` as 'debrief.category.accuracy')} ${v > 0 ? '+' : ''}${v}`).join(', ')}
                </p>
                {item.feedback && (
                  <p>
                    <RichText text={item.feedback[lang]} />
                  </p>
                )}
                <p className="item__action">
                  {t('debrief.causedBy')} {item.actionIndex >= 0 ? `(${clockAt(item.actionIndex)})` : ''}: {describe(item.actionIndex)}
                </p>
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('debrief.timeline')}</h2>
        <ol className="timeline">
          {moments.map((m) => (
            <li key={m.index}>
              <time>{m.clock}</time> {m.index < 0 ? t('debrief.caseStart') : describe(m.index)}
            </li>
          ))}
        </ol>
      </section>

      <ReplayPanel analysis={analysis} lang={lang} describe={describe} />

      <div className="debrief__buttons no-print">
        <button
          type="button"
          className="button button--primary"
          onClick={() => navigate(`/desk/${startAttempt(scenario.id, attempt.log.mode, attempt.log.seed)}`)}
        >
          {t('debrief.retry')}
        </button>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('debrief.print')}
        </button>
        <button type="button" className="button" onClick={() => downloadAttempt(attempt)}>
          {t('common.export')}
        </button>
        <Link to="/library" className="button">
          {t('common.backToLibrary')}
        </Link>
      </div>
    </article>
  );
}

/** Step-by-step replay: the engine replays the log up to position k and the state is shown. */
function ReplayPanel({ analysis, lang, describe }: { analysis: Analysis; lang: Lang; describe: (i: number) => string }) {
  const { t } = useTranslation('trainee');
  const n = analysis.entries.length;
  const [k, setK] = useState(n);
  const state = useMemo(() => {
    const replayed = replay(analysis.prepared, analysis.entries.slice(0, k), { mode: analysis.result.mode });
    if (!replayed.ok) return null;
    replayed.run.stop();
    return { view: replayed.snapshot, percent: replayed.result.percent };
  }, [analysis, k]);
  return (
    <section aria-labelledby="replay-heading" className="replay no-print">
      <h2 id="replay-heading">{t('debrief.replay')}</h2>
      <ReplayStepper
        total={n}
        position={k}
        onPosition={setK}
        labels={{ prev: t('debrief.prev'), next: t('debrief.next'), position: t('debrief.replayPosition'), valueText: (at) => (at === 0 ? t('debrief.replayStart') : t('debrief.replayOf', { k: at, n })) }}
      >
        <p>
          <strong>{k === 0 ? t('debrief.replayStart') : t('debrief.replayOf', { k, n })}</strong>
          {k > 0 && <> — {t('debrief.replayLast', { action: describe(k - 1) })}</>}
        </p>
        {state && (
          <>
            <p>
              {t('debrief.replayStep', { step: state.view.stepId })} · {t('debrief.replayClock', { clock: state.view.clock.text })} ·{' '}
              {t('debrief.replayScore', { percent: state.percent.toFixed(0) })}
            </p>
            {state.view.task && <p>{t('debrief.replayTask', { workflow: t(`workflow.${state.view.task.workflowId}` as 'workflow.registration') })}</p>}
            <ReplayLines lines={state.view.lines} lang={lang} />
          </>
        )}
      </ReplayStepper>
    </section>
  );
}
