import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import type { Lang } from '../../domain/text';
import { clockToSeconds } from '../../engine/run/case-data';
import { describeEntry } from '../../engine/run/describe-entry';
import { isShiftEntry, type LogEntry } from '../../engine/format/log';
import type { RunView } from '../../engine/run/run';
import { createShift, prepareShift, type PreparedShift, type ShiftResult } from '../../engine/shift/shift';
import type { ShiftTimelineRow } from '../../engine/shift/shift-score';
import { workflows as registry } from '../../machines/registry';
import { attemptKind, type AttemptRecord } from '../../stores/attempt-record';
import { useAttemptsStore } from '../../stores/attempts-store';
import { useLibraryStore } from '../../stores/library-store';
import { spokenName } from '../../ui/document-card';
import { ErrorMessage } from '../../ui/error-message';
import { ReplayLines, ReplayStepper } from '../../ui/replay-stepper';
import { RouteLoading } from '../../ui/route-loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useLang } from './use-lang';
import './shift.css';
import { useShiftLibrary } from './use-shift-run';

/** The desk as it was after one action (or at the start of the shift). */
export interface ShiftMoment {
  /** Position in the log; -1 for the start of the shift. */
  index: number;
  entry: LogEntry | null;
  /** Simulated time after the action. */
  clock: string;
  /** The arrival the action concerned (served, answered, set aside, or whose case it went to); null for a wait. */
  arrival: number | null;
  /** That arrival's case after the action (its last view when the action closed it). */
  caseView: RunView | null;
  /** That case's percent so far. */
  casePercent: number | null;
  /** Desk patients waiting or paused, calls ringing, held or owed a call back, arrivals closed. */
  waiting: number;
  calls: number;
  done: number;
}

/** What the debrief computes once from the log: the result and the desk after each action. */
export interface ShiftAnalysis {
  prepared: PreparedShift;
  result: ShiftResult;
  /** The start of the shift, then one moment per accepted action. */
  moments: ShiftMoment[];
  /** When each arrival was being attended (seconds since midnight): a paused patient has several. */
  attended: AttendedSpan[];
}

/** A stretch of time during which the desk attended one arrival. */
export interface AttendedSpan {
  arrival: number;
  from: number;
  to: number;
}

/** Replays a shift attempt action by action (the log is the truth: the debrief shows what the desk saw). */
export function analyseShift(prepared: PreparedShift, attempt: AttemptRecord): ShiftAnalysis {
  const run = createShift(prepared, { mode: attempt.log.mode });
  try {
    const desk = (index: number, entry: LogEntry | null, arrival: number | null, child: ReturnType<typeof run.activeRun>): ShiftMoment => {
      const view = run.snapshot();
      return {
        index,
        entry,
        clock: view.clock.text,
        arrival,
        caseView: child ? child.snapshot() : null,
        casePercent: child ? child.result().percent : null,
        waiting: view.queue.length,
        calls: view.calls.length,
        done: view.done,
      };
    };
    const moments: ShiftMoment[] = [desk(-1, null, null, null)];
    const attended: AttendedSpan[] = [];
    let open: { arrival: number; from: number } | null = null;
    const entries = attempt.log.entries as LogEntry[];
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i] as LogEntry;
      const active = run.state().active;
      const clockBefore = run.state().clock;
      const arrival =
        entry.type === 'wait' ? null : isShiftEntry(entry) && 'arrival' in entry && typeof entry.arrival === 'number' ? entry.arrival : active;
      // A case closed by this action is stopped by the shift: keep a hold of it to show its last view.
      const before = arrival === null ? undefined : run.state().children.get(arrival);
      if (!run.send(entry).ok) break;
      const child = arrival === null ? null : (run.state().children.get(arrival) ?? before ?? null);
      moments.push(desk(i, entry, arrival, child));
      // Desk actions switch people before their own cost; a case action that closes the case, after its own.
      const now = run.state().active;
      if (open && open.arrival !== now) {
        attended.push({ arrival: open.arrival, from: open.from, to: isShiftEntry(entry) ? clockBefore : run.state().clock });
        open = null;
      }
      if (now !== null && !open) open = { arrival: now, from: clockBefore };
    }
    if (open) attended.push({ arrival: open.arrival, from: open.from, to: run.state().clock });
    return { prepared, result: run.result(), moments, attended };
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
  const shift = useLibraryStore((s) => (attempt && attemptKind(attempt) === 'shift' ? s.loaded.shifts.get(attempt.caseId) : undefined));
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
  const { result, prepared } = analysis.value;
  const titleOf = (caseId: string) => library.cases.get(caseId)?.title[lang] ?? caseId;
  const nameOf = (arrival: number) => {
    const patient = prepared.cases[arrival]?.data.people.patient;
    return patient ? spokenName(patient.name) : titleOf(prepared.plan[arrival]?.caseId ?? '');
  };
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

      <ShiftTimeline
        rows={result.timeline}
        attended={analysis.value.attended}
        start={clockToSeconds(prepared.shift.start)}
        end={clockToSeconds(prepared.shift.end)}
        now={clockToSeconds(prepared.shift.start) + result.duration}
        targets={prepared.shift.targets}
        nameOf={nameOf}
        titleOf={titleOf}
      />

      <ShiftReplay analysis={analysis.value} nameOf={nameOf} titleOf={titleOf} lang={lang} />
      <p className="debrief__buttons">
        <Link className="button button--primary" to={`/shift/${shift.id}`}>
          {t('debrief.again')}
        </Link>
      </p>
    </article>
  );
}

