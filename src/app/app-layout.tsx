import { Suspense, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { LANGS, type Lang } from '../domain/text';
import { useAppStore } from '../stores/app-store';
import { LanguageSwitch } from '../ui/language-switch';
import { PageLayout } from '../ui/page-layout';
import { ErrorBoundary } from './error-boundary';
import { PageLoading } from './page-loading';

const MAIN_ID = 'main';

/**
 * The frame around every page: header with navigation and language switch, main landmark, footer,
 * and the page (`children`) inside an error boundary and the loading state of pages on their way.
 */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.lang);
  const setLang = useAppStore((s) => s.setLang);
  const settingsUnsaved = useAppStore((s) => s.settingsUnsaved);
  const [pathname, navigate] = useLocation();
  useFocusMainOnNavigation(pathname);

  const languageOptions = LANGS.map((value) => ({ value, label: t(`language.${value}`) }));

  return (
    <PageLayout
      mainId={MAIN_ID}
      skipLinkLabel={t('layout.skipLink')}
      brand={
        <Link to="/" className="brand">
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__tagline">{t('app.tagline')}</span>
        </Link>
      }
      nav={
        <nav className="site-nav" aria-label={t('layout.navLabel')}>
          <ul>
            <li>
              <NavLink to="/" exact>
                {t('nav.home')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/library">{t('nav.library')}</NavLink>
            </li>
            <li>
              <NavLink to="/shifts">{t('nav.shifts')}</NavLink>
            </li>
            <li>
              <NavLink to="/como-funciona">{t('nav.about')}</NavLink>
            </li>
          </ul>
        </nav>
      }
      tools={
        <LanguageSwitch<Lang> label={t('language.label')} value={lang} options={languageOptions} onChange={setLang} />
      }
      footer={<p>{t('layout.footer')}</p>}
    >
      <div role="alert" className="notices">
        {settingsUnsaved && <p className="notice notice--warning">{t('language.notSaved')}</p>}
      </div>
      <ErrorBoundary resetKey={pathname} onGoHome={() => navigate('/')}>
        {/* Pages whose strings are still downloading suspend here; a page whose code or data is on its way shows the same state itself (routes.tsx). */}
        <Suspense fallback={<PageLoading />}>{children}</Suspense>
      </ErrorBoundary>
    </PageLayout>
  );
}

/**
 * A link of the main navigation, marked as the current page (aria-current, which the style shows)
 * on its own address and, unless `exact`, on the addresses below it.
 */
function NavLink({ to, exact = false, children }: { to: string; exact?: boolean; children: ReactNode }) {
  const [pathname] = useLocation();
  const current = pathname === to || (!exact && pathname.startsWith(`${to}/`));
  return (
    <Link to={to} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}

/**
 * After an in-app navigation, moves focus to the main landmark so keyboard and screen-reader users
 * start at the new content, as they would after a full page load. The first render is left alone.
 */
function useFocusMainOnNavigation(pathname: string): void {
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.getElementById(MAIN_ID)?.focus();
  }, [pathname]);
}
