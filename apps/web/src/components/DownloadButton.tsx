import { useState, type ReactNode } from 'react';
import { Button } from '@rijkshuisstijl-community/components-react';
import { ApiError } from '../api/client';

interface DownloadButtonProps {
  /** Fetches and saves the file. */
  download(): Promise<void>;
  children: ReactNode;
  appearance?: 'primary-action-button' | 'secondary-action-button' | 'subtle-button';
}

/**
 * A button that saves a file fetched with the session's token; busy while it comes, and what went wrong (a damaged
 * document: integrity_error) said beside it.
 */
export function DownloadButton({ download, children, appearance = 'secondary-action-button' }: DownloadButtonProps) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  return (
    <span className="nf-download">
      <Button
        appearance={appearance}
        type="button"
        busy={busy}
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setFailure(undefined);
          void download()
            .catch((error: unknown) =>
              setFailure(error instanceof ApiError ? error.message : 'Downloaden lukte niet. Probeer het opnieuw.'),
            )
            .finally(() => setBusy(false));
        }}
      >
        {children}
      </Button>
      <span role="alert" className="nf-download__failure">
        {failure}
      </span>
    </span>
  );
}
