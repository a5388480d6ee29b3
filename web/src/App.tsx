import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { BrowserRouter, Link, Route, Routes, useLocation } from 'react-router-dom';
import { isApiError } from './api/http';
import { isSharedPage, keepShareTokenOnlyOn, shareToken } from './api/share';
import { EnvironmentBanner } from './components/EnvironmentBanner';
import { BoardPage } from './features/board/BoardPage';
import { ActivityPage } from './features/activity/ActivityPage';
import { AccountHeader } from './features/auth/AccountHeader';
import { AuthProvider, RequireAdmin, RequireAuth, useAuth } from './features/auth/AuthProvider';
import { SignInPage } from './features/auth/SignInPage';
import { BoardsPage } from './features/boards/BoardsPage';
import { PeoplePage } from './features/people/PeoplePage';
import { StandupPage } from './features/standup/StandupPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { NewTicketPage } from './features/tickets/NewTicketPage';
import { TicketPage } from './features/tickets/TicketPage';
import { TriagePage } from './features/tickets/TriagePage';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: true,
        // A 4xx (not signed in, not allowed, not found) does not change by asking again.
        retry: (failures, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 3,
      },
      mutations: { retry: false },
    },
  });
}

function NotFoundPage() {
  return (
    <div className="page-state" data-testid="page-not-found">
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <p>
        <Link to="/">Back to boards</Link>
      </p>
    </div>
  );
}

// The status page and its chart library are a chunk of their own, loaded only when it is opened.
const StatusPage = lazy(() => import('./features/status/StatusPage'));
// The wall is for kiosks: its code (and CSS) stays out of what every other page loads first.
const WallRoute = lazy(() => import('./features/wall/WallPage').then((m) => ({ default: m.WallRoute })));

function LazyPage({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div className="page-state" aria-busy="true" data-testid="page-loading">
          <h1>Loading…</h1>
        </div>
      }
    >
      {children}
    </Suspense>
  );
}

/**
 * The status page: from a status share link it opens without signing in (the server checks the
 * link); otherwise it is a signed-in person's page like any other.
 */
function StatusRoute() {
  const page = (
    <LazyPage>
      <StatusPage />
    </LazyPage>
  );
  return shareToken() ? page : <RequireAuth>{page}</RequireAuth>;
}

function MainNav() {
  const { state } = useAuth();
  if (state.status !== 'signedIn') return null;
  return (
    <nav aria-label="Main" className="app-header__nav">
      <Link to="/">Boards</Link>
      {state.isAdmin && (
        <Link to="/admin/people" data-testid="people-link">
          People
        </Link>
      )}
    </nav>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  // Before the page below renders (and reads): a share link's token is for the share pages only.
  keepShareTokenOnlyOn(pathname);
  if (pathname.startsWith('/wall/')) {
    // The wall: the whole screen for the board, no controls; the environment banner still shows.
    return (
      <div className="wall-root">
        <EnvironmentBanner />
        <main id="main" className="wall-main">
          {children}
        </main>
      </div>
    );
  }
  return (
    <>
      <EnvironmentBanner />
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        {isSharedPage(pathname) ? (
          // Leaving a share page starts the app afresh: nothing read as the link stays in memory.
          <a href="/" className="app-header__brand">
            Kanban
          </a>
        ) : (
          <Link to="/" className="app-header__brand">
            Kanban
          </Link>
        )}
        <MainNav />
        <AccountHeader />
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/signin" element={<SignInPage />} />
      {/* Opened with a share link, without signing in; or by a signed-in member (WallRoute decides). */}
      <Route
        path="/wall/:boardId"
        element={
          <LazyPage>
            <WallRoute />
          </LazyPage>
        }
      />
      <Route path="/wall/*" element={<NotFoundPage />} />
      <Route path="/status/:boardId" element={<StatusRoute />} />
      <Route element={<RequireAuth />}>
        <Route path="/" element={<BoardsPage />} />
        <Route path="/boards/:boardId" element={<BoardPage />} />
        <Route path="/boards/:boardId/settings" element={<SettingsPage />} />
        <Route path="/boards/:boardId/activity" element={<ActivityPage />} />
        <Route path="/boards/:boardId/standup" element={<StandupPage />} />
        <Route path="/boards/:boardId/tickets/new" element={<NewTicketPage />} />
        <Route path="/boards/:boardId/triage" element={<TriagePage />} />
        <Route path="/tickets/:ticketId" element={<TicketPage />} />
        <Route
          path="/admin/people"
          element={
            <RequireAdmin>
              <PeoplePage />
            </RequireAdmin>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <BrowserRouter>
          <Layout>
            <AppRoutes />
          </Layout>
        </BrowserRouter>
      </AuthProvider>
    </QueryClientProvider>
  );
}
