import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useLibraryStore } from '../../stores/library-store';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useLang } from './use-lang';

/** `/shifts`: every shift of the library with its clinic, hours and number of arrivals. */
export function ShiftListPage() {
  const { t } = useTranslation('shift');
  const lang = useLang();
  const shifts = useLibraryStore((s) => s.shifts);
  const clinics = useLibraryStore((s) => s.clinics);
  useDocumentTitle(t('list.title'));
  return (
    <article className="shift-list">
      <h1>{t('list.title')}</h1>
      <p className="lead">{t('list.lead')}</p>
      <p>{t('list.count', { count: shifts.length })}</p>
      {shifts.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <ul className="case-list">
          {shifts.map((s) => {
            const arrivals = s.arrivals;
            return (
              <li key={s.id} className="case-card">
                <h2>
                  <Link to={`/shift/${s.id}`}>{s.title[lang]}</Link>
                </h2>
                <p>{s.summary[lang]}</p>
                <dl className="case-card__meta">
                  <div>
                    <dt>{t('list.clinic')}</dt>
                    <dd>{clinics[s.clinic]?.name ?? s.clinic}</dd>
                  </div>
                  <div>
                    <dt>{t('list.span')}</dt>
                    <dd>{t('list.spanValue', { start: s.start, end: s.end })}</dd>
                  </div>
                  <div>
                    <dt>{t('list.arrivals')}</dt>
                    <dd>{t('list.arrivalsValue', { count: arrivals })}</dd>
                  </div>
                </dl>
              </li>
            );
          })}
        </ul>
      )}
    </article>
  );
}
