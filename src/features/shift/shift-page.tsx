import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'wouter';
import type { RunMode } from '../../engine/run/run';
import { attemptKind } from '../../stores/attempt-record';
import { useAttemptsStore } from '../../stores/attempts-store';
import { useLibraryStore } from '../../stores/library-store';
import { ErrorMessage } from '../../ui/error-message';
import { useDocumentTitle } from '../../ui/use-document-title';
import { startShiftAttempt } from './shift-actions';
import { useLang } from './use-lang';
import { useShiftScores } from './use-shift-scores';

/** `/shift/:shiftId`: a shift's details, the trainee's attempts at it, and the start buttons. */
export function ShiftPage() {
  const { shiftId = '' } = useParams();
  const { t } = useTranslation('shift');
  const lang = useLang();
  const [, navigate] = useLocation();
  // `?seed=n` fixes the variant (same people in every arrival), so an instructor can hand out one exact shift.
  const seedParam = useSearchParams()[0].get('seed');
  const fixedSeed = seedParam !== null && /^\d{1,9}$/.test(seedParam) ? Number(seedParam) : undefined;
  const shift = useLibraryStore((s) => s.loaded.shifts.get(shiftId));
  const cases = useLibraryStore((s) => s.cases);
  const clinics = useLibraryStore((s) => s.clinics);
  const stored = useAttemptsStore((s) => s.attempts);
  const attempts = useMemo(
    () =>
      Object.values(stored)
        .filter((a) => attemptKind(a) === 'shift' && a.caseId === shiftId)
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    [stored, shiftId],
  );
  const figuresOf = useShiftScores(attempts);
  useDocumentTitle(shift ? t('details.title', { title: shift.title[lang] }) : t('details.notFound'));

  if (!shift) {
    return (
      <ErrorMessage
        heading={t('details.notFound')}
        body={t('details.notFoundBody', { id: shiftId })}
        actions={
          <Link to="/shifts" className="button button--primary">
            {t('common.backToShifts')}
          </Link>
        }
      />
    );
  }

  const start = (mode: RunMode) => {
    const previous = attempts.find((a) => a.log.mode === mode);
    navigate(`/shift-desk/${startShiftAttempt(shift.id, mode, previous?.log.seed, fixedSeed)}`);
  };
  const titleOf = (id: string) => cases.find((c) => c.id === id)?.title[lang] ?? id;
  const arrivals = [
    ...shift.arrivals.map((a) => ({ at: a.at, caseId: a.case, channel: a.channel })),
    ...shift.events.flatMap((e) => (e.case === undefined ? [] : [{ at: e.at, caseId: e.case, channel: e.channel ?? ('desk' as const) }])),
  ].sort((a, b) => a.at.localeCompare(b.at));

  return (
    <article className="case-page">
      <p>
        <Link to="/shifts">{t('common.backToShifts')}</Link>
      </p>
      <h1>{shift.title[lang]}</h1>
      <p className="lead">{shift.summary[lang]}</p>
      <p>
        {clinics[shift.clinic]?.name ?? shift.clinic} · {t('list.spanValue', { start: shift.start, end: shift.end })}
      </p>
      <section aria-labelledby="objectives-heading">
        <h2 id="objectives-heading">{t('details.objectives')}</h2>
        <ul>
          {shift.objectives.map((o) => (
            <li key={o.en}>{o[lang]}</li>
          ))}
        </ul>
        <p>{t('details.targets', { wait: shift.targets.waitMinutes, redFlag: shift.targets.redFlagMinutes, rings: shift.targets.callRings })}</p>
      </section>
      <section aria-labelledby="arrivals-heading">
        <h2 id="arrivals-heading">{t('details.arrivalsHeading')}</h2>
        <ul>
          {arrivals.map((a, i) => (
            <li key={i}>{t('details.arrivalLine', { at: a.at, title: titleOf(a.caseId), channel: t(`common.${a.channel}`) })}</li>
          ))}
        </ul>
      </section>
      <div className="start-buttons">
        <div>
          <button type="button" className="button button--primary" onClick={() => start('practice')}>
            {t('details.startPractice')}
          </button>
          <p className="field__hint">{t('details.practiceHelp')}</p>
        </div>
        <div>
          <button type="button" className="button" onClick={() => start('assessment')}>
            {t('details.startAssessment')}
          </button>
          <p className="field__hint">{t('details.assessmentHelp')}</p>
        </div>
      </div>
      <section aria-labelledby="attempts-heading">
        <h2 id="attempts-heading">{t('details.attempts')}</h2>
        {attempts.length === 0 ? (
          <p>{t('details.noAttempts')}</p>
        ) : (
          <ul className="attempt-list">
            {attempts.map((a) => {
              const figures = figuresOf(a);
              return (
                <li key={a.id}>
                  {t('details.attemptLine', { mode: t(`common.${a.log.mode}`), date: new Date(a.updatedAt).toLocaleString(lang) })}
                  {' — '}
                  {figures === undefined ? (
                    t('details.checking')
                  ) : figures.finished ? (
                    <Link to={`/shift-debrief/${a.id}`}>
                      {t('details.viewDebrief')} ({t(figures.passed ? 'debrief.passed' : 'debrief.failed')}, {Math.round(figures.percent)} %)
                    </Link>
                  ) : (
                    <Link to={`/shift-desk/${a.id}`}>{t('details.continue')}</Link>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </article>
  );
}
