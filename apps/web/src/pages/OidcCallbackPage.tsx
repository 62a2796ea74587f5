import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { useAuth, SIGN_IN_PATH } from '../auth/AuthProvider';
import { PublicLayout } from '../components/PublicLayout';
import { RouterLink } from '../components/RouterLink';
import { usePageTitle } from '../lib/page-title';

/** Where the identity provider sends the user back with an authorization code. */
export function OidcCallbackPage() {
  usePageTitle('Aanmelden');
  const { completeOidcSignIn } = useAuth();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string>();
  // React's development double effect would exchange the one-time code twice.
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const params = new URLSearchParams(window.location.search);
    completeOidcSignIn(params).then(
      (returnTo) => navigate(returnTo.startsWith('/') ? returnTo : '/', { replace: true }),
      (error: unknown) => setFailure(error instanceof Error ? error.message : 'Aanmelden lukte niet.'),
    );
  }, [completeOidcSignIn, navigate]);

  return (
    <PublicLayout>
      <Heading level={1}>Aanmelden</Heading>
      {failure ? (
        <Alert type="error">
          <Paragraph>{failure}</Paragraph>
          <Paragraph>
            <RouterLink to={SIGN_IN_PATH}>Opnieuw aanmelden</RouterLink>
          </Paragraph>
        </Alert>
      ) : (
        <Paragraph role="status">U wordt aangemeld…</Paragraph>
      )}
    </PublicLayout>
  );
}
