import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { Button, SkipLink } from '@rijkshuisstijl-community/components-react';
import { useOrganisations } from '../api/organisations';
import { useAuth, useProfile } from '../auth/AuthProvider';
import { ROLE_LABELS } from '../lib/labels';
import { NAVIGATION } from '../lib/navigation';
import { NotificationBell } from './NotificationBell';
import { RijksLogo } from './RijksLogo';
import { SearchBox } from './SearchBox';

/** The frame of every signed-in page: skip link, header with logo and user, main navigation, content, footer. */
export function Layout() {
  const profile = useProfile();
  const organisations = useOrganisations();
  const { signOut } = useAuth();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const items = NAVIGATION[profile.role];

  // A single-page app does not move focus on navigation the way a page load does; screen reader and keyboard
  // users land on the new page's heading instead of on the link they followed.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = main.current?.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: false });
    } else {
      main.current?.focus();
    }
  }, [location.pathname]);

  return (
    <div className="nf-page">
      <SkipLink href="#inhoud">Direct naar de inhoud</SkipLink>
      <header className="nf-header">
        <div className="nf-header__inner">
          <RijksLogo />
          <SearchBox />
          <div className="nf-header__user">
            <NotificationBell />
            <div className="nf-header__who">
              <span className="nf-header__name">{profile.displayName}</span>
              <span className="nf-header__role">
                {ROLE_LABELS[profile.role]} · {organisations.name(profile.organisation)}
              </span>
            </div>
            <Button appearance="secondary-action-button" onClick={signOut}>
              Afmelden
            </Button>
          </div>
        </div>
        <nav className="nf-nav" aria-label="Hoofdmenu">
          <ul className="nf-nav__list">
            {items.map((item) => (
              <li key={item.to} className="nf-nav__item">
                <NavLink
                  to={item.to}
                  // '/notas' stays current on a nota's own page, but not on '/notas/nieuw', which has its own item.
                  end={items.some((other) => other.to.startsWith(`${item.to}/`))}
                  className="nf-nav__link"
                >
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="inhoud" className="nf-main" ref={main} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="nf-footer">
        <div className="nf-footer__inner">
          <p className="nf-footer__motto">notaflow · van directie tot Tweede Kamer</p>
          <ul className="nf-footer__links">
            <li>
              <a className="nl-link nf-footer__link" href="/api/v1/openapi.json">
                API-beschrijving (OpenAPI)
              </a>
            </li>
          </ul>
        </div>
      </footer>
    </div>
  );
}
