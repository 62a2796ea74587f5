import type { ReactNode } from 'react';
import { SkipLink } from '@rijkshuisstijl-community/components-react';
import { RijksLogo } from './RijksLogo';

/** The frame of the pages before signing in: the same header and footer, without navigation. */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className="nf-page">
      <SkipLink href="#inhoud">Direct naar de inhoud</SkipLink>
      <header className="nf-header">
        <div className="nf-header__inner">
          <RijksLogo />
        </div>
        <div className="nf-nav nf-nav--empty" />
      </header>
      <main id="inhoud" className="nf-main nf-main--narrow" tabIndex={-1}>
        {children}
      </main>
      <footer className="nf-footer">
        <div className="nf-footer__inner">
          <p className="nf-footer__motto">notaflow · van directie tot Tweede Kamer</p>
        </div>
      </footer>
    </div>
  );
}
