import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { Alert, Paragraph } from '@rijkshuisstijl-community/components-react';

/**
 * What a page says once after an action: the message travels with the location (`state.flash`), so it is read once
 * and survives the reload of the page's data. `show` says it on this page.
 */
export function useFlash(): { message: string | undefined; show(message: string): void } {
  const location = useLocation();
  const navigate = useNavigate();
  return {
    message: (location.state as { flash?: string } | null)?.flash,
    show: (message) => void navigate(location.pathname, { replace: true, state: { flash: message } }),
  };
}

/** The message, focused when it comes so that a screen reader user hears it. */
export function Flash({ message }: { message: string | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <div ref={ref} tabIndex={-1} className="nf-flash">
      <Alert type="ok" role="status">
        <Paragraph>{message}</Paragraph>
      </Alert>
    </div>
  );
}
