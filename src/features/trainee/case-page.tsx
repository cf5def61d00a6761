import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'wouter';
import type { RunMode } from '../../engine/run/run';
import { caseStatus } from '../../stores/attempt-record';
import { useAttemptsStore } from '../../stores/attempts-store';
import { useLibraryStore } from '../../stores/library-store';
import { ErrorMessage } from '../../ui/error-message';
import { useDocumentTitle } from '../../ui/use-document-title';
import { parseSeed, startAttempt } from './attempt-actions';
import { CaseMeta, StatusBadge } from './library-page';
import { StorageNotice } from './storage-notice';
import { useAttemptScores } from './use-attempt-scores';
import { useLang } from './use-lang';

/** A case's details, the trainee's attempts at it, and the buttons that start practice or assessment. */
export function CasePage() {
  const { caseId = '' } = useParams();
  const { t } = useTranslation('trainee');
  const lang = useLang();
  const [, navigate] = useLocation();
  // `?seed=n` fixes the variant (same generated people), so an instructor can hand out one exact case.
  const fixedSeed = parseSeed(useSearchParams()[0].get('seed'));
  const scenario = useLibraryStore((s) => s.loaded.cases.get(caseId));
  const stored = useAttemptsStore((s) => s.attempts);
  const attempts = useMemo(
    () => Object.values(stored).filter((a) => a.caseId === caseId).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    [stored, caseId],
  );
  const figuresOf = useAttemptScores(attempts);
  useDocumentTitle(scenario ? t('case.title', { title: scenario.title[lang] }) : t('case.notFoundTitle'));

  if (!scenario) {
    return (
      <ErrorMessage
        heading={t('case.notFound')}
        body={t('case.notFoundBody', { id: caseId })}
        actions={
          <Link to="/library" className="button button--primary">
            {t('common.backToLibrary')}
          </Link>
        }
      />
    );
  }

  const start = (mode: RunMode) => {
    const previous = attempts.find((a) => a.log.mode === mode);
    navigate(`/desk/${startAttempt(scenario.id, mode, previous?.log.seed, fixedSeed)}`);
  };

  return (
    <article className="case-page">
      <p>
        <Link to="/library">{t('common.backToLibrary')}</Link>
      </p>
      <h1>{scenario.title[lang]}</h1>
      <StatusBadge status={caseStatus(attempts, figuresOf)} />
      <p className="lead">{scenario.summary[lang]}</p>
      <StorageNotice />
      <section aria-labelledby="objectives-heading">
        <h2 id="objectives-heading">{t('case.objectives')}</h2>
        <ul>
          {scenario.objectives.map((o) => (
            <li key={o.en}>{o[lang]}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{t('case.details')}</h2>
        <CaseMeta scenario={scenario} />
      </section>
      {fixedSeed !== undefined && <p className="notice notice--info">{t('case.fixedSeed', { seed: fixedSeed })}</p>}
      <div className="start-buttons">
        <div>
          <button type="button" className="button button--primary" onClick={() => start('practice')}>
            {t('case.startPractice')}
          </button>
          <p className="field__hint">{t('case.practiceHelp')}</p>
        </div>
        <div>
          <button type="button" className="button" onClick={() => start('assessment')}>
            {t('case.startAssessment')}
          </button>
          <p className="field__hint">{t('case.assessmentHelp')}</p>
          {!scenario.assessment && <p className="field__hint">{t('case.assessmentFixedData')}</p>}
        </div>
      </div>
      <section aria-labelledby="attempts-heading">
        <h2 id="attempts-heading">{t('case.attempts')}</h2>
        {attempts.length === 0 ? (
          <p>{t('case.noAttempts')}</p>
        ) : (
          <ul className="attempt-list">
            {attempts.map((a) => {
              const figures = figuresOf(a);
              return (
                <li key={a.id}>
                  {t('case.attemptLine', { mode: t(`common.${a.log.mode}`), date: new Date(a.updatedAt).toLocaleString(lang) })}
                  {' — '}
                  {figures === undefined ? (
                    t('status.checking')
                  ) : figures.finished ? (
                    <Link to={`/debrief/${a.id}`}>
                      {t('case.viewDebrief')} ({t(figures.passed ? 'status.passed' : 'status.failed')}, {Math.round(figures.percent)} %)
                    </Link>
                  ) : (
                    <Link to={`/desk/${a.id}`}>{t('case.continue')}</Link>
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
