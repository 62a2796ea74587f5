import { useRef, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { DEMO_USERS } from '@notaflow/domain';
import { ApiError } from '../api/client';
import type { AuthConfig } from '../api/types';
import { useApi } from '../api/use-api';
import { useAuth } from '../auth/AuthProvider';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/Fields';
import { PublicLayout } from '../components/PublicLayout';
import { ROLE_LABELS } from '../lib/labels';
import { homeFor } from '../lib/navigation';
import { usePageTitle } from '../lib/page-title';
import type { FieldErrors } from '../lib/problem';

export function LoginPage() {
  usePageTitle('Aanmelden');
  const { session, expired, signInDemo, startOidcSignIn } = useAuth();
  const config = useApi('/api/v1/auth/config');
  const location = useLocation();
  const navigate = useNavigate();
  const returnTo = (location.state as { from?: string } | null)?.from;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  if (session) return <Navigate to={returnTo ?? homeFor(session.profile.role)} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FieldErrors = {};
    if (!username.trim()) missing.username = 'Vul uw gebruikersnaam in.';
    if (!password) missing.password = 'Vul uw wachtwoord in.';
    setErrors(missing);
    setFailure(undefined);
    if (Object.keys(missing).length) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setBusy(true);
    try {
      await signInDemo(username.trim(), password);
      // The session is set; the redirect above takes over on the next render.
      if (returnTo) void navigate(returnTo, { replace: true });
    } catch (error) {
      setFailure(
        error instanceof ApiError && error.status === 401
          ? 'Deze combinatie van gebruikersnaam en wachtwoord kennen we niet.'
          : error instanceof ApiError
            ? error.message
            : 'Aanmelden lukte niet. Probeer het opnieuw.',
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <PublicLayout>
      <Heading level={1}>Aanmelden</Heading>
      <Paragraph>
        notaflow brengt nota&apos;s van de directie via de parafenlijn, de bewindspersoon, de medeondertekenende
        ministeries en de ministerraad naar de Tweede Kamer.
      </Paragraph>
      {expired && (
        <Alert type="info">
          <Paragraph>Uw sessie is verlopen. Meld u opnieuw aan om verder te gaan.</Paragraph>
        </Alert>
      )}
      {config.error && (
        <Alert type="error">
          <Paragraph>{config.error.message}</Paragraph>
        </Alert>
      )}
      {config.data?.mode === 'oidc' &&
        (config.data.oidc ? (
          <div className="nf-stack">
            <Paragraph>U meldt zich aan met het account van uw organisatie.</Paragraph>
            <Button
              appearance="primary-action-button"
              onClick={() => void startOidcSignIn(config.data as AuthConfig, returnTo ?? '/')}
            >
              Aanmelden met uw organisatieaccount
            </Button>
          </div>
        ) : (
          <Alert type="error">
            <Paragraph>Aanmelden via de identiteitsprovider is niet ingericht (OIDC_CLIENT_ID ontbreekt).</Paragraph>
          </Alert>
        ))}
      {config.data?.mode === 'demo' && (
        <>
          <ErrorSummary
            ref={summary}
            items={Object.entries(errors).map(([name, message]) => ({ target: name, message }))}
          />
          {failure && (
            <Alert type="error" role="alert">
              <Paragraph>{failure}</Paragraph>
            </Alert>
          )}
          <form className="nf-form" onSubmit={(event) => void submit(event)} noValidate>
            <TextField
              id="username"
              label="Gebruikersnaam"
              value={username}
              onChange={setUsername}
              autoComplete="username"
              width="md"
              error={errors.username}
            />
            <TextField
              id="password"
              label="Wachtwoord"
              type="password"
              value={password}
              onChange={setPassword}
              autoComplete="current-password"
              width="md"
              error={errors.password}
            />
            <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
              Aanmelden
            </Button>
          </form>
          <details className="nf-details">
            <summary>Demo-gebruikers (wachtwoord: demo)</summary>
            <table className="utrecht-table nf-table">
              <caption className="nf-visually-hidden">Demo-gebruikers met hun rol</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th className="utrecht-table__header-cell" scope="col">
                    Gebruikersnaam
                  </th>
                  <th className="utrecht-table__header-cell" scope="col">
                    Rol
                  </th>
                  <th className="utrecht-table__header-cell" scope="col">
                    Organisatie
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {DEMO_USERS.map((user) => (
                  <tr className="utrecht-table__row" key={user.username}>
                    <td className="utrecht-table__cell">
                      <button
                        type="button"
                        className="nf-link-button"
                        onClick={() => {
                          setUsername(user.username);
                          setPassword('demo');
                          document.getElementById('username')?.focus();
                        }}
                      >
                        <span className="nf-visually-hidden">Invullen: </span>
                        {user.username}
                      </button>
                    </td>
                    <td className="utrecht-table__cell">{ROLE_LABELS[user.role]}</td>
                    {/* The registry's names need a session (GET /organisations); the code says enough here. */}
                    <td className="utrecht-table__cell">{user.organisation}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </PublicLayout>
  );
}
