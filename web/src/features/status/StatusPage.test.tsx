import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../api/boards';
import { setShareToken } from '../../api/share';
import { AuthProvider } from '../auth/AuthProvider';
import StatusPage, { defaultRange, RangeForm } from './StatusPage';
import { cfdFixture, cycleFixture, makeStatus } from './statusFixture';

// The page's live link: the test plays the hub, through the callback the page gives it.
const hub = vi.hoisted(() => ({
  onEvent: undefined as ((kind: string) => void) | undefined,
  extraEvents: [] as readonly string[],
  enabled: undefined as boolean | undefined,
  state: 'connected' as string,
}));
vi.mock('../board/useBoardHub', () => ({
  useBoardHub: (_boardId: string, enabled: boolean, options: { onEvent?: (kind: string) => void; extraEvents?: readonly string[] }) => {
    hub.enabled = enabled;
    hub.onEvent = options.onEvent;
    hub.extraEvents = options.extraEvents ?? [];
    return { state: hub.state, revokedReason: 'The status link was revoked.' };
  },
}));

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });
}

const throughputFixture = { from: cfdFixture.from, to: cfdFixture.to, perDay: [], perWeek: [{ weekStart: '2026-11-30', count: 4 }], wip: [] };

function answer(url: string): Response {
  const path = url.split('?')[0]!;
  if (path.endsWith('/status')) return json(200, makeStatus());
  if (path.endsWith('/metrics/cfd')) return json(200, cfdFixture);
  if (path.endsWith('/metrics/cycle-times')) return json(200, cycleFixture);
  if (path.endsWith('/metrics/throughput')) return json(200, throughputFixture);
  if (path === '/api/auth/session') return json(200, { signedIn: false });
  return json(404, { status: 404 });
}

function renderPage(user: { id: string } | null = null) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  client.setQueryData(queryKeys.me, user ? { id: user.id, email: 'a@example.com', displayName: 'Ana Owner', roles: [] } : null);
  render(
    <QueryClientProvider client={client}>
      <AuthProvider>
        <MemoryRouter initialEntries={['/status/board-1']}>
          <Routes>
            <Route path="/status/:boardId" element={<StatusPage />} />
          </Routes>
        </MemoryRouter>
      </AuthProvider>
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  setShareToken(null);
  hub.state = 'connected';
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  setShareToken(null);
});

describe('StatusPage', () => {
  it('reads everything with the share token, shows the status, and asks nothing it may not', async () => {
    setShareToken('tok-1');
    const fetchMock = vi.fn(async (url: string) => answer(url));
    vi.stubGlobal('fetch', fetchMock);
    renderPage();
    expect((await screen.findByTestId('status-rag-word')).textContent).toBe('Red');
    await screen.findByTestId('status-cfd');
    const urls = fetchMock.mock.calls.map(([url]) => url as string);
    for (const url of urls.filter((u) => u.startsWith('/api/boards/'))) expect(url).toContain('share=tok-1');
    // No note form, no boards list, no /api/me: a link has no session to ask about.
    expect(urls.some((u) => u.startsWith('/api/boards?') || u === '/api/boards' || u.startsWith('/api/me'))).toBe(false);
    expect(screen.queryByTestId('status-note-form')).toBeNull();
    expect(screen.getByTestId('status-live').textContent).toBe('Live');
  });

  it('says a refused share link is not valid, rather than sending a stakeholder to sign in', async () => {
    setShareToken('revoked');
    vi.stubGlobal('fetch', vi.fn(async () => json(404, { status: 404, title: 'Not Found' })));
    renderPage();
    expect((await screen.findByTestId('status-link-invalid')).textContent).toContain('This link is not valid or was revoked');
  });

  it('offers a product owner the note form', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url === '/api/boards' ? json(200, [{ id: 'board-1', name: 'Payments', key: 'PAY', version: 7, cardCount: 3, role: 'ProductOwner' }]) : answer(url),
      ),
    );
    renderPage({ id: 'u-ana' });
    expect(await screen.findByTestId('status-note-form')).toBeTruthy();
  });

  it('refetches the status once, half a second after a burst of hub events', async () => {
    const fetchMock = vi.fn(async (url: string) => answer(url));
    vi.stubGlobal('fetch', fetchMock);
    renderPage({ id: 'u-ana' });
    await screen.findByTestId('status-rag');
    expect(hub.extraEvents).toContain('StatusNoteAdded');
    const statusCalls = () => fetchMock.mock.calls.filter(([url]) => (url as string).split('?')[0]!.endsWith('/status')).length;
    const before = statusCalls();

    vi.useFakeTimers();
    act(() => {
      hub.onEvent?.('CardMoved');
      hub.onEvent?.('OutliersChanged');
      vi.advanceTimersByTime(300);
      hub.onEvent?.('CardChanged');
      vi.advanceTimersByTime(300);
    });
    expect(statusCalls()).toBe(before);
    await act(async () => {
      vi.advanceTimersByTime(250);
    });
    vi.useRealTimers();
    await vi.waitFor(() => expect(statusCalls()).toBe(before + 1));
  });
});

