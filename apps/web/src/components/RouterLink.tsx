import type { ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router-dom';

/** A link inside the app, styled as the NL Design System link (nl-link) but navigating without a page load. */
export function RouterLink({ className, children, ...props }: LinkProps & { children: ReactNode }) {
  return (
    <Link className={['nl-link', className].filter(Boolean).join(' ')} {...props}>
      {children}
    </Link>
  );
}
