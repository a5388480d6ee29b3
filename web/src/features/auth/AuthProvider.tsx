import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router-dom';
import { authApi } from '../../api/accounts';
import { queryKeys } from '../../api/boards';
import { isApiError, onUnauthorized } from '../../api/http';
import type { CurrentUser } from '../../api/types';
import { SIGN_IN_PATH, signInPath } from './redirect';

export type AuthState =
  | { status: 'loading' }
  | { status: 'error'; error: Error; retry: () => void }
  | { status: 'signedOut' }
  | { status: 'signedIn'; user: CurrentUser; isAdmin: boolean };

export interface AuthContextValue {
  state: AuthState;
  /** After a successful sign-in: forgets the previous session's data and holds the new user. */
  signedIn: (user: CurrentUser) => void;
  /** Signs out on the server, then forgets everything; the protected pages go to /signin. */
  signOut: () => Promise<void>;
  /** True after signing out on purpose: the way back is the plain sign-in page, not where they were. */
  leftOnPurpose: boolean;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function isAdmin(user: CurrentUser): boolean {
  return user.roles.some((r) => r.toLowerCase() === 'admin');
}

/** Drops every cached answer but who is signed in: the next person must not see the last one's boards. */
function forgetSessionData(queryClient: QueryClient) {
  void queryClient.cancelQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
}

/** Who is signed in (null: nobody). Asks /api/auth/session, which answers 200 to a stranger too, so a signed-out page shows no failed request. */
async function fetchMe(signal?: AbortSignal): Promise<CurrentUser | null> {
  const session = await authApi.session(signal);
  return session.signedIn && session.user ? session.user : null;
}

async function logout(): Promise<void> {
  try {
    await authApi.logout();
  } catch (e) {
    if (isApiError(e) && e.status === 401) return; // already signed out
    if (isApiError(e) && e.status === 403) {
      // A stale antiforgery token: GET /api/auth/session issues a fresh one; try once more.
      await authApi.session();
      await authApi.logout();
      return;
    }
    throw e;
  }
}

/**
 * Who is signed in: GET /api/auth/session on load (signedIn false: nobody), kept in the query cache under `me`. Any 401
 * from the API afterwards (an expired session) marks the person signed out, and the protected pages
 * send them to /signin remembering where they were.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  // Signed out on purpose: go to the plain sign-in page, not back to where they were.
  const [leftOnPurpose, setLeftOnPurpose] = useState(false);

  const me = useQuery({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: (failures, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 2,
  });

  useEffect(
    () =>
      onUnauthorized(() => {
        if (queryClient.getQueryData(queryKeys.me) !== null) queryClient.setQueryData(queryKeys.me, null);
      }),
    [queryClient],
  );

  const signedIn = useCallback(
    (user: CurrentUser) => {
      forgetSessionData(queryClient);
      setLeftOnPurpose(false);
      queryClient.setQueryData(queryKeys.me, user);
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    await logout();
    setLeftOnPurpose(true);
    forgetSessionData(queryClient);
    queryClient.setQueryData(queryKeys.me, null);
  }, [queryClient]);

  const { refetch } = me;
  const state = useMemo<AuthState>(() => {
    if (me.data) return { status: 'signedIn', user: me.data, isAdmin: isAdmin(me.data) };
    if (me.data === null) return { status: 'signedOut' };
    if (me.isError) return { status: 'error', error: me.error, retry: () => void refetch() };
    return { status: 'loading' };
  }, [me.data, me.isError, me.error, refetch]);

  const value = useMemo<AuthContextValue>(
    () => ({ state, signedIn, signOut, leftOnPurpose }),
    [state, signedIn, signOut, leftOnPurpose],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth needs an <AuthProvider> above it.');
  return value;
}

/** The signed-in person, or undefined (outside the protected pages, while loading, or with no provider). */
export function useCurrentUser(): CurrentUser | undefined {
  const state = useContext(AuthContext)?.state;
  return state?.status === 'signedIn' ? state.user : undefined;
}

export function AuthLoading() {
  return (
    <div className="page-state" aria-busy="true" data-testid="auth-loading">
      <h1 className="sr-only">Kanban</h1>
      <p className="muted">Loading…</p>
    </div>
  );
}

export function AuthUnavailable({ error, retry }: { error: Error; retry: () => void }) {
  return (
    <div className="page-state" data-testid="auth-error">
      <h1>Kanban could not be reached</h1>
      <p>{error.message}</p>
      <p className="page-state__actions">
        <button type="button" className="button" onClick={retry}>
          Try again
        </button>
      </p>
    </div>
  );
}

/** The pages behind sign-in: a neutral loading state while GET /api/auth/session answers, then the page or /signin. */
export function RequireAuth({ children }: { children?: ReactNode }) {
  const auth = useAuth();
  const location = useLocation();
  const { state } = auth;

  if (state.status === 'loading') return <AuthLoading />;
  if (state.status === 'error') return <AuthUnavailable error={state.error} retry={state.retry} />;
  if (state.status === 'signedOut') {
    return <Navigate to={auth.leftOnPurpose ? SIGN_IN_PATH : signInPath(location)} replace />;
  }
  return <>{children ?? <Outlet />}</>;
}

/** An Admin's page: others are told it is not theirs (the server refuses them anyway). */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  if (state.status === 'signedIn' && !state.isAdmin) {
    return (
      <div className="page-state" data-testid="admin-only">
        <h1>For administrators only</h1>
        <p>Only an administrator can see and add people. Ask one if you need an account for someone.</p>
        <p>
          <Link to="/">Back to boards</Link>
        </p>
      </div>
    );
  }
  return <>{children}</>;
}