describe('StatusPage on a busy board', () => {
  it('still refreshes while hub events keep coming less than half a second apart', async () => {
    const fetchMock = vi.fn(async (url: string) => answer(url));
    vi.stubGlobal('fetch', fetchMock);
    renderPage({ id: 'u-ana' });
    await screen.findByTestId('status-rag');
    const statusCalls = () => fetchMock.mock.calls.filter(([url]) => (url as string).split('?')[0]!.endsWith('/status')).length;
    const before = statusCalls();
    vi.useFakeTimers();
    await act(async () => {
      for (let i = 0; i < 20; i += 1) {
        hub.onEvent?.('CardMoved');
        await vi.advanceTimersByTimeAsync(300);
      }
    });
    vi.useRealTimers();
    await vi.waitFor(() => expect(statusCalls()).toBeGreaterThanOrEqual(before + 2));
  });
});

describe('StatusPage when a refetch fails', () => {
  it('keeps the status shown and the live link on, and no longer says Live', async () => {
    let down = false;
    vi.stubGlobal('fetch', vi.fn(async (url: string) => (down && url.split('?')[0]!.endsWith('/status') ? json(503, { status: 503, title: 'Unavailable' }) : answer(url))));
    renderPage({ id: 'u-ana' });
    await screen.findByTestId('status-rag');
    expect(screen.getByTestId('status-live').textContent).toBe('Live');

    down = true;
    vi.useFakeTimers();
    await act(async () => {
      hub.onEvent?.('CardMoved');
      await vi.advanceTimersByTimeAsync(30_000);
    });
    vi.useRealTimers();
    expect(screen.getByTestId('status-rag-word').textContent).toBe('Red');
    // The link stays on (a later event or rejoin refetches), and the page does not claim to be live.
    expect(hub.enabled).toBe(true);
    expect(screen.getByTestId('status-live').textContent).not.toBe('Live');
    expect(screen.getByTestId('status-page').dataset.live).toBe('stale');
  });
});

describe('StatusPage when access ends while it is open', () => {
  it('a revoked share link takes the status off the screen and says so', async () => {
    setShareToken('tok-1');
    vi.stubGlobal('fetch', vi.fn(async (url: string) => answer(url)));
    renderPage();
    await screen.findByTestId('status-rag');
    hub.state = 'revoked';
    hub.onEvent?.('AccessRevoked');
    // The next render (any) reads the new state; a hub notice re-renders through the page's refresh.
    await act(async () => {
      await new Promise((r) => setTimeout(r, 700));
    });
    expect((await screen.findByTestId('status-link-invalid')).textContent).toContain('no longer shared');
    expect(screen.queryByTestId('status-rag')).toBeNull();
  });
});

describe('RangeForm', () => {
  it('defaults to the last 90 days, refuses a range that ends before it starts, and applies a good one', () => {
    expect(defaultRange(new Date(2026, 11, 3))).toEqual({ from: '2026-09-04', to: '2026-12-03' });
    const onChange = vi.fn();
    render(<RangeForm range={{ from: '2026-09-04', to: '2026-12-03' }} onChange={onChange} />);
    expect((screen.getByLabelText('Charts from') as HTMLInputElement).value).toBe('2026-09-04');
    fireEvent.change(screen.getByLabelText('Charts from'), { target: { value: '2026-12-10' } });
    fireEvent.click(screen.getByTestId('status-range-apply'));
    expect(screen.getByTestId('status-range-error').textContent).toBe('The first day must be on or before the last.');
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Charts from'), { target: { value: '2026-11-01' } });
    fireEvent.click(screen.getByTestId('status-range-apply'));
    expect(onChange).toHaveBeenCalledWith({ from: '2026-11-01', to: '2026-12-03' });
    expect(screen.queryByTestId('status-range-error')).toBeNull();
  });
});
