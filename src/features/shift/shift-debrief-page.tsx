import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Lang } from '../../domain/text';
import { clockToSeconds } from '../../engine/case-data';
import type { LogEntry } from '../../engine/log';
import { createShift, prepareShift, type PreparedShift, type ShiftResult } from '../../engine/shift';
import type { ShiftTimelineRow } from '../../engine/shift-score';
import { attemptKind, type AttemptRecord } from '../../stores/attempt-record';
import { useAttemptsStore } from '../../stores/attempts-store';
import { useLibraryStore } from '../../stores/library-store';
import { ErrorMessage } from '../../ui/error-message';
import { RouteLoading } from '../../ui/route-loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useLang } from './use-lang';
import './shift.css';
import { useShiftLibrary } from './use-shift-run';

/** One action of the shift and the simulated time after it. */
export interface ShiftMoment {
  entry: LogEntry;
  clock: string;
}

/** What the debrief computes once from the log: the result and the clock after each action. */
export interface ShiftAnalysis {
  prepared: PreparedShift;
  result: ShiftResult;
  moments: ShiftMoment[];
}

/** Replays a shift attempt action by action (the log is the truth: the debrief shows what the desk saw). */
export function analyseShift(prepared: PreparedShift, attempt: AttemptRecord): ShiftAnalysis {
  const run = createShift(prepared, { mode: attempt.log.mode });
  try {
    const moments: ShiftMoment[] = [];
    for (const entry of attempt.log.entries as LogEntry[]) {
      if (!run.send(entry).ok) break;
      moments.push({ entry, clock: run.snapshot().clock.text });
    }
    return { prepared, result: run.result(), moments };
  } finally {
    run.stop();
  }
}

