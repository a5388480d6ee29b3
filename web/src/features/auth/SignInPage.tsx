import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { authApi } from '../../api/accounts';
import { isApiError } from '../../api/http';
import type { CurrentUser, LoginRequest } from '../../api/types';
import { AuthLoading, AuthUnavailable, useAuth } from './AuthProvider';
import { nextFromSearch } from './redirect';
import { useDocumentTitle } from '../../components/PageState';

/** What the sign-in form says about a refused sign-in: the server's detail (401, 429), or each field's message (400). */
export function signInErrorMessages(error: unknown): string[] {
  if (!error) return [];
  if (isApiError(error)) {
    if (error.status === 400) {
      const fields = Object.values(error.fieldErrors).flat();
      if (fields.length > 0) return fields;
    }
    if (error.status === 401) {
      return [error.problem.detail ?? 'That email and password do not match an account.'];
    }
    if (error.status === 429) {
      return [error.problem.detail ?? 'Too many sign-in attempts; wait a minute and try again.'];
    }
    return [error.message];
  }
  return [error instanceof Error && error.message ? error.message : 'Signing in did not work. Try again.'];
}

export function SignInPage() {
  const auth = useAuth();
  const location = useLocation();
  const next = nextFromSearch(location.search);

  useDocumentTitle('Sign in · Kanban');

  const { state } = auth;
  if (state.status === 'signedIn') return <Navigate to={next} replace />;
  if (state.status === 'loading') return <AuthLoading />;
  if (state.status === 'error') return <AuthUnavailable error={state.error} retry={state.retry} />;
  return <SignInForm onSignedIn={auth.signedIn} returning={next !== '/'} />;
}

export interface SignInFormProps {
  onSignedIn: (user: CurrentUser) => void;
  /** The person was sent here from a page they will go back to. */
  returning?: boolean;
}

export function SignInForm({ onSignedIn, returning = false }: SignInFormProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const login = useMutation<CurrentUser, Error, LoginRequest>({
    mutationFn: (body) => authApi.login(body),
    onSuccess: onSignedIn,
  });
  const id = useId();
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const messages = missing.length > 0 ? missing : signInErrorMessages(login.error);
  const errorId = `${id}-error`;

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const trimmed = email.trim();
    const empty = [
      !trimmed && 'Enter your email address.',
      !password && 'Enter your password.',
    ].filter((m): m is string => Boolean(m));
    setMissing(empty);
    if (empty.length > 0) {
      (trimmed ? passwordRef : emailRef).current?.focus();
      return;
    }
    login.mutate({ email: trimmed, password });
  };

  return (
    <div className="signin">
      <form className="form panel signin__form" onSubmit={submit} noValidate data-testid="signin-form" aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>Sign in</h1>
        <p className="muted signin__intro">
          {returning ? 'Sign in to go back to the page you were on.' : 'Sign in with the account an administrator made for you.'}
        </p>
        {messages.length > 0 && (
          <div className="alert" role="alert" id={errorId} data-testid="signin-error">
            <div>
              {messages.map((m) => (
                <p className="alert__text" key={m}>
                  {m}
                </p>
              ))}
            </div>
          </div>
        )}
        <div className="form__field">
          <label htmlFor={`${id}-email`}>Email</label>
          <input
            ref={emailRef}
            id={`${id}-email`}
            name="email"
            type="email"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={messages.length > 0 || undefined}
            aria-describedby={messages.length > 0 ? errorId : undefined}
            data-testid="signin-email"
          />
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-password`}>Password</label>
          <input
            ref={passwordRef}
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={messages.length > 0 || undefined}
            aria-describedby={messages.length > 0 ? errorId : undefined}
            data-testid="signin-password"
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={login.isPending} data-testid="signin-submit">
            {login.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
      </form>
    </div>
  );
}
