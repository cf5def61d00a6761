import { Suspense, useCallback, useRef, type ComponentType, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import type { Lang, LocalizedText } from '../../domain/text';
import { clockToSeconds, secondsToClock, type CaseData } from '../../engine/run/case-data';
import type { LogEntry } from '../../engine/format/log';
import type { Run, RunView, SendResult } from '../../engine/run/run';
import type { ScenarioCase } from '../../engine/format/scenario.schema';
import type { PreparedShift, ShiftView } from '../../engine/shift/shift';
import { attemptKind } from '../../stores/attempt-record';
import { useAttemptsStore } from '../../stores/attempts-store';
import { useLibraryStore } from '../../stores/library-store';
import { spokenName } from '../../ui/document-card';
import { ErrorMessage } from '../../ui/error-message';
import { RouteLoading } from '../../ui/route-loading';
import { TabGuard } from '../../ui/tab-guard';
import { UpdateBar } from '../../ui/update-bar';
import { afterThisFrame } from '../../ui/update-mark';
import { useDocumentTitle } from '../../ui/use-document-title';
import { PaceControl, PhonePanel, QueuePanel, RoomBoard, ShiftAnnouncer, type PaceSetting } from './shift-panels';
import { useShiftLibrary, useShiftRun } from './use-shift-run';
import { useLang } from './use-lang';
import './shift.css';
import { useCachedT } from '../../ui/use-cached-t';
import { useQuietState } from '../../ui/use-quiet-state';

/** What the single-case desk needs to show the case being attended (the trainee feature's DeskView fits). */
export interface CaseDeskProps {
  scenario: ScenarioCase;
  attemptId: string;
  view: RunView;
  data: CaseData;
  send: (entry: LogEntry) => SendResult;
  lang: Lang;
  /** Always true here: the case sits inside the shift desk, under its clock. */
  embedded?: boolean;
}

/**
 * `/shift-desk/:attemptId`: the shift desk, resumed from the stored log. The case being attended is
 * drawn by `CaseDesk`, handed in by the app (features do not import each other).
 */
export function ShiftDeskPage({ CaseDesk }: { CaseDesk: ComponentType<CaseDeskProps> }) {
  const { attemptId = '' } = useParams();
  // The case desk's and the tools' strings too, loaded with the page: loading them on the first "Atender" would
  // suspend the whole desk (it blinked to "Cargando…" and lost the keyboard focus).
  const t = useCachedT(useTranslation(['shift', 'trainee', 'tools']));
  const lang = useLang();
  const attempt = useAttemptsStore((s) => s.attempts[attemptId]);
  const save = useAttemptsStore((s) => s.save);
  const shift = useLibraryStore((s) => (attempt && attemptKind(attempt) === 'shift' ? s.loaded.shifts.get(attempt.caseId) : undefined));
  const library = useShiftLibrary();
  const run = useShiftRun(attempt, shift, library, (r) => void save(r));
  useDocumentTitle(shift ? t('desk.title', { title: shift.title[lang] }) : t('desk.notFound'));

  if (!attempt || !shift) {
    return (
      <ErrorMessage
        heading={t('desk.notFound')}
        body={t('desk.notFoundBody')}
        actions={
          <Link to="/shifts" className="button button--primary">
            {t('common.backToShifts')}
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
          <Link to={`/shift/${shift.id}`} className="button button--primary">
            {t('common.backToShifts')}
          </Link>
        }
      />
    );
  }
  return (
    <TabGuard claim={run.claim} text={{ elsewhere: t('tabs.elsewhere'), takeOver: t('tabs.takeOver'), taking: t('tabs.taking') }}>
      <ShiftDeskView
        title={shift.title[lang]}
        attemptId={attempt.id}
        view={run.view}
        activeRun={run.activeRun}
        prepared={run.prepared}
        root={run.root}
        send={run.send}
        elapse={run.elapse}
        pace={run.pace}
        onPace={run.setPace}
        lang={lang}
        CaseDesk={CaseDesk}
      />
    </TabGuard>
  );
}

/** Props of ShiftDeskView: a ready shift. */
export interface ShiftDeskViewProps {
  title: string;
  attemptId: string;
  view: ShiftView;
  /** The run of the case being attended, taken with `view`. */
  activeRun: Run | null;
  prepared: PreparedShift;
  /** Set to the desk's root element, which the shift marks busy from an action until its result is drawn (ui/update-mark.ts). */
  root?: RefObject<HTMLElement | null>;
  send: (entry: LogEntry) => SendResult;
  elapse: (seconds: number) => SendResult;
  /** The real-time pace, kept with the attempt. */
  pace: PaceSetting;
  onPace: (next: PaceSetting) => void;
  lang: Lang;
  CaseDesk: ComponentType<CaseDeskProps>;
}

/** The shift desk: clock and pace, queue, phone, rooms, notices, and the case being attended. */
export function ShiftDeskView({ title, attemptId, view, activeRun, prepared, root, send, elapse, pace, onPace, lang, CaseDesk }: ShiftDeskViewProps) {
  const t = useCachedT(useTranslation('shift'));
  const [rejected, setRejected] = useQuietState<LocalizedText | null>(null);
  const activeHeading = useRef<HTMLHeadingElement>(null);
  const queueHeading = useRef<HTMLHeadingElement>(null);
  // One function for the whole shift, so the attended case's desk is not redrawn by queue changes.
  const act = useCallback(
    (entry: LogEntry): SendResult => {
      const result = send(entry);
      setRejected(result.ok ? null : result.reason);
      return result;
    },
    [send, setRejected],
  );
  /**
   * Actions that remove the control that was used (a served row, an answered call, the case set
   * aside) move focus first, before React removes it: to the case being attended, or back to the
   * waiting room. Keyboard users land where the work continues, and Chromium does not have to
   * recompute style and layout halfway through the update because the focused node went away. The
   * focus moves after the frame that acknowledges the action, just before the update is drawn
   * (moving it lays the page out, which would hold that frame back).
   */
  const actAndFocus = useCallback(
    (entry: LogEntry, target: RefObject<HTMLElement | null>): SendResult => {
      const result = act(entry);
      if (result.ok) afterThisFrame(() => target.current?.focus({ preventScroll: true }));
      return result;
    },
    [act],
  );
  const nameOf = useCallback(
    (arrival: number) => {
      const patient = prepared.cases[arrival]?.data.people.patient;
      return patient ? spokenName(patient.name) : (prepared.cases[arrival]?.scenario.title[lang] ?? String(arrival));
    },
    [prepared, lang],
  );
  const roomName = (id: string) => prepared.cases[0]?.data.clinic.rooms.find((r) => r.id === id)?.name ?? id;
  const finished = view.status === 'finished';
  const endSeconds = clockToSeconds(prepared.shift.end);
  const active = view.active;

  return (
    <article className="shift-desk" ref={root}>
      <UpdateBar />
      <header className="desk__header shift-desk__header">
        <h1>{title}</h1>
        <div className="shift-desk__bar">
          <span className={`mode-badge mode-badge--${view.mode}`}>
            {t('desk.modeLabel')}: {t(`common.${view.mode}`)}
          </span>
          <span role="timer" className="desk__clock">
            {t('desk.clock')}: <strong>{view.clock.text}</strong>
          </span>
          <span>{t('desk.ends', { time: view.clock.end })}</span>
          <span className="desk__actions">{t('desk.progress', { done: view.done, total: view.total })}</span>
          {!finished && (
            <button type="button" className="button" onClick={() => act({ type: 'wait', seconds: Math.max(1, (view.nextAt ?? endSeconds) - view.clock.seconds) })}>
              {view.nextAt !== null ? t('desk.waitNext', { time: secondsToClock(view.nextAt) }) : t('desk.waitEnd', { time: view.clock.end })}
            </button>
          )}
        </div>
        <PaceControl mode={view.mode} running={!finished} pace={pace} onPace={onPace} onElapse={(s) => void elapse(s)} />
      </header>
      <ShiftAnnouncer view={view} nameOf={nameOf} lang={lang} />
      {rejected && (
        <p role="alert" className="notice notice--error">
          {t('desk.rejected', { reason: rejected[lang] })}
        </p>
      )}

      {finished ? (
        <section className="shift-end" aria-labelledby="shift-end-heading">
          <h2 id="shift-end-heading">{t('desk.finishedHeading')}</h2>
          <p>{t('desk.finishedBody', { done: view.done, total: view.total })}</p>
          <Link className="button button--primary" to={`/shift-debrief/${attemptId}`}>
            {t('desk.seeDebrief')}
          </Link>
        </section>
      ) : (
        <div className="shift-desk__grid">
          <div className="shift-desk__side">
            <PhonePanel
              calls={view.calls}
              nameOf={nameOf}
              lang={lang}
              onAnswer={(arrival) => actAndFocus({ type: 'shift.answer', arrival }, activeHeading)}
              onReturn={(arrival) => actAndFocus({ type: 'shift.returnCall', arrival }, activeHeading)}
            />
            <QueuePanel
              queue={view.queue}
              nameOf={nameOf}
              lang={lang}
              headingRef={queueHeading}
              onServe={(arrival) => actAndFocus({ type: 'shift.serve', arrival }, activeHeading)}
            />
            <RoomBoard rooms={view.dirtyRooms} roomName={roomName} />
            <section className="shift-panel shift-notices" aria-labelledby="notices-heading">
              <h2 id="notices-heading">{t('desk.noticesHeading')}</h2>
              {view.notices.length === 0 ? (
                <p>{t('desk.noticesEmpty')}</p>
              ) : (
                <ul>
                  {[...view.notices].reverse().map((n, i) => (
                    <li key={`${n.at}:${i}`} className={n.type === 'urgent-walk-in' ? 'notice notice--warning' : undefined}>
                      {n.type === 'urgent-walk-in' && <span aria-hidden="true">⚠ </span>}
                      {n.text[lang]}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
          <section className="shift-desk__active" aria-labelledby="active-heading">
            <h2 id="active-heading" ref={activeHeading} tabIndex={-1}>
              {t('desk.activeHeading')}
            </h2>
            {active && activeRun ? (
              <>
                <p>
                  {t('desk.activeWho', { name: nameOf(active.arrival), channel: t(`common.${active.channel}`) })}{' '}
                  <button type="button" className="button" onClick={() => actAndFocus(active.channel === 'phone' ? { type: 'shift.hold' } : { type: 'shift.pause' }, queueHeading)}>
                    {active.channel === 'phone' ? t('desk.holdCall') : t('desk.pauseToAttend')}
                  </button>
                </p>
                <div key={active.arrival} className="shift-desk__case">
                  {/* Anything the case desk still has to load waits here, not in place of the whole shift desk. */}
                  <Suspense fallback={<RouteLoading label={t('common.loading')} />}>
                    <CaseDesk scenario={activeRun.context().scenario} attemptId={attemptId} view={active.run} data={activeRun.context().data} send={act} lang={lang} embedded />
                  </Suspense>
                </div>
              </>
            ) : (
              <p>{t('desk.idle')}</p>
            )}
          </section>
        </div>
      )}
    </article>
  );
}