type T = ReturnType<typeof useTranslation<'shift'>>['t'];

/** One log entry in words: desk actions name the person, case actions say what was done in their case. */
function describe(entry: LogEntry, arrival: number | null, prepared: PreparedShift, nameOf: (arrival: number) => string, lang: Lang, t: T): string {
  const who = arrival === null ? '' : nameOf(arrival);
  const n = arrival === null ? 0 : arrival + 1;
  switch (entry.type) {
    case 'shift.serve':
      return t('debrief.entryServe', { name: who, arrival: n });
    case 'shift.answer':
      return t('debrief.entryAnswer', { name: who, arrival: n });
    case 'shift.hold':
      return t('debrief.entryHold', { name: who });
    case 'shift.returnCall':
      return t('debrief.entryReturn', { name: who, arrival: n });
    case 'shift.pause':
      return t('debrief.entryPause', { name: who });
    case 'wait':
      return t('debrief.entryWait', { seconds: 'seconds' in entry ? Number(entry.seconds) : 0 });
    default: {
      const scenario = arrival === null ? undefined : prepared.cases[arrival]?.scenario;
      if (!scenario) return entry.type;
      const words = { choose: (text: string) => t('debrief.entryChoose', { choice: text }), hint: t('debrief.entryHint'), wait: (seconds: number) => t('debrief.entryWait', { seconds }) };
      return t('debrief.entryInCase', { name: who, action: describeEntry(entry, scenario, registry, lang, words) });
    }
  }
}

/**
 * Step-by-step replay of the shift, like a single case's: the whole shift, or only the actions about
 * one patient or call; each position shows the desk then (clock, queue, calls) and that person's case
 * (step, score, open tool, dialogue). Every position was computed once by analyseShift.
 */
