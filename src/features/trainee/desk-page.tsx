import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'wouter';
import type { Lang } from '../../domain/text';
import type { ClinicFile, ScenarioCase } from '../../engine/format/scenario.schema';
import type { AttemptRecord } from '../../stores/attempt-record';
import { useAttemptsStore } from '../../stores/attempts-store';
import { useLibraryStore } from '../../stores/library-store';
import { ErrorMessage } from '../../ui/error-message';
import { RouteLoading } from '../../ui/route-loading';
import { TabGuard } from '../../ui/tab-guard';
import { useDocumentTitle } from '../../ui/use-document-title';
import { downloadAttempt, startAttempt } from './attempt-actions';
import { DeskView } from './desk/desk-view';
import { useAttemptRun } from './use-attempt-run';
import { useLang } from './use-lang';

/** The desk: one attempt's run, resumed from its stored log. */
export function DeskPage() {
  const { attemptId = '' } = useParams();
  // The tools' strings load with the desk, not with the first task (which would wait for them).
  const { t } = useTranslation(['trainee', 'tools']);
  const lang = useLang();
  const attempt = useAttemptsStore((s) => s.attempts[attemptId]);
  const save = useAttemptsStore((s) => s.save);
  const scenario = useLibraryStore((s) => (attempt ? s.loaded.cases.get(attempt.caseId) : undefined));
  const clinic = useLibraryStore((s) => (scenario ? s.loaded.clinics.get(scenario.clinic) : undefined));
  const title = scenario?.title[lang];
  useDocumentTitle(useMemo(() => (title === undefined ? t('desk.notFound') : t('desk.title', { title })), [t, title]));

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
  return <AttemptDesk attempt={attempt} scenario={scenario} clinic={clinic} save={save} lang={lang} t={t} />;
}

/** Props of AttemptDesk: what DeskPage looked up. */
interface AttemptDeskProps {
  attempt: AttemptRecord;
  scenario: ScenarioCase;
  clinic: ClinicFile | undefined;
  save: (record: AttemptRecord) => unknown;
  lang: Lang;
  t: TFunction<['trainee', 'tools']>;
}

/**
 * The attempt's run on the desk. A component of its own so that an action redraws from here down,
 * without the page's lookups (address, strings, stores, title) running again.
 */
function AttemptDesk({ attempt, scenario, clinic, save, lang, t }: AttemptDeskProps) {
  const run = useAttemptRun(attempt, scenario, clinic, (r) => void save(r));
  if (run.state === 'loading') return <RouteLoading label={t('common.loading')} />;
  if (run.state === 'failed') {
    return (
      <ErrorMessage
        heading={t('desk.unplayable')}
        body={t('desk.unplayableBody', { reason: run.reason[lang] })}
        actions={
          <>
            <StartOverButton caseId={scenario.id} mode={attempt.log.mode} label={t('desk.startOver')} />
            <button type="button" className="button" onClick={() => downloadAttempt(attempt)}>
              {t('common.export')}
            </button>
          </>
        }
      />
    );
  }
  return (
    <TabGuard claim={run.claim} text={{ elsewhere: t('tabs.elsewhere'), takeOver: t('tabs.takeOver'), taking: t('tabs.taking') }}>
      <DeskView scenario={scenario} attemptId={attempt.id} view={run.view} data={run.data} send={run.send} lang={lang} root={run.root} />
    </TabGuard>
  );
}

/**
 * Starts a new attempt of the case and goes to its desk. A component of its own so that the desk,
 * which redraws after every action, does not also follow the address.
 */
function StartOverButton({ caseId, mode, label }: { caseId: string; mode: AttemptRecord['log']['mode']; label: string }) {
  const [, navigate] = useLocation();
  return (
    <button type="button" className="button button--primary" onClick={() => navigate(`/desk/${startAttempt(caseId, mode)}`)}>
      {label}
    </button>
  );
}

export { DeskView, type DeskViewProps } from './desk/desk-view';
