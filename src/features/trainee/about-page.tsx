import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../ui/use-document-title';

const SECTIONS = ['fictional', 'time', 'log', 'settings'] as const;

/** How the simulator works: fictional data, simulated time, the attempt log, local settings. */
export function AboutPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('about.title'));
  return (
    <article className="about">
      <div className="hero">
        <h1>{t('about.heading')}</h1>
        <p className="lead">{t('about.lead')}</p>
      </div>
      {SECTIONS.map((section) => (
        <section key={section} aria-labelledby={`about-${section}`} className="prose-section">
          <h2 id={`about-${section}`}>{t(`about.${section}Heading`)}</h2>
          <p>{t(`about.${section}Body`)}</p>
        </section>
      ))}
    </article>
  );
}
