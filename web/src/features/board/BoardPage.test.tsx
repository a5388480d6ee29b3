import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../api/boards';
import type { Board } from '../../api/types';
import { autoStop, card, makeBoard, makeFlowBoard } from '../../test/fixtures';
import { cardsInLane } from './boardState';
import { BoardView } from './BoardPage';
import { handleBoardEvent, joinRefusal } from './useBoardHub';
import { useMoveCard } from './useMoveCard';

function setup(board: Board = makeBoard()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  client.setQueryData(queryKeys.board(board.id), board);
  client.setQueryData(queryKeys.triageCount(board.id), { waiting: 0, sentBack: 0 });
  client.setQueryData(queryKeys.outliers(board.id), []);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <MemoryRouter>{children}</MemoryRouter>
    </QueryClientProvider>
  );
  return { client, wrapper };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('BoardView', () => {
  it('renders lanes in order with counts, full marker, cards and test hooks', () => {
    const board = makeBoard();
    board.lanes = board.lanes.map((l) => (l.id === 'doing' ? { ...l, count: 3 } : l));
    const { wrapper } = setup(board);
    render(<BoardView board={board} connection="connected" />, { wrapper });

    const root = screen.getByTestId('board');
    expect(root.getAttribute('data-version')).toBe('10');
    expect(screen.getByRole('heading', { level: 1, name: 'Payments' })).toBeTruthy();

    const lanes = Array.from(root.querySelectorAll('[data-testid^="lane-"][data-lane-name]'));
    expect(lanes.map((l) => l.getAttribute('data-lane-name'))).toEqual(['Backlog', 'In progress', 'Done']);

    const doing = screen.getByTestId('lane-doing');
    expect(doing.querySelector('[data-testid="lane-count"]')!.textContent).toBe('3/3');
    expect(doing.textContent).toContain('Full');
    expect(doing.getAttribute('data-full')).toBe('true');
    expect(screen.getByTestId('lane-backlog').querySelector('[data-testid="lane-count"]')!.textContent).toBe('3');

    const blocked = screen.getByTestId('card-PAY-5');
    expect(blocked.textContent).toContain('Blocked');
    expect(blocked.textContent).toContain('Risk');
    expect(blocked.textContent).toContain('2d');
    expect(blocked.getAttribute('role')).toBe('button');

    expect(screen.getByTestId('connection-state').textContent).toBe('Live');
  });

  it('says why when the server ended this screen\'s access, and that the board is no longer live', () => {
    const { wrapper } = setup();
    render(<BoardView board={makeBoard()} connection="revoked" revokedReason="You were removed from this board." />, { wrapper });

    const alert = screen.getByTestId('access-revoked');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('You were removed from this board.');
    expect(alert.textContent).toContain('no longer live');
    expect(screen.getByTestId('connection-state').getAttribute('data-state')).toBe('revoked');
    expect(screen.queryByTestId('andon-button')).toBeNull();
    expect(screen.queryByTestId('new-ticket-link')).toBeNull();
  });

  it('says when the live connection is down', () => {
    const { wrapper } = setup();
    render(<BoardView board={makeBoard()} connection="reconnecting" />, { wrapper });
    expect(screen.getByTestId('connection-state').textContent).toBe('Reconnecting…');
  });
});

describe('useMoveCard', () => {
  it('moves the card at once, then rolls back on a refusal', async () => {
    let reject!: (r: Response) => void;
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>((resolve) => (reject = resolve))));
    const { client, wrapper } = setup();
    const key = queryKeys.board('board-1');
    const { result } = renderHook(() => useMoveCard('board-1'), { wrapper });

    let error: Error | undefined;
    act(() => {
      result.current.mutate({ cardId: '1', laneId: 'doing', index: 0 }, { onError: (e) => (error = e) });
    });
    await waitFor(() => expect(cardsInLane(client.getQueryData<Board>(key)!, 'doing').map((c) => c.id)).toEqual(['1', '4', '5']));
    expect(client.getQueryData<Board>(key)!.lanes.find((l) => l.id === 'doing')!.count).toBe(3);

    await act(async () => {
      reject(
        new Response(JSON.stringify({ type: 'urn:kanban:problem:wip-limit-reached', status: 409, detail: 'In progress is full (3 of 3).' }), {
          status: 409,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
      );
    });
    await waitFor(() => expect(error?.message).toBe('In progress is full (3 of 3).'));
    const after = client.getQueryData<Board>(key)!;
    expect(cardsInLane(after, 'backlog').map((c) => c.id)).toEqual(['1', '2', '3']);
    expect(after.lanes.find((l) => l.id === 'doing')!.count).toBe(2);
  });
});

