/**
 * The shift desk's panels: the waiting-room queue, the phone, the clock's pace, the rooms to turn
 * over and the announcer. Each takes plain props (the shift's view and callbacks), so they are
 * tested on their own.
 */
import { memo, useCallback, useEffect, useId, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../domain/text';
import type { RunMode } from '../../engine/run/run';
import type { ShiftQueueItem, ShiftView } from '../../engine/shift/shift';
import { useCachedT } from '../../ui/use-cached-t';

const minutes = (seconds: number) => Math.floor(seconds / 60);

/** Props of QueuePanel. */
export interface QueuePanelProps {
  queue: ShiftQueueItem[];
  nameOf: (arrival: number) => string;
  lang: Lang;
  onServe: (arrival: number) => void;
  /** The heading, for the desk to move focus to (after setting a case aside). */
  headingRef?: RefObject<HTMLHeadingElement | null>;
}

/** One waiting patient's row; redrawn only when what it shows changes (the queue is redrawn on every action). */
const QueueRow = memo(
  function QueueRow({ item, name, lang, onServe }: { item: ShiftQueueItem; name: string; lang: Lang; onServe: (arrival: number) => void }) {
    const t = useCachedT(useTranslation('shift'));
    const paused = item.status === 'paused';
    return (
      <tr className={item.redFlag ? 'shift-queue__row shift-queue__row--flag' : 'shift-queue__row'}>
        <th scope="row">
          <span className="shift-queue__name">{name}</span>
          {item.redFlag && (
            <strong className="red-flag">
              <span aria-hidden="true">⚠ </span>
              {t('common.redFlag')}
            </strong>
          )}
          {paused && <span className="tag">{t('desk.pausedTag')}</span>}
          <span className="shift-queue__meta">
            {item.visit ? `${t(`visit.${item.visit}`)} · ` : ''}
            {t('desk.arrivedAt', { time: item.arrived })}
          </span>
          <span className="shift-queue__case">{item.title[lang]}</span>
        </th>
        <td>
          {t('desk.waitedValue', { minutes: minutes(item.waitedSeconds) })}
          <span className={`shift-queue__mood mood mood--${item.mood}`}>{t(`mood.${item.mood}`)}</span>
        </td>
        <td>
          {/* The visible verb is short; the accessible name says whom (and starts with the same verb). */}
          <button type="button" className="button shift-queue__serve" aria-label={t(paused ? 'desk.resumePatient' : 'desk.serve', { name })} onClick={() => onServe(item.arrival)}>
            {t(paused ? 'desk.resumeShort' : 'desk.serveShort')}
          </button>
        </td>
      </tr>
    );
  },
  (a, b) =>
    a.name === b.name &&
    a.lang === b.lang &&
    a.onServe === b.onServe &&
    a.item.arrival === b.item.arrival &&
    a.item.status === b.item.status &&
    a.item.mood === b.item.mood &&
    a.item.redFlag === b.item.redFlag &&
    a.item.visit === b.item.visit &&
    a.item.arrived === b.item.arrived &&
    a.item.title === b.item.title &&
    minutes(a.item.waitedSeconds) === minutes(b.item.waitedSeconds),
);

/** The waiting room: who waits at the desk, since when, how they feel, and a button to serve each. */
export function QueuePanel({ queue, nameOf, lang, onServe, headingRef }: QueuePanelProps) {
  const t = useCachedT(useTranslation('shift'));
  const headingId = useId();
  // A stable callback, so rows whose patient did not change are not redrawn.
  const serveRef = useRef(onServe);
  useEffect(() => {
    serveRef.current = onServe;
  });
  const serve = useCallback((arrival: number) => serveRef.current(arrival), []);
  return (
    <section className="shift-panel shift-queue" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('desk.queueHeading')} {queue.length > 0 && <span className="shift-panel__count">({queue.length})</span>}
      </h2>
      {queue.length === 0 ? (
        <p>{t('desk.queueEmpty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('desk.colPatient')}</th>
              <th scope="col">{t('desk.colWaitedMood')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('desk.colAction')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {queue.map((item) => (
              <QueueRow key={item.arrival} item={item} name={nameOf(item.arrival)} lang={lang} onServe={serve} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Props of PhonePanel. */
export interface PhonePanelProps {
  calls: ShiftQueueItem[];
  nameOf: (arrival: number) => string;
  lang: Lang;
  onAnswer: (arrival: number) => void;
  onReturn: (arrival: number) => void;
}

/** The phone: ringing calls with the seconds before they hang up, held calls, and callers to call back. */
export function PhonePanel({ calls, nameOf, lang, onAnswer, onReturn }: PhonePanelProps) {
  const t = useCachedT(useTranslation('shift'));
  const headingId = useId();
  return (
    <section className="shift-panel shift-phone" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('desk.phoneHeading')}</h2>
      {calls.length === 0 ? (
        <p>{t('desk.phoneEmpty')}</p>
      ) : (
        <ul className="shift-phone__calls">
          {calls.map((call) => {
            const name = nameOf(call.arrival);
            return (
              <li key={call.arrival} className={`shift-call shift-call--${call.status}`}>
                <span className="shift-call__name">{name}</span> <span className="shift-call__case">({call.title[lang]})</span>
                <span className="shift-call__status">
                  {' — '}
                  {call.status === 'ringing'
                    ? t('desk.ringing', { seconds: Math.max(0, call.secondsLeft ?? 0) })
                    : call.status === 'on-hold'
                      ? t('desk.onHold')
                      : t('desk.abandoned')}
                </span>{' '}
                {call.status === 'ringing' ? (
                  <button type="button" className="button button--primary" onClick={() => onAnswer(call.arrival)}>
                    <span aria-hidden="true">☎ </span>
                    {t('desk.answer', { name })}
                  </button>
                ) : (
                  <button type="button" className="button" onClick={() => onReturn(call.arrival)}>
                    {t(call.status === 'on-hold' ? 'desk.returnHeld' : 'desk.callBack', { name })}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** Simulated seconds per real second the pace offers (0: no pace). */
export const PACES = [0, 10, 30] as const;
/** One of the paces on offer. */
export type Pace = (typeof PACES)[number];

/** The pace as chosen: simulated seconds per real second (0: off) and whether practice paused it. */
export interface PaceSetting {
  rate: Pace;
  paused: boolean;
}

/** A stored pace read back: an unknown rate counts as off, and an assessment is never paused. */
export function paceSetting(stored: { rate: number; paused: boolean } | undefined, mode: RunMode): PaceSetting {
  const rate = (PACES as readonly number[]).includes(stored?.rate ?? 0) ? ((stored?.rate ?? 0) as Pace) : 0;
  return { rate, paused: mode === 'practice' && rate > 0 && (stored?.paused ?? false) };
}

/** Props of PaceControl. */
export interface PaceControlProps {
  mode: RunMode;
  /** False once the shift is over: the timer stops. */
  running: boolean;
  /** The pace now (the attempt keeps it, so it survives a reload). */
  pace: PaceSetting;
  /** Called when the trainee picks a pace or pauses or resumes it. */
  onPace: (next: PaceSetting) => void;
  /** Called once per real second with the simulated seconds to let pass. */
  onElapse: (seconds: number) => void;
}

/**
 * The clock's pace: off, or 1 real second = 10 or 30 simulated seconds, run by a one-second timer.
 * Practice can pause it; in an assessment a chosen pace can neither be paused nor switched off.
 */
export function PaceControl({ mode, running, pace, onPace, onElapse }: PaceControlProps) {
  const t = useCachedT(useTranslation('shift'));
  const selectId = useId();
  const elapseRef = useRef(onElapse);
  useEffect(() => {
    elapseRef.current = onElapse;
  });
  const paused = mode === 'practice' && pace.paused;
  const rate = pace.rate;
  const ticking = running && rate > 0 && !paused;
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => elapseRef.current(rate), 1000);
    return () => clearInterval(timer);
  }, [ticking, rate]);

  const locked = mode === 'assessment' && rate > 0;
  return (
    <div className="shift-pace">
      <label htmlFor={selectId}>{t('desk.paceLabel')}</label>{' '}
      <select id={selectId} value={rate} disabled={locked || !running} onChange={(e) => onPace({ rate: Number(e.target.value) as Pace, paused: false })}>
        <option value={0}>{t('desk.paceOff')}</option>
        <option value={10}>{t('desk.pace10')}</option>
        <option value={30}>{t('desk.pace30')}</option>
      </select>{' '}
      {mode === 'practice' && rate > 0 && running && (
        <button type="button" className="button" aria-pressed={paused} onClick={() => onPace({ rate, paused: !paused })}>
          {paused ? t('desk.resume') : t('desk.pause')}
        </button>
      )}
      {paused && <span className="tag"> {t('desk.paused')}</span>}
      {mode === 'assessment' && <p className="field__hint">{t('desk.assessmentPace')}</p>}
    </div>
  );
}

/** Rooms reported dirty and not yet turned over. */
export function RoomBoard({ rooms, roomName }: { rooms: string[]; roomName: (id: string) => string }) {
  const t = useCachedT(useTranslation('shift'));
  const headingId = useId();
  return (
    <section className="shift-panel shift-rooms" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('desk.roomsHeading')}</h2>
      {rooms.length === 0 ? (
        <p>{t('desk.roomsEmpty')}</p>
      ) : (
        <ul>
          {rooms.map((r) => (
            <li key={r}>
              <span aria-hidden="true">🧹 </span>
              {roomName(r)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * Announces what changed in the shift: new arrivals, ringing calls, closed cases and notices in a
 * polite live region; urgent notices (a walk-in with red flags) in an assertive one. What was already
 * there when the page opened (a resumed shift) is not announced again.
 */
export function ShiftAnnouncer({ view, nameOf, lang }: { view: ShiftView; nameOf: (arrival: number) => string; lang: Lang }) {
  const t = useCachedT(useTranslation('shift'));
  const seen = useRef<{ queue: Set<number>; calls: Set<number>; notices: number; done: number; ended: boolean } | null>(null);
  // The live regions' text is written straight to the DOM: an announcement is a side effect, not state.
  const politeRef = useRef<HTMLParagraphElement>(null);
  const assertiveRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const queue = new Set(view.queue.map((q) => q.arrival));
    const ringing = new Set(view.calls.filter((c) => c.status === 'ringing').map((c) => c.arrival));
    const before = seen.current;
    seen.current = { queue, calls: ringing, notices: view.notices.length, done: view.done, ended: view.status === 'finished' };
    if (!before) return;
    const calm: string[] = [];
    const urgent: string[] = [];
    for (const n of view.notices.slice(before.notices)) (n.type === 'urgent-walk-in' ? urgent : calm).push(n.text[lang]);
    for (const a of queue) if (!before.queue.has(a) && view.queue.find((q) => q.arrival === a)?.status === 'waiting') calm.push(t('desk.announceArrival', { name: nameOf(a) }));
    for (const a of ringing) if (!before.calls.has(a)) calm.push(t('desk.announceCall', { name: nameOf(a) }));
    if (view.done > before.done) calm.push(t('desk.progress', { done: view.done, total: view.total }));
    if (view.status === 'finished' && !before.ended) calm.push(t('desk.announceEnd'));
    if (calm.length > 0 && politeRef.current) politeRef.current.textContent = calm.join(' ');
    if (urgent.length > 0 && assertiveRef.current) assertiveRef.current.textContent = urgent.join(' ');
  }, [view, nameOf, lang, t]);
  return (
    <>
      <p ref={politeRef} className="visually-hidden" aria-live="polite" data-testid="shift-polite" />
      <p ref={assertiveRef} className="visually-hidden" aria-live="assertive" data-testid="shift-assertive" />
    </>
  );
}