/** `/shift-debrief/:attemptId`: the shift's score, measures, per-case breakdown, timeline and replay. */
export function ShiftDebriefPage() {
  const { attemptId = '' } = useParams();
  const { t } = useTranslation('shift');
  const lang = useLang();
  const attempt = useAttemptsStore((s) => s.attempts[attemptId]);
  const shift = useLibraryStore((s) => (attempt && attemptKind(attempt) === 'shift' ? s.shifts.find((x) => x.id === attempt.caseId) : undefined));
  const library = useShiftLibrary();
  const [analysis, setAnalysis] = useState<{ id: string; value: ShiftAnalysis } | null>(null);
  useDocumentTitle(shift ? t('debrief.title', { title: shift.title[lang] }) : t('debrief.notFound'));

  useEffect(() => {
    if (!attempt || !shift) return;
    let cancelled = false;
    void prepareShift(shift, library, attempt.log.seed).then((prepared) => {
      if (!cancelled) setAnalysis({ id: attempt.id, value: analyseShift(prepared, attempt) });
    });
    return () => {
      cancelled = true;
    };
  }, [attempt, shift, library]);

  if (!attempt || !shift) {
    return (
      <ErrorMessage
        heading={t('debrief.notFound')}
        body={t('debrief.notFoundBody')}
        actions={
          <Link to="/shifts" className="button button--primary">
            {t('common.backToShifts')}
          </Link>
        }
      />
    );
  }
  if (!analysis || analysis.id !== attempt.id) return <RouteLoading label={t('common.loading')} />;
  const { result, moments, prepared } = analysis.value;
  const titleOf = (caseId: string) => library.cases.get(caseId)?.title[lang] ?? caseId;
  // A measure with nothing to count is left out of the mark, so it is left out here too.
  const measures = result.measures.filter((m) => m.count > 0);

  return (
    <article className="debrief shift-debrief">
      <p>
        <Link to={`/shift/${shift.id}`}>{t('common.backToShifts')}</Link>
      </p>
      <h1>{t('debrief.title', { title: shift.title[lang] })}</h1>
      {!result.finished && (
        <p className="notice notice--info">
          {t('debrief.notFinished')} <Link to={`/shift-desk/${attempt.id}`}>{t('debrief.backToDesk')}</Link>
        </p>
      )}
      <section aria-labelledby="score-heading">
        <h2 id="score-heading" className="score">
          {t('debrief.score', { percent: result.percent.toFixed(0) })} — {t(result.passed ? 'debrief.passed' : 'debrief.failed')}
        </h2>
        <ul>
          <li>{t('debrief.passMark', { pass: result.pass })}</li>
          <li>{t('debrief.casesPercent', { percent: result.casesPercent.toFixed(0) })}</li>
          <li>{t('debrief.shiftPercent', { percent: result.shiftPercent.toFixed(0) })}</li>
        </ul>
      </section>

      <section aria-labelledby="measures-heading">
        <h2 id="measures-heading">{t('debrief.measures')}</h2>
        {measures.length === 0 ? (
          <p>{t('debrief.noMeasures')}</p>
        ) : (
          <ul className="bars">
            {measures.map((m) => (
              <li key={m.id} className="bar">
                <span className="bar__label">{m.label[lang]}</span>
                <span className="bar__track" aria-hidden="true">
                  <span className="bar__fill" style={{ width: `${Math.round(m.score * 100)}%` }} />
                </span>
                <span className="bar__value">{t('debrief.measureValue', { credit: m.credit, count: m.count, percent: Math.round(m.score * 100) })}</span>
              </li>
            ))}
          </ul>
        )}
        {result.critical.length > 0 && (
          <>
            <h3>{t('debrief.critical')}</h3>
            <ul>
              {result.critical.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="cases-heading">
        <h2 id="cases-heading">{t('debrief.cases')}</h2>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('debrief.colArrival')}</th>
                <th scope="col">{t('debrief.colCase')}</th>
                <th scope="col">{t('debrief.colChannel')}</th>
                <th scope="col">{t('debrief.colStatus')}</th>
                <th scope="col">{t('debrief.colPercent')}</th>
                <th scope="col">{t('debrief.colPassed')}</th>
              </tr>
            </thead>
            <tbody>
              {result.cases.map((c) => {
                const row = result.timeline.find((r) => r.arrival === c.arrival);
                return (
                  <tr key={c.arrival}>
                    <td>{c.arrival + 1}</td>
                    <th scope="row">
                      <Link to={`/case/${c.caseId}`}>{titleOf(c.caseId)}</Link>
                    </th>
                    <td>{t(`common.${c.channel}`)}</td>
                    <td>{row ? t(`status.${row.status}`) : t('common.none')}</td>
                    <td>{c.percent.toFixed(0)} %</td>
                    <td>{c.served ? t(c.passed ? 'debrief.passed' : 'debrief.failed') : t('common.none')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <ShiftTimeline rows={result.timeline} start={clockToSeconds(prepared.shift.start)} end={clockToSeconds(prepared.shift.end)} now={clockToSeconds(prepared.shift.start) + result.duration} titleOf={titleOf} lang={lang} />

      <section aria-labelledby="replay-heading">
        <h2 id="replay-heading">{t('debrief.replay')}</h2>
        <p>{t('debrief.replayIntro')}</p>
        {moments.length === 0 ? (
          <p>{t('debrief.replayEmpty')}</p>
        ) : (
          <ol className="shift-replay">
            {moments.map((m, i) => (
              <li key={i}>{t('debrief.replayLine', { clock: m.clock, action: describe(m.entry, prepared, lang, t) })}</li>
            ))}
          </ol>
        )}
      </section>
      <p className="debrief__buttons">
        <Link className="button button--primary" to={`/shift/${shift.id}`}>
          {t('debrief.again')}
        </Link>
      </p>
    </article>
  );
}

type T = ReturnType<typeof useTranslation<'shift'>>['t'];

/** One log entry in words. */
function describe(entry: LogEntry, prepared: PreparedShift, lang: Lang, t: T): string {
  const arrival = 'arrival' in entry && typeof entry.arrival === 'number' ? entry.arrival + 1 : 0;
  switch (entry.type) {
    case 'shift.serve':
      return t('debrief.entryServe', { arrival });
    case 'shift.answer':
      return t('debrief.entryAnswer', { arrival });
    case 'shift.hold':
      return t('debrief.entryHold');
    case 'shift.returnCall':
      return t('debrief.entryReturn', { arrival });
    case 'shift.pause':
      return t('debrief.entryPause');
    case 'wait':
      return t('debrief.entryWait', { seconds: 'seconds' in entry ? Number(entry.seconds) : 0 });
    case 'hint':
      return t('debrief.entryHint');
    case 'choose': {
      const id = String((entry as { choice?: unknown }).choice);
      for (const c of prepared.cases) {
        for (const step of Object.values(c.scenario.steps)) {
          const choice = step.choose?.find((x) => x.id === id);
          if (choice) return t('debrief.entryChoose', { choice: choice.text[lang] });
        }
      }
      return t('debrief.entryChoose', { choice: id });
    }
    default:
      return t('debrief.entryTool', { type: entry.type });
  }
}

/**
 * The shift at a glance: one row per arrival, a grey bar while they waited and a blue one while
 * they were attended, on the shift's hours. The table after it holds the same facts as text.
 */
export function ShiftTimeline({ rows, start, end, now, titleOf, lang }: { rows: ShiftTimelineRow[]; start: number; end: number; now: number; titleOf: (caseId: string) => string; lang: Lang }) {
  const { t } = useTranslation('shift');
  const titleId = useId();
  const descId = useId();
  const rowH = 28;
  const labelW = 220;
  const chartW = 560;
  const span = Math.max(60, end - start);
  const x = (s: number) => labelW + ((Math.min(Math.max(s, start), end) - start) / span) * chartW;
  const sec = (clock: string | null) => (clock === null ? null : clockToSeconds(clock));
  const height = rows.length * rowH + 40;
  const ticks: number[] = [];
  for (let s = start; s <= end; s += span > 3 * 3600 ? 3600 : 1800) ticks.push(s);
  const tickText = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}`;
  void lang;
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('debrief.timeline')}</h2>
      <p id={descId}>{t('debrief.timelineDesc')}</p>
      <p className="shift-legend" aria-hidden="true">
        <span className="shift-legend__swatch shift-legend__swatch--waiting" /> {t('debrief.legendWaiting')}{' '}
        <span className="shift-legend__swatch shift-legend__swatch--attending" /> {t('debrief.legendAttending')}
      </p>
      <div className="table-scroll">
        <svg className="shift-timeline" role="img" aria-labelledby={titleId} aria-describedby={descId} viewBox={`0 0 ${labelW + chartW + 30} ${height}`} width="100%">
          <title id={titleId}>{t('debrief.timeline')}</title>
          {ticks.map((s) => (
            <g key={s}>
              <line x1={x(s)} x2={x(s)} y1={0} y2={rows.length * rowH} stroke="#888" strokeDasharray="2 3" />
              <text x={x(s)} y={rows.length * rowH + 16} fontSize="12" textAnchor="middle" fill="#333">
                {tickText(s)}
              </text>
            </g>
          ))}
          {rows.map((r, i) => {
            const y = i * rowH;
            const arrived = sec(r.arrived);
            const served = sec(r.served);
            const finished = sec(r.finished);
            const waitEnd = arrived === null ? null : served ?? arrived + r.waitedMinutes * 60;
            const attendEnd = served === null ? null : finished ?? now;
            return (
              <g key={r.arrival}>
                <text x={4} y={y + rowH / 2 + 4} fontSize="12" fill="#222">
                  {`${r.arrival + 1}. ${r.redFlag ? '⚠ ' : ''}${r.channel === 'phone' ? '☎ ' : ''}${titleOf(r.caseId)}`.slice(0, 34)}
                </text>
                {arrived !== null && waitEnd !== null && <rect x={x(arrived)} y={y + 6} width={Math.max(2, x(waitEnd) - x(arrived))} height={rowH - 12} fill="#9aa3ad" />}
                {served !== null && attendEnd !== null && <rect x={x(served)} y={y + 6} width={Math.max(2, x(attendEnd) - x(served))} height={rowH - 12} fill="#1f5fa8" />}
              </g>
            );
          })}
        </svg>
      </div>
      <details>
        <summary>{t('debrief.timelineTable')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('debrief.colArrival')}</th>
              <th scope="col">{t('debrief.colCase')}</th>
              <th scope="col">{t('debrief.colArrived')}</th>
              <th scope="col">{t('debrief.colServed')}</th>
              <th scope="col">{t('debrief.colFinished')}</th>
              <th scope="col">{t('debrief.colWaited')}</th>
              <th scope="col">{t('debrief.colStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.arrival}>
                <td>{r.arrival + 1}</td>
                <th scope="row">
                  {titleOf(r.caseId)} ({t(`common.${r.channel}`)}
                  {r.redFlag ? `, ${t('common.redFlag')}` : ''})
                </th>
                <td>{r.arrived ?? t('common.none')}</td>
                <td>{r.served ?? t('common.none')}</td>
                <td>{r.finished ?? t('common.none')}</td>
                <td>{r.waitedMinutes}</td>
                <td>{t(`status.${r.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