describe('handleBoardEvent', () => {
  const boardInvalidations = (spy: { mock: { calls: unknown[][] } }) =>
    spy.mock.calls.filter(([arg]) => JSON.stringify((arg as { queryKey?: unknown }).queryKey) === JSON.stringify(queryKeys.board('board-1'))).length;

  it('patches the cache on the next version and refetches on a gap', () => {
    const { client } = setup();
    const key = queryKeys.board('board-1');
    const invalidate = vi.spyOn(client, 'invalidateQueries').mockResolvedValue();
    const board = client.getQueryData<Board>(key)!;

    handleBoardEvent(client, 'board-1', {
      kind: 'CardMoved',
      boardId: 'board-1',
      version: 11, renumbered: [],
      card: { ...board.cards[0]!, laneId: 'done' },
      fromLaneId: 'backlog',
    });
    expect(client.getQueryData<Board>(key)!.version).toBe(11);
    expect(boardInvalidations(invalidate)).toBe(0);

    handleBoardEvent(client, 'board-1', { kind: 'LaneChanged', boardId: 'board-1', version: 13 });
    expect(boardInvalidations(invalidate)).toBe(1);
    expect(client.getQueryData<Board>(key)!.version).toBe(11);
  });

  it('applies two events of one command in a row: the move, then the line stop', () => {
    const { client } = setup(makeFlowBoard());
    const key = queryKeys.board('board-1');
    const invalidate = vi.spyOn(client, 'invalidateQueries').mockResolvedValue();
    const board = client.getQueryData<Board>(key)!;

    handleBoardEvent(client, 'board-1', {
      kind: 'CardMoved',
      boardId: 'board-1',
      version: 11, renumbered: [],
      card: { ...board.cards.find((c) => c.id === '4')!, laneId: 'rft' },
      fromLaneId: 'doing',
    });
    handleBoardEvent(client, 'board-1', { kind: 'LineStopped', boardId: 'board-1', version: 12, line: { ...autoStop } });

    const after = client.getQueryData<Board>(key)!;
    expect(after.version).toBe(12);
    expect(after.line).toEqual(autoStop);
    expect(after.lanes.find((l) => l.id === 'rft')!.count).toBe(3);
    expect(boardInvalidations(invalidate)).toBe(0);
  });

  it('refetches when the line event arrives without the move before it', () => {
    const { client } = setup(makeFlowBoard());
    const invalidate = vi.spyOn(client, 'invalidateQueries').mockResolvedValue();
    handleBoardEvent(client, 'board-1', { kind: 'LineStopped', boardId: 'board-1', version: 12, line: { ...autoStop } });
    expect(boardInvalidations(invalidate)).toBe(1);
    expect(client.getQueryData<Board>(queryKeys.board('board-1'))!.line.stopped).toBe(false);
  });

  it('refetches the triage inbox on ticket events; the board takes the accepted card and only the version otherwise', () => {
    const { client } = setup();
    const key = queryKeys.board('board-1');
    const invalidate = vi.spyOn(client, 'invalidateQueries').mockResolvedValue();
    const triageInvalidations = () =>
      invalidate.mock.calls.filter(([arg]) => JSON.stringify(arg?.queryKey) === JSON.stringify(queryKeys.triage('board-1'))).length;

    handleBoardEvent(client, 'board-1', { kind: 'TicketSubmitted', boardId: 'board-1', version: 11, ticketId: 't6', key: 'PAY-6', state: 'Triage' });
    expect(triageInvalidations()).toBe(1);
    expect(client.getQueryData<Board>(key)!.version).toBe(11);
    expect(client.getQueryData<Board>(key)!.cards).toHaveLength(5);

    handleBoardEvent(client, 'board-1', { kind: 'TicketChanged', boardId: 'board-1', version: 12, ticketId: 't6', key: 'PAY-6', state: 'SentBack' });
    handleBoardEvent(client, 'board-1', { kind: 'TicketAccepted', boardId: 'board-1', version: 13, renumbered: [], card: card('7', 'backlog', 9000) });
    expect(triageInvalidations()).toBe(3);
    const after = client.getQueryData<Board>(key)!;
    expect(after.version).toBe(13);
    expect(cardsInLane(after, 'backlog').map((c) => c.id)).toEqual(['1', '2', '3', '7']);
    expect(boardInvalidations(invalidate)).toBe(0);
  });

  it('shows a card that names someone new at once, and reads the board again for their name', () => {
    const { client } = setup();
    const key = queryKeys.board('board-1');
    const invalidate = vi.spyOn(client, 'invalidateQueries').mockResolvedValue();
    handleBoardEvent(client, 'board-1', { kind: 'CardChanged', boardId: 'board-1', version: 11, renumbered: [], card: card('1', 'backlog', 1024, { assigneeId: 'u-new' }) });
    expect(client.getQueryData<Board>(key)!.cards.find((c) => c.id === '1')!.assigneeId).toBe('u-new');
    expect(client.getQueryData<Board>(key)!.version).toBe(11);
    expect(boardInvalidations(invalidate)).toBe(1);

    client.setQueryData<Board>(key, (b) => b && { ...b, people: [{ id: 'u-new', displayName: 'New Person' }] });
    handleBoardEvent(client, 'board-1', { kind: 'CardChanged', boardId: 'board-1', version: 12, renumbered: [], card: card('2', 'backlog', 2048, { assigneeId: 'u-new' }) });
    expect(boardInvalidations(invalidate)).toBe(1);
  });

  it('takes a card off the board when its ticket goes back to triage', () => {
    const { client } = setup();
    const key = queryKeys.board('board-1');
    handleBoardEvent(client, 'board-1', { kind: 'TicketChanged', boardId: 'board-1', version: 11, ticketId: '4', key: 'PAY-4', state: 'Triage' });
    const after = client.getQueryData<Board>(key)!;
    expect(after.cards.map((c) => c.id)).toEqual(['1', '2', '3', '5']);
    expect(after.lanes.find((l) => l.id === 'doing')!.count).toBe(1);
  });

  it('refreshes an open ticket page when its card changes or moves on the board, not on line events', () => {
    const { client } = setup();
    const invalidate = vi.spyOn(client, 'invalidateQueries').mockResolvedValue();
    const ticketInvalidations = () =>
      invalidate.mock.calls.filter(([arg]) => JSON.stringify(arg?.queryKey) === JSON.stringify(queryKeys.tickets)).length;

    handleBoardEvent(client, 'board-1', { kind: 'CardChanged', boardId: 'board-1', version: 11, renumbered: [], card: card('1', 'backlog', 1024) });
    handleBoardEvent(client, 'board-1', { kind: 'CardMoved', boardId: 'board-1', version: 12, renumbered: [], card: card('1', 'ready', 1024), fromLaneId: 'backlog' });
    expect(ticketInvalidations()).toBe(2);

    handleBoardEvent(client, 'board-1', { kind: 'LineStopped', boardId: 'board-1', version: 13, line: { stopped: true, since: '2026-11-26T09:00:00Z', reason: 'x', kind: 'manual', stoppedBy: null, stoppedByName: null } });
    expect(ticketInvalidations()).toBe(2);
  });
});

describe('joinRefusal', () => {
  it("reads the server's reason out of SignalR's wrapping", () => {
    const error = new Error("An unexpected error occurred invoking 'JoinBoard' on the server. HubException: This share link was revoked.");
    expect(joinRefusal(error)).toBe('This share link was revoked.');
  });

  it('says the board is no longer open when the server gave no reason', () => {
    expect(joinRefusal(new Error('Invocation canceled'))).toBe('This board is no longer open to you.');
  });
});
