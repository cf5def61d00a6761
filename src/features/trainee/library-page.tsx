import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import type { Lang } from '../../domain/text';
import { formatDiagnostic } from '../../engine/format/diagnostics';
import { WORKFLOW_IDS } from '../../machines/workflow';
import { caseStatus, type CaseStatus } from '../../stores/attempt-record';
import { useAttemptsStore } from '../../stores/attempts-store';
import { useLibraryStore, type CaseEntry } from '../../stores/library-store';
import { useDocumentTitle } from '../../ui/use-document-title';
import { FILTER_KEYS, filterCases, filtersFrom, filtersToParams, type LibraryFilters } from './library-filters';
import { StorageNotice } from './storage-notice';
import { useAttemptScores } from './use-attempt-scores';
import { useLang } from './use-lang';

const DIFFICULTIES = ['basic', 'intermediate', 'advanced'] as const;
const REGIONS = ['urban', 'rural'] as const;
const SPECIALTIES = ['general', 'pediatrics', 'cardiology', 'gynecology'] as const;
const STATUSES = ['new', 'in-progress', 'passed', 'failed'] as const;

/** The case library: every case with its details and the trainee's status, with filters and search. */
export function LibraryPage() {
  const { t } = useTranslation('trainee');
  const lang = useLang();
  useDocumentTitle(t('library.title'));
  const status = useLibraryStore((s) => s.status);
  const cases = useLibraryStore((s) => s.cases);
  const broken = useLibraryStore((s) => s.broken);
  const attempts = useAttemptsStore((s) => s.attempts);
  const all = useMemo(() => Object.values(attempts), [attempts]);
  const figuresOf = useAttemptScores(all);
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);

  // Figures re-scored from the logs (never the stored summary): cheap to recompute on each render.
  const statuses = new Map<string, CaseStatus>();
  for (const c of cases) statuses.set(c.id, caseStatus(all.filter((a) => a.caseId === c.id), figuresOf));
  const statusOf = (id: string): CaseStatus => statuses.get(id) ?? { kind: 'new' };
  const shown = filterCases(cases, filters, statusOf);

  const update = (key: keyof LibraryFilters, value: string) => setParams(filtersToParams({ ...filters, [key]: value }), { replace: true });
  const active = FILTER_KEYS.some((k) => filters[k] !== '');

  return (
    <article className="library">
      <h1>{t('library.heading')}</h1>
      <p className="lead">{t('library.lead')}</p>
      <StorageNotice />
      {status === 'failed' && (
        <div className="notice notice--error" role="alert">
          <p>{t('library.failed')}</p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {t('library.reload')}
          </button>
        </div>
      )}
      {broken.length > 0 && (
        <section className="notice notice--error" aria-labelledby="broken-heading">
          <h2 id="broken-heading">{t('library.brokenHeading')}</h2>
          <p>{t('library.brokenBody', { count: broken.length })}</p>
          <ul className="broken-files">
            {broken.map((f) => (
              <li key={f.path}>
                <code>{f.path}</code>
                <ul>
                  {f.diagnostics.slice(0, 3).map((d, i) => (
                    <li key={i}>{formatDiagnostic(d, lang)}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}

      <form className="filters" role="search" aria-labelledby="filters-heading" onSubmit={(e) => e.preventDefault()}>
        <h2 id="filters-heading" className="filters__heading">
          {t('library.filters')}
        </h2>
        <TextFilter label={t('library.search')} hint={t('library.searchHint')} value={filters.q} onChange={(v) => update('q', v)} />
        <SelectFilter label={t('library.workflow')} any={t('library.any')} value={filters.workflow} onChange={(v) => update('workflow', v)}
          options={WORKFLOW_IDS.map((w) => [w, t(`workflow.${w}`)])} />
        <SelectFilter label={t('library.difficulty')} any={t('library.any')} value={filters.difficulty} onChange={(v) => update('difficulty', v)}
          options={DIFFICULTIES.map((d) => [d, t(`difficulty.${d}`)])} />
        <SelectFilter label={t('library.region')} any={t('library.any')} value={filters.region} onChange={(v) => update('region', v)}
          options={REGIONS.map((r) => [r, t(`region.${r}`)])} />
        <SelectFilter label={t('library.specialty')} any={t('library.any')} value={filters.specialty} onChange={(v) => update('specialty', v)}
          options={SPECIALTIES.map((s) => [s, t(`specialty.${s}`)])} />
        <SelectFilter label={t('library.status')} any={t('library.any')} value={filters.status} onChange={(v) => update('status', v)}
          options={STATUSES.map((s) => [s, t(`status.${s}`)])} />
        {active && (
          <button type="button" className="button button--link" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            {t('library.clear')}
          </button>
        )}
      </form>

      <p role="status" className="library__count">
        {status === 'ready' || status === 'failed' ? t('library.count', { count: shown.length }) : t('common.loading')}
      </p>
      {status === 'ready' && shown.length === 0 && <p>{cases.length === 0 ? t('library.none') : t('library.empty')}</p>}
      <ul className="case-list">
        {shown.map((c) => (
          <CaseCard key={c.id} scenario={c} status={statusOf(c.id)} lang={lang} />
        ))}
      </ul>
    </article>
  );
}

function CaseCard({ scenario, status, lang }: { scenario: CaseEntry; status: CaseStatus; lang: Lang }) {
  const headingId = useId();
  return (
    <li className="case-card" aria-labelledby={headingId}>
      <div className="case-card__top">
        <h2 id={headingId} className="case-card__title">
          <Link to={`/case/${scenario.id}`}>{scenario.title[lang]}</Link>
        </h2>
        <StatusBadge status={status} />
      </div>
      <p>{scenario.summary[lang]}</p>
      <CaseMeta scenario={scenario} />
    </li>
  );
}

/** A case's facts (workflows, difficulty, region, specialty, minutes) as a description list; shared with the case page. */
export function CaseMeta({ scenario }: { scenario: CaseEntry }) {
  const { t } = useTranslation('trainee');
  return (
    <dl className="case-card__meta">
      <div>
        <dt>{t('library.workflows')}</dt>
        <dd>{scenario.workflows.map((w) => t(`workflow.${w}`)).join(', ')}</dd>
      </div>
      <div>
        <dt>{t('library.difficulty')}</dt>
        <dd>{t(`difficulty.${scenario.difficulty}`)}</dd>
      </div>
      <div>
        <dt>{t('library.region')}</dt>
        <dd>{t(`region.${scenario.region}`)}</dd>
      </div>
      <div>
        <dt>{t('library.specialty')}</dt>
        <dd>{t(`specialty.${scenario.specialty}`)}</dd>
      </div>
      <div>
        <dt>{t('library.duration')}</dt>
        <dd>{t('common.minutes', { count: scenario.minutes })}</dd>
      </div>
    </dl>
  );
}

/** The case's status as text (never colour alone), with the best score when there is one. */
export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation('trainee');
  const best = status.kind === 'passed' || status.kind === 'failed' ? ` (${t('status.best', { percent: Math.round(status.best) })})` : '';
  return <span className={`status-badge status-badge--${status.kind}`}>{t(`status.${status.kind}`) + best}</span>;
}

function TextFilter({ label, hint, value, onChange }: { label: string; hint: string; value: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" value={value} aria-describedby={`${id}-hint`} onChange={(e) => onChange(e.target.value)} />
      <span id={`${id}-hint`} className="field__hint">
        {hint}
      </span>
    </div>
  );
}

function SelectFilter(props: { label: string; any: string; value: string; options: Array<[string, string]>; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.any}</option>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
