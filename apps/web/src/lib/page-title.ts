import { useEffect } from 'react';

/** Every page its own title (WCAG 2.4.2): what it is first, the application after. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · notaflow`;
  }, [title]);
}
