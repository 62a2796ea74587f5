import { Logo } from '@rijkshuisstijl-community/components-react';

/**
 * The Rijkshuisstijl's logo position: the blue ribbon (lint) at the top of the page with the name beside it. The
 * beeldmerk itself belongs to the ministry's own assets; the ribbon alone keeps the layout recognisable.
 */
export function RijksLogo() {
  return (
    <Logo organisation="notaflow" subtitle="Nota's en Kamerbrieven · Rijksoverheid" className="nf-logo">
      <svg className="nf-logo__ribbon" viewBox="0 0 44 88" width="44" height="88" aria-hidden="true" focusable="false">
        <rect width="44" height="88" fill="#154273" />
        <path d="M22 54c-7-4-11-9-11-16 0-5 3-9 6-11 1 4 3 6 5 6s4-2 5-6c3 2 6 6 6 11 0 7-4 12-11 16z" fill="#fff" />
      </svg>
    </Logo>
  );
}
