import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../ui/use-document-title';

const AUDIENCES = ['trainees', 'instructors', 'schools'] as const;
const WORKFLOWS = ['registration', 'coverage', 'scheduling', 'roomPrep'] as const;

/** The landing page: what the simulator is, for whom, and which desk workflows it trains. */
export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('home.title'));
  return (
    <article className="home">
      <div className="hero">
        <h1>{t('home.heading')}</h1>
        <p className="lead">{t('home.lead')}</p>
      </div>

      <section aria-labelledby="audiences-heading">
        <h2 id="audiences-heading">{t('home.audiencesHeading')}</h2>
        <ul className="card-grid">
          {AUDIENCES.map((audience) => (
            <li key={audience} className="card">
              <h3>{t(`home.${audience}.title`)}</h3>
              <p>{t(`home.${audience}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="workflows-heading">
        <h2 id="workflows-heading">{t('home.workflowsHeading')}</h2>
        <ol className="workflow-list">
          {WORKFLOWS.map((workflow) => (
            <li key={workflow}>
              <h3>{t(`home.workflows.${workflow}.title`)}</h3>
              <p>{t(`home.workflows.${workflow}.body`)}</p>
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
