import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../api/boards';
import type { BoardEvent, TicketDetail } from '../../api/types';
import { card, makeFlowBoard, ticket } from '../../test/fixtures';
import { BOARD_EVENTS, handleBoardEvent } from '../board/useBoardHub';
import { TicketView } from './TicketPage';
import { useTicket } from './useTickets';

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const detail = (comments: TicketDetail['comments'] = [], extra: Partial<TicketDetail> = {}): TicketDetail => ({
  ...ticket('31', { state: 'OnBoard', laneId: 'doing', rank: 1024 }),
  comments,
  history: [],
  assigneeId: null,
  assigneeName: null,
  blocked: false,
  blockedReason: null,
  blockedSince: null,
  role: 'Viewer',
  ...extra,
});

const comment = { id: 'c1', kind: 'Comment', text: 'Sandbox is back.', at: '2026-11-26T10:00:00Z', by: 'ben', byName: 'Ben Ode' };

function Page() {
  const query = useTicket('31');
  return query.data ? <TicketView ticket={query.data} board={makeFlowBoard({ role: 'Viewer' })} /> : null;
}

/** The ticket page as open on a second screen: the board hub's events reach it through the shared handler. */
function renderPage(initial: TicketDetail) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  client.setQueryData(queryKeys.ticket('31'), initial);
  client.setQueryData(queryKeys.board('board-1'), makeFlowBoard({ role: 'Viewer' }));
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <MemoryRouter>{children}</MemoryRouter>
    </QueryClientProvider>
  );
  render(<Page />, { wrapper });
  return client;
}

describe('TicketView live', () => {
  it('shows a comment made elsewhere when the hub says TicketCommented for this ticket', async () => {
    const fetchMock = vi.fn(async (url: string) => (url === '/api/tickets/31' ? json(200, detail([comment])) : json(404, {})));
    vi.stubGlobal('fetch', fetchMock);
    // The board hub listens for it (every page on the board does).
    expect(BOARD_EVENTS).toContain('TicketCommented');
    const client = renderPage(detail());
    expect(screen.getByTestId('ticket-no-comments')).toBeTruthy();
    await act(async () => {
      handleBoardEvent(client, 'board-1', {
        kind: 'TicketCommented',
        boardId: 'board-1',
        version: 11,
        ticketId: '31',
        key: 'PAY-31',
        state: 'OnBoard',
      } as BoardEvent);
    });
    await waitFor(() => expect(screen.getByTestId('ticket-comment-text').textContent).toBe('Sandbox is back.'));
    expect(screen.getByTestId('ticket-comment-by').textContent).toBe('Ben Ode');
    expect(fetchMock).toHaveBeenCalledWith('/api/tickets/31', expect.anything());
  });

  it('shows a block made elsewhere when the hub says CardChanged for its card', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url === '/api/tickets/31'
          ? json(200, detail([], { blocked: true, blockedReason: 'Bank down', blockedSince: new Date().toISOString() }))
          : json(404, {}),
      ),
    );
    const client = renderPage(detail());
    expect(screen.getByTestId('ticket-not-blocked')).toBeTruthy();
    await act(async () => {
      handleBoardEvent(client, 'board-1', {
        kind: 'CardChanged',
        boardId: 'board-1',
        version: 11,
        card: { ...card('31', 'doing', 1024), blocked: true },
        renumbered: [],
      } as BoardEvent);
    });
    await waitFor(() => expect(screen.getByTestId('ticket-blocked-reason').textContent).toBe('Bank down'));
  });
});
