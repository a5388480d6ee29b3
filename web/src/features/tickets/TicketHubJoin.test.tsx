import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../api/boards';
import { makeFlowBoard, ticket } from '../../test/fixtures';
import { useBoardHub } from '../board/useBoardHub';
import { useTicket } from './useTickets';

// A stand-in for SignalR: the connection starts and joins at once.
const handlers = new Map<string, (payload: unknown) => void>();
vi.mock('@microsoft/signalr', () => {
  class Connection {
    state = 'Disconnected';
    on(name: string, fn: (payload: unknown) => void) {
      handlers.set(name, fn);
    }
    async start() {
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
    withUrl() {
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
  return {
    HubConnectionBuilder,
    HubConnectionState: { Connected: 'Connected', Disconnected: 'Disconnected' },
    LogLevel: { Warning: 3 },
  };
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  handlers.clear();
});

function Page() {
  const live = useBoardHub('board-1');
  const query = useTicket('31');
  return (
    <p data-testid="state" data-live={live.state}>
      {query.data?.title}
    </p>
  );
}

describe('the ticket page on the board hub', () => {
  it('refetches the ticket once joined (what was said while the link was down shows), and listens for TicketCommented', async () => {
    const fetchMock = vi.fn(async (url: string) =>
      new Response(JSON.stringify(url === '/api/tickets/31' ? { ...ticket('31'), comments: [], history: [] } : makeFlowBoard()), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    client.setQueryData(queryKeys.ticket('31'), { ...ticket('31'), comments: [], history: [] });
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    render(<Page />, { wrapper });
    await waitFor(() => expect(screen.getByTestId('state').getAttribute('data-live')).toBe('connected'));
    await waitFor(() => expect(fetchMock.mock.calls.some(([url]) => url === '/api/tickets/31')).toBe(true));
    expect(handlers.has('TicketCommented')).toBe(true);
  });

  it('puts the outliers an OutliersChanged brings into the board’s outliers, and leaves the board itself alone', async () => {
    const fetchMock = vi.fn(async () =>
      new Response(JSON.stringify(makeFlowBoard()), { status: 200, headers: { 'Content-Type': 'application/json' } }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    client.setQueryData(queryKeys.ticket('31'), { ...ticket('31'), comments: [], history: [] });
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    render(<Page />, { wrapper });
    await waitFor(() => expect(screen.getByTestId('state').getAttribute('data-live')).toBe('connected'));
    const board = client.getQueryData(queryKeys.board('board-1'));
    const outliers = [
      { cardId: 'c1', key: 'PAY-1', laneId: 'l2', reasons: ['stale'], ageDays: 4, thresholdDays: 3, blocked: false, details: [{ reason: 'stale', figureDays: 4, thresholdDays: 3, words: '4 working days without a move' }] },
    ];

    handlers.get('OutliersChanged')!({ boardId: 'board-1', version: 7, outliers });
    handlers.get('OutliersChanged')!({ boardId: 'another-board', version: 2, outliers: [] });

    expect(client.getQueryData(queryKeys.outliers('board-1'))).toEqual(outliers);
    expect(client.getQueryData(queryKeys.board('board-1'))).toBe(board);
  });
});