export function ShiftReplay({ analysis, nameOf, titleOf, lang }: { analysis: ShiftAnalysis; nameOf: (arrival: number) => string; titleOf: (caseId: string) => string; lang: Lang }) {
  const { t } = useTranslation('shift');
  const selectId = useId();
  const { prepared, moments } = analysis;
  const [who, setWho] = useState<number | null>(null);
  const steps = useMemo(() => moments.filter((m) => m.index >= 0 && (who === null || m.arrival === who)), [moments, who]);
  const [position, setPosition] = useState(steps.length);
  const n = steps.length;
  const k = Math.min(position, n);
  // Position 0 is the desk just before the first action shown (the start of the shift, or the moment before the person was taken up).
  const first = steps[0];
  const before = (who === null || !first ? moments[0] : moments[moments.indexOf(first) - 1]) ?? (moments[0] as ShiftMoment);
  const at: ShiftMoment = k === 0 ? { ...before, entry: null, arrival: null, caseView: null, casePercent: null } : (steps[k - 1] as ShiftMoment);
  const people = prepared.plan.filter((p) => moments.some((m) => m.arrival === p.index));
  const total = prepared.plan.length;
  const valueText = (i: number) => (i === 0 ? (who === null ? t('debrief.replayStart') : t('debrief.replayBefore', { name: nameOf(who) })) : t('debrief.replayOf', { k: i, n }));
  const workflowTitle = (id: string) => Object.values(registry).find((w) => w?.id === id)?.title[lang] ?? id;
  return (
    <section aria-labelledby="replay-heading" className="replay">
      <h2 id="replay-heading">{t('debrief.replay')}</h2>
      <p>{t('debrief.replayIntro')}</p>
      {moments.length <= 1 ? (
        <p>{t('debrief.replayEmpty')}</p>
      ) : (
        <>
          <p className="shift-replay__who">
            <label htmlFor={selectId}>{t('debrief.replayWho')}</label>{' '}
            <select
              id={selectId}
              value={who === null ? '' : String(who)}
              onChange={(e) => {
                const next = e.target.value === '' ? null : Number(e.target.value);
                setWho(next);
                // A person's replay starts at their first action; the whole shift at its end, like a case.
                setPosition(next === null ? moments.length - 1 : 1);
              }}
            >
              <option value="">{t('debrief.replayAll')}</option>
              {people.map((p) => (
                <option key={p.index} value={p.index}>
                  {t('debrief.replayPerson', { n: p.index + 1, name: nameOf(p.index), title: titleOf(p.caseId), channel: t(`common.${p.channel}`) })}
                </option>
              ))}
            </select>
          </p>
          <ReplayStepper total={n} position={k} onPosition={setPosition} labels={{ prev: t('debrief.prev'), next: t('debrief.next'), position: t('debrief.replayPosition'), valueText }}>
            <p>
              <strong>{valueText(k)}</strong>
              {at.entry && <> — {t('debrief.replayLine', { clock: at.clock, action: describe(at.entry, at.arrival, prepared, nameOf, lang, t) })}</>}
            </p>
            <p>{t('debrief.replayDesk', { clock: at.clock, waiting: at.waiting, calls: at.calls, done: at.done, total })}</p>
            {at.caseView && at.arrival !== null && (
              <>
                <p>
                  {t('debrief.replayCase', { name: nameOf(at.arrival), step: at.caseView.stepId, percent: (at.casePercent ?? 0).toFixed(0) })}
                  {at.caseView.status === 'finished' && <> · {t('debrief.replayCaseClosed')}</>}
                </p>
                {at.caseView.task && <p>{t('debrief.replayTask', { workflow: workflowTitle(at.caseView.task.workflowId) })}</p>}
                <ReplayLines lines={at.caseView.lines} lang={lang} />
              </>
            )}
          </ReplayStepper>
          <details className="shift-replay__all">
            <summary>{t('debrief.allActions', { count: moments.length - 1 })}</summary>
            <ol className="shift-replay">
              {moments.slice(1).map((m) => (
                <li key={m.index}>{t('debrief.replayLine', { clock: m.clock, action: describe(m.entry as LogEntry, m.arrival, prepared, nameOf, lang, t) })}</li>
              ))}
            </ol>
          </details>
        </>
      )}
    </section>
  );
}

