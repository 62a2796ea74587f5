import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Paragraph } from '@rijkshuisstijl-community/components-react';
import { AuthProvider, CALLBACK_PATH, SIGN_IN_PATH, useAuth } from './auth/AuthProvider';
import { Layout } from './components/Layout';
import { homeFor } from './lib/navigation';
import { BeslisnotaPage } from './pages/BeslisnotaPage';
import { CalendarFeedsPage } from './pages/CalendarFeedsPage';
import { CalendarPage } from './pages/CalendarPage';
import { DeadlinePage } from './pages/DeadlinePage';
import { DeadlinesPage } from './pages/DeadlinesPage';
import { InboxPage } from './pages/InboxPage';
import { LoginPage } from './pages/LoginPage';
import { NewNotaPage } from './pages/NewNotaPage';
import { NotaPage } from './pages/NotaPage';
import { NotasPage } from './pages/NotasPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { OidcCallbackPage } from './pages/OidcCallbackPage';
import { SearchPage } from './pages/SearchPage';

// The charts library is large and only management needs it: loaded when the dashboard is opened.
const DashboardPage = lazy(() => import('./pages/DashboardPage').then((module) => ({ default: module.DashboardPage })));

function RequireSession({ children }: { children: ReactNode }) {
  const { session } = useAuth();
  const location = useLocation();
  if (!session) return <Navigate to={SIGN_IN_PATH} replace state={{ from: location.pathname + location.search }} />;
  return children;
}

function Home() {
  const { session } = useAuth();
  return <Navigate to={session ? homeFor(session.profile.role) : SIGN_IN_PATH} replace />;
}

export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <Routes>
          <Route path={SIGN_IN_PATH} element={<LoginPage />} />
          <Route path={CALLBACK_PATH} element={<OidcCallbackPage />} />
          <Route
            element={
              <RequireSession>
                <Layout />
              </RequireSession>
            }
          >
            <Route index element={<Home />} />
            <Route path="taken" element={<InboxPage />} />
            <Route path="notas" element={<NotasPage />} />
            <Route path="notas/nieuw" element={<NewNotaPage />} />
            <Route path="notas/:id" element={<NotaPage />} />
            <Route path="notas/:id/nota-schrijven" element={<BeslisnotaPage />} />
            <Route path="termijnen" element={<DeadlinesPage />} />
            <Route path="termijnen/:id" element={<DeadlinePage />} />
            <Route path="agenda-abonnementen" element={<CalendarFeedsPage />} />
            <Route path="meldingen" element={<NotificationsPage />} />
            <Route path="kalender" element={<CalendarPage />} />
            <Route path="zoeken" element={<SearchPage />} />
            <Route
              path="dashboard"
              element={
                <Suspense fallback={<Paragraph role="status">Dashboard laden…</Paragraph>}>
                  <DashboardPage />
                </Suspense>
              }
            />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </AuthProvider>
    </BrowserRouter>
  );
}
