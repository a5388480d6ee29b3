import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { http } from '../../api/http';
import { AuthProvider, RequireAuth } from './AuthProvider';
import { SignInForm, SignInPage } from './SignInPage';

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

const ana = { id: 'u1', email: 'ana@example.com', displayName: 'Ana Owner', roles: [] };
const signedOut = { signedIn: false, user: null };
const signedInAs = (user: typeof ana) => ({ signedIn: true, user });
const unauthorized = { type: 'urn:kanban:problem:unauthorized', title: 'Not signed in', status: 401, detail: 'Sign in first.' };

function client() {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('SignInForm', () => {
  it('shows the server’s detail on a 401 and keeps the person on the form', async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) =>
      json(401, {
        ...unauthorized,
        detail: 'That email and password do not match an account, or the account is locked for a few minutes after repeated failures.',
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const onSignedIn = vi.fn();
    render(
      <QueryClientProvider client={client()}>
        <SignInForm onSignedIn={onSignedIn} />
      </QueryClientProvider>,
    );

    fireEvent.change(screen.getByLabelText('Email'), { target: { value: ' ana@example.com ' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong password' } });
    fireEvent.click(screen.getByTestId('signin-submit'));

    const error = await screen.findByTestId('signin-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe(
      'That email and password do not match an account, or the account is locked for a few minutes after repeated failures.',
    );
    expect(screen.getByTestId('signin-password').getAttribute('aria-describedby')).toBe(error.id);
    expect(onSignedIn).not.toHaveBeenCalled();
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/auth/login');
    expect(init!.method).toBe('POST');
    expect(JSON.parse(init!.body as string)).toEqual({ email: 'ana@example.com', password: 'wrong password' });
  });

  it('shows the wait on a 429', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(429, {
          type: 'urn:kanban:problem:too-many-requests',
          status: 429,
          detail: 'Too many sign-in attempts from here or for this account; wait a minute and try again.',
        }),
      ),
    );
    render(
      <QueryClientProvider client={client()}>
        <SignInForm onSignedIn={() => {}} />
      </QueryClientProvider>,
    );
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ana@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'x' } });
    fireEvent.click(screen.getByTestId('signin-submit'));
    expect((await screen.findByTestId('signin-error')).textContent).toMatch(/wait a minute/);
  });

  it('asks for what is missing without calling the server', () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    render(
      <QueryClientProvider client={client()}>
        <SignInForm onSignedIn={() => {}} />
      </QueryClientProvider>,
    );
    fireEvent.click(screen.getByTestId('signin-submit'));
    expect(screen.getByTestId('signin-error').textContent).toBe('Enter your email address.Enter your password.');
    expect(document.activeElement).toBe(screen.getByTestId('signin-email'));
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

function Where() {
  const location = useLocation();
  return <p data-testid="where">{`${location.pathname}${location.search}`}</p>;
}

function renderApp(path: string, queryClient = client()) {
  render(
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <MemoryRouter initialEntries={[path]}>
          <Where />
          <Routes>
            <Route path="/signin" element={<SignInPage />} />
            <Route element={<RequireAuth />}>
              <Route path="/" element={<p>Boards page</p>} />
              <Route path="/boards/:boardId" element={<p>Board page</p>} />
            </Route>
          </Routes>
        </MemoryRouter>
      </AuthProvider>
    </QueryClientProvider>,
  );
  return queryClient;
}

describe('signing in and out of the app', () => {
  it('waits for /api/auth/session without showing the form, then sends a stranger to /signin?next= and back after signing in', async () => {
    let answerMe!: (r: Response) => void;
    const fetchMock = vi.fn((url: string) => {
      if (url === '/api/auth/session') return new Promise<Response>((resolve) => (answerMe = resolve));
      if (url === '/api/auth/login') return Promise.resolve(json(200, ana));
      return Promise.resolve(json(404, {}));
    });
    vi.stubGlobal('fetch', fetchMock);
    renderApp('/boards/b1?x=1');

    expect(screen.getByTestId('auth-loading')).toBeTruthy();
    expect(screen.queryByTestId('signin-form')).toBeNull();

    await act(async () => answerMe(json(200, signedOut)));
    await screen.findByTestId('signin-form');
    expect(screen.getByTestId('where').textContent).toBe('/signin?next=%2Fboards%2Fb1%3Fx%3D1');

    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ana@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'kanban-demo' } });
    fireEvent.click(screen.getByTestId('signin-submit'));

    await screen.findByText('Board page');
    expect(screen.getByTestId('where').textContent).toBe('/boards/b1?x=1');
  });

  it('ignores a next= that leaves the site', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => (url === '/api/auth/session' ? json(200, signedOut) : json(200, ana))));
    renderApp('/signin?next=https%3A%2F%2Fevil.example%2F');
    await screen.findByTestId('signin-form');
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ana@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'kanban-demo' } });
    fireEvent.click(screen.getByTestId('signin-submit'));
    await screen.findByText('Boards page');
    expect(screen.getByTestId('where').textContent).toBe('/');
  });

  it('sends a signed-in person to /signin, keeping the page, when any API call answers 401', async () => {
    const fetchMock = vi.fn(async (url: string) => (url === '/api/auth/session' ? json(200, signedInAs(ana)) : json(401, unauthorized)));
    vi.stubGlobal('fetch', fetchMock);
    renderApp('/boards/b1');
    await screen.findByText('Board page');

    await act(async () => {
      await http.get('/api/boards/b1').catch(() => undefined);
    });
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/signin?next=%2Fboards%2Fb1'));
    expect(screen.getByTestId('signin-form')).toBeTruthy();
  });
});
