import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/boards';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setShareToken } from '../../api/share';
import { useBoardHub } from './useBoardHub';

// A stand-in for SignalR whose connection cannot start (the server is away), and which tells the
// test the URL it was given and the handlers the hook registers.
const hub = vi.hoisted(() => ({ url: '', handlers: new Map<string, (payload: unknown) => void>(), failStart: true }));
vi.mock('@microsoft/signalr', () => {
  class Connection {
    state = 'Disconnected';
    on(name: string, fn: (payload: unknown) => void) {
      hub.handlers.set(name, fn);
    }
    async start() {
      if (hub.failStart) throw new Error('Failed to complete negotiation with the server');
      this.state = 'Connected';
    }
    async invoke() {}
    async stop() {
      this.state = 'Disconnected';
    }
    onreconnecting() {}
    onreconnected() {}
    onclose() {}
  }
  class HubConnectionBuilder {
    withUrl(url: string) {
      hub.url = url;
      return this;
    }
    withAutomaticReconnect() {
      return this;
    }
    withServerTimeout() {
      return this;
    }
    configureLogging() {
      return this;
    }
    build() {
      return new Connection();
    }
  }
  return { HubConnectionBuilder, HubConnectionState: { Connected: 'Connected', Disconnected: 'Disconnected' }, LogLevel: { Warning: 3 } };
});

function Live({ onEvent }: { onEvent?: (kind: string) => void }) {
  const live = useBoardHub('board-1', true, { onEvent, extraEvents: ['SomethingNew'] });
  return <p data-testid="state">{live.state}</p>;
}

function renderLive(onEvent?: (kind: string) => void) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <Live onEvent={onEvent} />
    </QueryClientProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setShareToken(null);
  hub.handlers.clear();
  hub.failStart = true;
});

describe('useBoardHub and a share link', () => {
  it('connects with the token and, when the link cannot connect, does not ask who is signed in', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fetchMock = vi.fn(async () => new Response('{}', { status: 401 }));
    vi.stubGlobal('fetch', fetchMock);
    setShareToken('tok-9');
    renderLive();
    await waitFor(() => expect(screen.getByTestId('state').textContent).toBe('disconnected'));
    expect(hub.url).toBe('/hubs/board?share=tok-9');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('signed in, a failed connection asks who is signed in (a lost session goes to sign-in)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fetchMock = vi.fn(async () => new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } }));
    vi.stubGlobal('fetch', fetchMock);
    renderLive();
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/api/me', expect.anything()));
  });

  it("tells the page of each board event, the page's own events, and every join", async () => {
    hub.failStart = false;
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } })));
    const onEvent = vi.fn();
    renderLive(onEvent);
    await waitFor(() => expect(onEvent).toHaveBeenCalledWith('joined'));
    hub.handlers.get('CardMoved')!({ boardId: 'board-1', version: 2, card: {}, fromLaneId: 'l', renumbered: [] });
    hub.handlers.get('SomethingNew')!({ boardId: 'board-1' });
    hub.handlers.get('SomethingNew')!({ boardId: 'another-board' });
    hub.handlers.get('OutliersChanged')!({ boardId: 'board-1', version: 2, outliers: [] });
    expect(onEvent.mock.calls.map(([kind]) => kind)).toEqual(['joined', 'CardMoved', 'SomethingNew', 'OutliersChanged']);
  });
});

const reload = vi.hoisted(() => ({ ok: false, calls: 0 }));

function LiveBoard({ enabled = true }: { enabled?: boolean }) {
  useQuery({
    queryKey: queryKeys.board('board-1'),
    queryFn: async () => {
      reload.calls += 1;
      if (reload.calls > 1 && !reload.ok) throw new Error('503');
      return { id: 'board-1', version: reload.calls };
    },
    retry: false,
  });
  const live = useBoardHub('board-1', enabled);
  return <p data-testid="state">{live.state}</p>;
}

describe('useBoardHub says Live only when it is', () => {
  it('only once the board has been reloaded after the join, trying the reload again until it works', async () => {
    hub.failStart = false;
    reload.ok = false;
    reload.calls = 0;
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } })));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <LiveBoard />
      </QueryClientProvider>,
    );
    await waitFor(() => expect(reload.calls).toBeGreaterThanOrEqual(2));
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.getByTestId('state').textContent).not.toBe('connected');
    reload.ok = true;
    await waitFor(() => expect(screen.getByTestId('state').textContent).toBe('connected'), { timeout: 3000 });
  });

  it('never says connected once it is turned off', async () => {
    hub.failStart = false;
    reload.ok = true;
    reload.calls = 0;
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } })));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const view = render(
      <QueryClientProvider client={client}>
        <LiveBoard />
      </QueryClientProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('state').textContent).toBe('connected'));
    view.rerender(
      <QueryClientProvider client={client}>
        <LiveBoard enabled={false} />
      </QueryClientProvider>,
    );
    expect(screen.getByTestId('state').textContent).toBe('disconnected');
  });
});
