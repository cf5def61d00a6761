/** The debrief's timeline: who was waiting, ringing and attended along the shift. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { clockToSeconds } from '../../engine/run/case-data';
import type { ShiftTimelineRow } from '../../engine/shift/shift-score';
import { type AttendedSpan } from './shift-analysis';

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
