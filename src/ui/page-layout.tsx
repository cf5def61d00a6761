import type { ReactNode } from 'react';
import { SkipLink } from './skip-link';

/** Props of PageLayout; every text arrives already translated. */
export interface PageLayoutProps {
  skipLinkLabel: string;
  /** Product name or logo, shown first in the header. */
  brand: ReactNode;
  /** Main navigation, usually a <nav> with links. */
  nav: ReactNode;
  /** Header tools such as the language switch. */
  tools?: ReactNode;
  footer: ReactNode;
  children: ReactNode;
  /** id of the main landmark, the skip link's target. */
  mainId?: string;
}

/** The page frame: skip link, banner, one main landmark and a footer, in that order. */
export function PageLayout({ skipLinkLabel, brand, nav, tools, footer, children, mainId = 'main' }: PageLayoutProps) {
  return (
    <div className="page">
      <SkipLink targetId={mainId} label={skipLinkLabel} />
      <header className="site-header">
        <div className="site-header__inner">
          <div className="site-header__brand">{brand}</div>
          {nav}
          {tools !== undefined && <div className="site-header__tools">{tools}</div>}
        </div>
      </header>
      {/* tabIndex -1 lets the skip link and route changes move focus here without adding a tab stop. */}
      <main id={mainId} className="site-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">{footer}</div>
      </footer>
    </div>
  );
}
