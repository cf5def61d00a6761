import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { clockToSeconds } from '../../engine/run/case-data';
import { prepareShift } from '../../engine/shift/shift';
import { attemptKind } from '../../stores/attempt-record';
import { useAttemptsStore } from '../../stores/attempts-store';
import { useLibraryStore } from '../../stores/library-store';
import { spokenName } from '../../ui/document-card';
import { ErrorMessage } from '../../ui/error-message';
import { RouteLoading } from '../../ui/route-loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useLang } from './use-lang';
import './shift.css';
import { useShiftLibrary } from './use-shift-run';
import { analyseShift, type ShiftAnalysis } from './shift-analysis';
import { ShiftReplay } from './shift-replay';
import { ShiftTimeline } from './shift-timeline';

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