/** Seconds as HH:MM. */
const hhmm = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}`;

/** Props of ShiftTimeline. */
export interface ShiftTimelineProps {
  rows: ShiftTimelineRow[];
  attended: AttendedSpan[];
  /** The shift's start and end, and when it really ended (seconds since midnight). */
  start: number;
  end: number;
  now: number;
  targets: { waitMinutes: number; redFlagMinutes: number };
  nameOf: (arrival: number) => string;
  titleOf: (caseId: string) => string;
}

/**
 * The shift at a glance: one row per arrival on the hours actually played; a grey bar while the
 * person was at the desk or on the line, amber where their first wait ran past its target (the red-
 * flag target for red flags), blue each time they were attended (a paused patient has several). The
 * table after it holds the same facts as text.
 */
export function ShiftTimeline({ rows, attended, start, end, now, targets, nameOf, titleOf }: ShiftTimelineProps) {
  const { t } = useTranslation('shift');
  const titleId = useId();
  const descId = useId();
  const rowH = 26;
  const labelW = 250;
  const chartW = 620;
  const statusW = 90;
  const top = 4;
  // The axis covers what was played (a shift that ended early does not leave half the chart empty), in whole quarter hours.
  const quarter = 15 * 60;
  const axisEnd = Math.min(Math.max(end, start + quarter), Math.max(start + 2 * quarter, Math.ceil((Math.max(now, start) + 5 * 60) / quarter) * quarter));
  const span = axisEnd - start;
  const step = span <= 2 * 3600 ? quarter : span <= 4 * 3600 ? 1800 : 3600;
  const x = (s: number) => labelW + ((Math.min(Math.max(s, start), axisEnd) - start) / span) * chartW;
  const sec = (clock: string | null) => (clock === null ? null : clockToSeconds(clock));
  const height = top + rows.length * rowH + 24;
  const ticks: number[] = [];
  for (let s = start; s <= axisEnd; s += step) ticks.push(s);
  const label = (r: ShiftTimelineRow) => {
    const text = `${r.arrival + 1}. ${r.redFlag ? '⚠ ' : ''}${r.channel === 'phone' ? '☎ ' : ''}${nameOf(r.arrival)}`;
    return text.length > 32 ? `${text.slice(0, 31)}…` : text;
  };
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('debrief.timeline')}</h2>
      <p id={descId}>{t('debrief.timelineDesc', { wait: targets.waitMinutes, redFlag: targets.redFlagMinutes })}</p>
      <p className="shift-legend" aria-hidden="true">
        <span>
          <span className="shift-legend__swatch shift-legend__swatch--waiting" />
          {t('debrief.legendWaiting')}
        </span>
        <span>
          <span className="shift-legend__swatch shift-legend__swatch--late" />
          {t('debrief.legendLate')}
        </span>
        <span>
          <span className="shift-legend__swatch shift-legend__swatch--attending" />
          {t('debrief.legendAttending')}
        </span>
      </p>
      <div className="table-scroll">
        <svg className="shift-timeline" role="img" aria-labelledby={titleId} aria-describedby={descId} viewBox={`0 0 ${labelW + chartW + statusW} ${height}`} width="100%">
          <title id={titleId}>{t('debrief.timeline')}</title>
          {rows.map((r, i) => (i % 2 === 1 ? <rect key={`band-${r.arrival}`} x={0} y={top + i * rowH} width={labelW + chartW + statusW} height={rowH} fill="#f3f5f7" /> : null))}
          {ticks.map((s) => (
            <g key={s}>
              <line x1={x(s)} x2={x(s)} y1={top} y2={top + rows.length * rowH} stroke="#9aa3ad" strokeDasharray="2 3" />
              <text x={x(s)} y={top + rows.length * rowH + 16} fontSize="12" textAnchor="middle" fill="#333">
                {hhmm(s)}
              </text>
            </g>
          ))}
          {rows.map((r, i) => {
            const y = top + i * rowH;
            const arrived = sec(r.arrived);
            const served = sec(r.served);
            // At the desk (or on the line) from arriving until the case closed, the caller hung up, or the shift ended.
            const left = sec(r.finished) ?? (served === null && arrived !== null ? arrived + r.waitedMinutes * 60 : now);
            const target = (r.redFlag ? targets.redFlagMinutes : targets.waitMinutes) * 60;
            const firstWaitEnd = served ?? left;
            const late = arrived !== null && firstWaitEnd > arrived + target ? { from: arrived + target, to: firstWaitEnd } : null;
            const bar = (from: number, to: number, fill: string, key: string) => <rect key={key} x={x(from)} y={y + 6} width={Math.max(2, x(to) - x(from))} height={rowH - 12} fill={fill} />;
            const status = r.status === 'finished' ? '' : t(`status.${r.status}`);
            return (
              <g key={r.arrival} className="shift-timeline__row">
                <title>{titleOf(r.caseId)}</title>
                <text x={4} y={y + rowH / 2 + 4} fontSize="12" fill="#1b1b1b">
                  {label(r)}
                </text>
                {arrived !== null && bar(arrived, Math.max(arrived, left), '#9aa3ad', 'present')}
                {late && bar(late.from, late.to, '#c26a00', 'late')}
                {attended.filter((a) => a.arrival === r.arrival).map((a, k) => bar(a.from, a.to, '#1f5fa8', `attended-${k}`))}
                {status && (
                  <text x={labelW + chartW + 8} y={y + rowH / 2 + 4} fontSize="12" fill="#8a1c10">
                    {status}
                  </text>
                )}
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
