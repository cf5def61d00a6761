/** The debrief's action-by-action replay of the desk. */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../domain/text';
import { describeEntry } from '../../engine/run/describe-entry';
import { type LogEntry } from '../../engine/format/log';
import { type PreparedShift } from '../../engine/shift/shift';
import { workflows as registry } from '../../machines/registry';
import { ReplayLines, ReplayStepper } from '../../ui/replay-stepper';
import { type ShiftAnalysis, type ShiftMoment } from './shift-analysis';

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
