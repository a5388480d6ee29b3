import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { MemoryRouter, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../api/boards';
import type { AssignablePerson, Board, BoardEvent, BoardRole, Card, Outlier } from '../../api/types';
import { card, makeFlowBoard } from '../../test/fixtures';
import { BoardView } from './BoardPage';
import { useBoard } from './useBoard';
import { handleBoardEvent } from './useBoardHub';

const ana: AssignablePerson = { id: 'u-ana', displayName: 'Ana Lima', role: 'Member' };
const bruno: AssignablePerson = { id: 'u-bruno', displayName: 'Bruno Costa', role: 'Member' };
const chen: AssignablePerson = { id: 'u-chen', displayName: 'Chen Wei', role: 'ProductOwner' };

/** The flow board with a few cards that say more: PAY-4 (Ana's, 4 days old), PAY-5 blocked, PAY-6 a risk. */
function dailyBoard(role: BoardRole = 'Member', extra: Partial<Board> = {}): Board {
  const board = makeFlowBoard({ role, ...extra });
  board.people = [{ id: ana.id, displayName: ana.displayName }];
  board.cards = board.cards.map((c): Card => {
    if (c.id === '4') return { ...c, title: 'Refunds over 500 EUR', assigneeId: ana.id, ageDays: 4, daysSinceMove: 2 };
    if (c.id === '5') return { ...c, blocked: true, blockedReason: 'waiting for bank', blockedSince: new Date(Date.now() - 2 * 86_400_000 - 60_000).toISOString() };
    if (c.id === '6') return { ...c, class: 'Risk', outlier: true };
    return c;
  });
  return board;
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

type Handler = (url: string, init: RequestInit | undefined) => Response | Promise<Response> | undefined;

/** A fetch that answers by method and path; anything else is a 404 (and fails the test that relies on it). */
function stubFetch(handler: Handler) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input.toString();
    return (await handler(url, init)) ?? json(404, { title: 'Not found' });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function calls(fetchMock: ReturnType<typeof stubFetch>, method: string, path: string) {
  return fetchMock.mock.calls.filter(([url, init]) => String(url) === path && (init?.method ?? 'GET') === method);
}

function Location() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <p data-testid="location">{location.pathname + location.search}</p>
      {/* A link from elsewhere (or back and forward) changes the URL under the board. */}
      <button type="button" data-testid="go-blocked" onClick={() => void navigate('/boards/board-1?blocked=1')}>
        blocked
      </button>
    </>
  );
}

/** Renders the board from the cache, as BoardPage does, so cache changes show; the ticket route says where a card led. */
function CachedBoard() {
  const query = useBoard('board-1');
  return query.data ? <BoardView board={query.data} connection="connected" /> : null;
}

function renderBoard(board: Board, url = '/boards/board-1') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  client.setQueryData(queryKeys.board(board.id), board);
  client.setQueryData(queryKeys.triageCount(board.id), { waiting: 0, sentBack: 0 });
  client.setQueryData(queryKeys.outliers(board.id), []);
  const view = render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path="/boards/:boardId" element={<CachedBoard />} />
          <Route path="/tickets/:ticketId" element={<p data-testid="ticket-page">ticket</p>} />
        </Routes>
        <Location />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { client, ...view };
}

const location = () => screen.getByTestId('location').textContent;
const cardIds = (laneId: string) =>
  Array.from(screen.getByTestId(`lane-${laneId}`).querySelectorAll('[data-card-id]')).map((e) => e.getAttribute('data-testid'));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('what a card shows', () => {
  it("shows the assignee's initials, with the name on hover and to screen readers", () => {
    renderBoard(dailyBoard());
    const assignee = within(screen.getByTestId('card-PAY-4')).getByTestId('card-assignee');
    expect(assignee.getAttribute('title')).toBe('Ana Lima');
    expect(assignee.textContent).toBe('ALAssigned to Ana Lima');
    expect(assignee.querySelector('[aria-hidden="true"]')!.textContent).toBe('AL');
    expect(within(screen.getByTestId('card-PAY-3')).queryByTestId('card-assignee')).toBeNull();
  });

  it('shows its age and days since its last move, in words for screen readers', () => {
    renderBoard(dailyBoard());
    const age = within(screen.getByTestId('card-PAY-4')).getByTestId('card-age');
    expect(age.querySelector('[aria-hidden="true"]')!.textContent).toBe('4d · moved 2d ago');
    expect(age.querySelector('.sr-only')!.textContent).toBe('age 4 working days, moved 2 working days ago');
  });

  it('shows why a blocked card waits and for how long', () => {
    renderBoard(dailyBoard());
    const blocked = within(screen.getByTestId('card-PAY-5')).getByTestId('blocked-marker');
    expect(blocked.querySelector('[aria-hidden="true"]')!.textContent).toBe('■ Blocked 2d: waiting for bank');
    expect(blocked.querySelector('.sr-only')!.textContent).toBe('Blocked for 2 days: waiting for bank');
    expect(within(screen.getByTestId('card-PAY-6')).getByTestId('outlier-marker')).toBeTruthy();
  });

  it("shows an outlier's first reason in words on its card, and every reason on hover and to screen readers", async () => {
    const { client } = renderBoard(dailyBoard());
    const reasons = (cardId: string, key: string, laneId: string, words: string[]): Outlier => ({
      cardId,
      key,
      laneId,
      reasons: words.map((_, i) => (i === 0 ? 'estimate' : 'stale')),
      ageDays: 5,
      thresholdDays: 4,
      blocked: false,
      details: words.map((w, i) => ({ reason: i === 0 ? 'estimate' : 'stale', figureDays: 5, thresholdDays: i === 0 ? 4 : 3, words: w })),
    });
    await act(async () => {
      client.setQueryData<Outlier[]>(queryKeys.outliers('board-1'), [
        reasons('4', 'PAY-4', 'doing', ['5 working days in progress; estimated 2, so twice is 4', '5 working days without a move']),
        reasons('7', 'PAY-7', 'testing', ['3 working days without a move']),
      ]);
    });

    const badge = await within(screen.getByTestId('card-PAY-4')).findByTestId('outlier-badge');
    expect(badge.querySelector('[aria-hidden="true"]')!.textContent).toBe('5 working days in progress; estimated 2, so twice is 4 · +1 more');
    expect(badge.getAttribute('title')).toBe('5 working days in progress; estimated 2, so twice is 4. 5 working days without a move');
    expect(badge.querySelector('.sr-only')!.textContent).toBe(
      'Outlier: 5 working days in progress; estimated 2, so twice is 4. 5 working days without a move',
    );
    const one = within(screen.getByTestId('card-PAY-7')).getByTestId('outlier-badge');
    expect(one.querySelector('[aria-hidden="true"]')!.textContent).toBe('3 working days without a move');
    expect(within(screen.getByTestId('card-PAY-3')).queryByTestId('outlier-badge')).toBeNull();
    // The card's accessible name (the tile is the button) says why too.
    expect(screen.getByTestId('card-PAY-7').textContent).toContain('Outlier: 3 working days without a move');

    // The Outliers filter finds the cards with a badge.
    fireEvent.click(screen.getByLabelText('Outliers'));
    await waitFor(() =>
      expect(Array.from(document.querySelectorAll('[data-card-id]')).map((e) => e.getAttribute('data-testid'))).toEqual([
        'card-PAY-4',
        'card-PAY-6',
        'card-PAY-7',
      ]),
    );
    fireEvent.click(screen.getByLabelText('Outliers'));

    // The badge follows the query: an outlier no more loses it.
    await act(async () => {
      client.setQueryData<Outlier[]>(queryKeys.outliers('board-1'), []);
    });
    await waitFor(() => expect(within(screen.getByTestId('card-PAY-4')).queryByTestId('outlier-badge')).toBeNull());
  });

  it('asks the outliers again when the lanes or settings change, and leaves a move to the server’s OutliersChanged', () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.outliers('board-1'), []);
    handleBoardEvent(client, 'board-1', { kind: 'LineStopped', boardId: 'board-1', version: 11, line: { stopped: true, since: null, reason: 'x', kind: 'manual', stoppedBy: null, stoppedByName: null } } as never);
    expect(client.getQueryState(queryKeys.outliers('board-1'))!.isInvalidated).toBe(false);
    handleBoardEvent(client, 'board-1', { kind: 'SettingsChanged', boardId: 'board-1', version: 12 });
    expect(client.getQueryState(queryKeys.outliers('board-1'))!.isInvalidated).toBe(true);
  });
});

describe('opening a card', () => {
  it("opens the ticket when a member clicks anywhere on the card", () => {
    renderBoard(dailyBoard());
    const tile = screen.getByTestId('card-PAY-4');
    fireEvent.click(within(tile).getByText('Refunds over 500 EUR'));
    expect(location()).toBe('/tickets/4');
  });

  it('opens the ticket on Enter; Space picks the card up instead', async () => {
    stubFetch((url) => (url.endsWith('/move') ? json(409, { type: 'urn:kanban:problem:concurrency-conflict', status: 409 }) : undefined));
    renderBoard(dailyBoard());
    const tile = screen.getByTestId('card-PAY-4');
    expect(tile.getAttribute('role')).toBe('button');
    tile.focus();
    fireEvent.keyDown(tile, { key: ' ', code: 'Space' });
    await waitFor(() => expect(tile.getAttribute('aria-pressed')).toBe('true'));
    expect(location()).toBe('/boards/board-1');
    // While picked up, Enter drops the card: it does not open it.
    fireEvent.keyDown(tile, { key: 'Enter', code: 'Enter' });
    expect(location()).toBe('/boards/board-1');
    await waitFor(() => expect(screen.getByTestId('card-PAY-4').getAttribute('aria-pressed')).toBeNull());

    fireEvent.keyDown(screen.getByTestId('card-PAY-4'), { key: 'Enter', code: 'Enter' });
    expect(location()).toBe('/tickets/4');
  });

  it('tells screen readers that Enter opens and Space picks up', () => {
    renderBoard(dailyBoard());
    const describedBy = screen.getByTestId('card-PAY-4').getAttribute('aria-describedby')!;
    expect(document.getElementById(describedBy)!.textContent).toMatch(/Enter to open the card.*Space to pick it up/);
  });

  it("gives a viewer's cards as links that open the ticket", () => {
    renderBoard(dailyBoard('Viewer'));
    const tile = screen.getByTestId('card-PAY-4');
    expect(tile.tagName).toBe('A');
    fireEvent.click(tile);
    expect(location()).toBe('/tickets/4');
  });
});

describe('focus after a keyboard move', () => {
  it('stays on the moved card in its new lane, after the server answers and after live updates re-render it', async () => {
    let answer!: (r: Response) => void;
    stubFetch((url) => (url === '/api/cards/4/move' ? new Promise<Response>((resolve) => (answer = resolve)) : undefined));
    const { client } = renderBoard(dailyBoard());
    const tile = screen.getByTestId('card-PAY-4');
    tile.focus();
    fireEvent.keyDown(tile, { key: ' ', code: 'Space' });
    await waitFor(() => expect(tile.getAttribute('aria-pressed')).toBe('true'));
    // Without layout (happy-dom) the closest target is the backlog: the drop moves the card there.
    fireEvent.keyDown(tile, { key: ' ', code: 'Space' });

    await waitFor(() => expect(cardIds('backlog')).toContain('card-PAY-4'));
    const moved = screen.getByTestId('card-PAY-4');
    expect(moved).not.toBe(tile); // mounted anew in its new lane
    await waitFor(() => expect(document.activeElement).toBe(moved));

    await act(async () => answer(json(200, { ...card('4', 'backlog', 512), title: 'Refunds over 500 EUR', assigneeId: ana.id })));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('card-PAY-4')));

    // Someone else moves it on: the live update mounts it in another lane again, and focus follows.
    act(() => {
      client.setQueryData<Board>(queryKeys.board('board-1'), (b) =>
        b && { ...b, version: b.version + 1, cards: b.cards.map((c) => (c.id === '4' ? { ...c, laneId: 'ready' } : c)) },
      );
    });
    await waitFor(() => expect(cardIds('ready')).toContain('card-PAY-4'));
    expect(document.activeElement).toBe(screen.getByTestId('card-PAY-4'));

    // Once the person moves focus elsewhere, live updates leave it there.
    const search = screen.getByTestId('board-search');
    search.focus();
    act(() => {
      client.setQueryData<Board>(queryKeys.board('board-1'), (b) =>
        b && { ...b, version: b.version + 1, cards: b.cards.map((c) => (c.id === '4' ? { ...c, laneId: 'doing' } : c)) },
      );
    });
    await waitFor(() => expect(cardIds('doing')).toContain('card-PAY-4'));
    expect(document.activeElement).toBe(search);
  });
});

describe('assigning from the card', () => {
  it('opens a picker from the card’s actions: type to filter, arrows to choose, Enter assigns', async () => {
    const fetchMock = stubFetch((url, init) => {
      if (url === '/api/boards/board-1/people') return json(200, [ana, bruno, chen]);
      if (url === '/api/cards/3/assign' && init?.method === 'POST') {
        return json(200, card('3', 'ready', 1024, { assigneeId: JSON.parse(String(init.body)).userId }));
      }
      return undefined;
    });
    renderBoard(dailyBoard());
    const button = screen.getByTestId('card-actions-PAY-3');
    fireEvent.click(button);

    const dialog = screen.getByTestId('card-actions-dialog');
    const search = within(dialog).getByRole('combobox', { name: 'Assign to' });
    expect(document.activeElement).toBe(search);
    expect(within(dialog).getByTestId('card-actions-assignee').textContent).toBe('Not assigned');
    await within(dialog).findByText('Bruno Costa');
    expect(within(dialog).getAllByRole('option').map((o) => o.textContent)).toEqual(['ALAna LimaMember', 'BCBruno CostaMember', 'CWChen WeiProduct owner']);

    fireEvent.change(search, { target: { value: 'c' } });
    // "c" is in Bruno Costa and Chen Wei.
    expect(within(dialog).getAllByRole('option').map((o) => o.textContent)).toEqual(['BCBruno CostaMember', 'CWChen WeiProduct owner']);
    expect(search.getAttribute('aria-activedescendant')).toBe(within(dialog).getAllByRole('option')[0]!.id);
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    const chosen = within(dialog).getAllByRole('option')[1]!;
    expect(search.getAttribute('aria-activedescendant')).toBe(chosen.id);
    expect(chosen.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(search, { key: 'Enter' });

    await waitFor(() => expect(calls(fetchMock, 'POST', '/api/cards/3/assign')).toHaveLength(1));
    expect(JSON.parse(String(calls(fetchMock, 'POST', '/api/cards/3/assign')[0]![1]!.body))).toEqual({ userId: 'u-chen' });
    const assignee = await within(screen.getByTestId('card-PAY-3')).findByTestId('card-assignee');
    expect(assignee.getAttribute('title')).toBe('Chen Wei');
    await waitFor(() => expect(screen.queryByTestId('card-actions-assignee')).toBeNull());
    expect(document.activeElement).toBe(screen.getByTestId('card-actions-PAY-3'));
  });

  it('says why an assignment is refused (the personal WIP limit), as a refused move does, and stays open', async () => {
    stubFetch((url, init) => {
      if (url === '/api/boards/board-1/people') return json(200, [ana, bruno]);
      if (url === '/api/cards/3/assign' && init?.method === 'POST') {
        return json(409, {
          type: 'urn:kanban:problem:personal-wip-limit-reached',
          status: 409,
          detail: 'Bruno Costa already holds 2 active cards (limit 2).',
          assigneeId: 'u-bruno',
          count: 2,
          limit: 2,
        });
      }
      return undefined;
    });
    renderBoard(dailyBoard());
    fireEvent.click(screen.getByTestId('card-actions-PAY-3'));
    const dialog = screen.getByTestId('card-actions-dialog');
    fireEvent.click(await within(dialog).findByText('Bruno Costa'));

    const refusal = await within(dialog).findByTestId('card-action-error');
    expect(refusal.getAttribute('role')).toBe('alert');
    expect(refusal.getAttribute('data-problem')).toBe('personal-wip-limit-reached');
    expect(refusal.textContent).toContain('The assignee is at their personal WIP limit (2 of 2 active cards)');
    expect(refusal.textContent).toContain('Bruno Costa already holds 2 active cards (limit 2).');
    expect(within(screen.getByTestId('card-PAY-3')).queryByTestId('card-assignee')).toBeNull();
    expect(within(dialog).getByTestId('card-actions-assignee')).toBeTruthy();
  });

  it('unassigns, and Escape closes the picker with focus back on the actions button', async () => {
    const fetchMock = stubFetch((url, init) => {
      if (url === '/api/boards/board-1/people') return json(200, [ana, bruno]);
      if (url === '/api/cards/4/assign' && init?.method === 'POST') return json(200, { ...card('4', 'doing', 1024), title: 'Refunds over 500 EUR' });
      return undefined;
    });
    renderBoard(dailyBoard());
    const button = screen.getByTestId('card-actions-PAY-4');
    fireEvent.click(button);
    let dialog = screen.getByTestId('card-actions-dialog');
    expect(within(dialog).getByTestId('card-actions-assignee').textContent).toBe('Assigned to Ana Lima');
    expect((await within(dialog).findByText('Ana Lima')).closest('[role="option"]')!.textContent).toContain('assigned');

    fireEvent.keyDown(within(dialog).getByRole('combobox'), { key: 'Escape' });
    // happy-dom has no cancel-on-Escape of its own: the browser's close is what follows.
    (dialog as HTMLDialogElement).close();
    await waitFor(() => expect(within(dialog).queryByRole('combobox')).toBeNull());
    expect(document.activeElement).toBe(button);

    fireEvent.click(button);
    dialog = screen.getByTestId('card-actions-dialog');
    fireEvent.click(within(dialog).getByTestId('card-unassign'));
    await waitFor(() => expect(calls(fetchMock, 'POST', '/api/cards/4/assign')).toHaveLength(1));
    expect(JSON.parse(String(calls(fetchMock, 'POST', '/api/cards/4/assign')[0]![1]!.body))).toEqual({ userId: null });
    await waitFor(() => expect(within(screen.getByTestId('card-PAY-4')).queryByTestId('card-assignee')).toBeNull());
  });
});

describe('a card that leaves while its actions are open', () => {
  it('closes them, and the focus goes to the lanes, not to the page’s body', async () => {
    stubFetch((url) => (url === '/api/boards/board-1/people' ? json(200, [ana, bruno]) : undefined));
    const { client } = renderBoard(dailyBoard());
    fireEvent.click(screen.getByTestId('card-actions-PAY-3'));
    const dialog = screen.getByTestId('card-actions-dialog') as HTMLDialogElement;
    await within(dialog).findByText('Bruno Costa');
    expect(document.activeElement).toBe(within(dialog).getByRole('combobox'));

    // Its accept is undone on another screen: the ticket is back in triage, the card leaves the board.
    act(() => {
      handleBoardEvent(client, 'board-1', {
        kind: 'TicketChanged',
        boardId: 'board-1',
        version: 11,
        ticketId: '3',
        key: 'PAY-3',
        state: 'Triage',
      } as BoardEvent);
    });
    await waitFor(() => expect(screen.queryByTestId('card-PAY-3')).toBeNull());
    await waitFor(() => expect(dialog.open).toBe(false));
    expect(document.activeElement).toBe(screen.getByRole('region', { name: 'Lanes' }));
  });
});

describe('blocking from the card', () => {
  it('asks why, blocks, and the card shows the reason', async () => {
    const fetchMock = stubFetch((url, init) => {
      if (url === '/api/boards/board-1/people') return json(200, [ana]);
      if (url === '/api/cards/3/block' && init?.method === 'POST') {
        const { reason } = JSON.parse(String(init.body)) as { reason: string };
        return json(200, card('3', 'ready', 1024, { blocked: true, blockedReason: reason, blockedSince: new Date().toISOString() }));
      }
      return undefined;
    });
    renderBoard(dailyBoard());
    fireEvent.click(screen.getByTestId('card-actions-PAY-3'));
    fireEvent.click(within(screen.getByTestId('card-actions-dialog')).getByTestId('card-block'));

    const prompt = await screen.findByTestId('block-dialog');
    expect(within(prompt).getByRole('heading', { name: 'Block PAY-3' })).toBeTruthy();
    const reason = within(prompt).getByLabelText('What is it waiting for?');
    await waitFor(() => expect(document.activeElement).toBe(reason));
    fireEvent.change(reason, { target: { value: '  waiting for the bank  ' } });
    fireEvent.click(within(prompt).getByTestId('block-submit'));

    await waitFor(() => expect(calls(fetchMock, 'POST', '/api/cards/3/block')).toHaveLength(1));
    expect(JSON.parse(String(calls(fetchMock, 'POST', '/api/cards/3/block')[0]![1]!.body))).toEqual({ reason: 'waiting for the bank' });
    const marker = await within(screen.getByTestId('card-PAY-3')).findByTestId('blocked-marker');
    expect(marker.textContent).toContain('Blocked <1h: waiting for the bank');
  });

  it('unblocks a blocked card', async () => {
    const fetchMock = stubFetch((url, init) => {
      if (url === '/api/boards/board-1/people') return json(200, [ana]);
      if (url === '/api/cards/5/unblock' && init?.method === 'POST') return json(200, card('5', 'rft', 1024));
      return undefined;
    });
    renderBoard(dailyBoard());
    fireEvent.click(screen.getByTestId('card-actions-PAY-5'));
    const dialog = screen.getByTestId('card-actions-dialog');
    expect(within(dialog).queryByTestId('card-block')).toBeNull();
    fireEvent.click(within(dialog).getByTestId('card-unblock'));
    await waitFor(() => expect(calls(fetchMock, 'POST', '/api/cards/5/unblock')).toHaveLength(1));
    await waitFor(() => expect(within(screen.getByTestId('card-PAY-5')).queryByTestId('blocked-marker')).toBeNull());
  });
});

describe('search and filters in the URL', () => {
  it('shows only the cards that match the URL, and writes each change back to it', () => {
    renderBoard(dailyBoard(), '/boards/board-1?q=pay-4');
    expect((screen.getByTestId('board-search') as HTMLInputElement).value).toBe('pay-4');
    expect(screen.queryByTestId('card-PAY-3')).toBeNull();
    expect(screen.getByTestId('card-PAY-4')).toBeTruthy();
    expect(screen.getByTestId('filter-result').textContent).toBe('1 of 7 cards match');

    fireEvent.change(screen.getByTestId('board-search'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('filter-class'), { target: { value: 'Risk' } });
    expect(location()).toBe('/boards/board-1?class=Risk');
    expect(cardIds('rft')).toEqual(['card-PAY-6']);
    expect(screen.queryByTestId('card-PAY-4')).toBeNull();

    fireEvent.click(screen.getByTestId('filter-blocked'));
    expect(location()).toBe('/boards/board-1?class=Risk&blocked=1');
    expect(screen.getByTestId('filter-result').textContent).toBe('0 of 7 cards match');

    fireEvent.click(screen.getByTestId('filter-clear'));
    expect(location()).toBe('/boards/board-1');
    expect(cardIds('rft')).toEqual(['card-PAY-5', 'card-PAY-6']);

    fireEvent.click(screen.getByTestId('go-blocked'));
    expect(location()).toBe('/boards/board-1?blocked=1');
    expect(cardIds('rft')).toEqual(['card-PAY-5']);
    expect((screen.getByTestId('filter-blocked') as HTMLInputElement).checked).toBe(true);
  });

  it('filters by assignee and by no assignee, blocked and outlier', () => {
    renderBoard(dailyBoard(), '/boards/board-1?assignee=u-ana');
    expect(Array.from(document.querySelectorAll('[data-card-id]')).map((e) => e.getAttribute('data-testid'))).toEqual(['card-PAY-4']);
    expect((screen.getByTestId('filter-assignee') as HTMLSelectElement).value).toBe('u-ana');
    fireEvent.change(screen.getByTestId('filter-assignee'), { target: { value: 'none' } });
    expect(location()).toBe('/boards/board-1?assignee=none');
    expect(screen.queryByTestId('card-PAY-4')).toBeNull();
    expect(screen.getByTestId('card-PAY-3')).toBeTruthy();
    cleanup();

    renderBoard(dailyBoard(), '/boards/board-1?blocked=1');
    expect(Array.from(document.querySelectorAll('[data-card-id]')).map((e) => e.getAttribute('data-testid'))).toEqual(['card-PAY-5']);
    cleanup();

    renderBoard(dailyBoard(), '/boards/board-1?outlier=1');
    expect(Array.from(document.querySelectorAll('[data-card-id]')).map((e) => e.getAttribute('data-testid'))).toEqual(['card-PAY-6']);
    expect(screen.getByTestId('lane-rft').querySelector('[data-testid="lane-matching"]')!.textContent).toBe('1 of 2 shown matches');
  });
});

describe('the Done lane', () => {
  function doneBoard(): Board {
    const board = dailyBoard();
    const done = Array.from({ length: 20 }, (_, i) => card(String(100 + i), 'done', (i + 1) * 1024));
    board.cards = [...board.cards, ...done];
    board.lanes = board.lanes.map((l) => (l.id === 'done' ? { ...l, count: 45 } : l));
    return board;
  }

  it('reads newest first: the highest rank (the last card done) at the top', () => {
    renderBoard(doneBoard());
    const order = Array.from(screen.getByTestId('lane-done').querySelectorAll('[data-card-id]')).map((e) => e.getAttribute('data-testid'));
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => `card-PAY-${119 - i}`));
  });

  it('shows the 20 most recent with "Show more", which loads the next ones until all are shown', async () => {
    const page = (skip: number, take: number) =>
      Array.from({ length: Math.max(0, Math.min(take, 45 - skip)) }, (_, i) =>
        card(String(200 + skip + i), 'done', 1, { assigneeId: skip + i === 20 ? 'u-old' : null }),
      );
    const fetchMock = stubFetch((url) => {
      const m = /^\/api\/boards\/board-1\/lanes\/done\/cards\?skip=(\d+)&take=(\d+)$/.exec(url);
      if (!m) return undefined;
      const [skip, take] = [Number(m[1]), Number(m[2])];
      return json(200, { cards: page(skip, take), total: 45, people: skip === 20 ? [{ id: 'u-old', displayName: 'Olga Old' }] : [] });
    });
    renderBoard(doneBoard());
    const lane = screen.getByTestId('lane-done');
    expect(within(lane).getByTestId('lane-shown').textContent).toBe('Showing the 20 most recent of 45');

    fireEvent.click(within(lane).getByTestId('lane-show-more-done'));
    await within(lane).findByTestId('card-PAY-220');
    expect(fetchMock.mock.calls.map(([u]) => String(u))).toContain('/api/boards/board-1/lanes/done/cards?skip=20&take=20');
    expect(within(lane).getByTestId('lane-shown').textContent).toBe('Showing the 40 most recent of 45');
    // An older card opens (a link) and shows its assignee by the name the page brought.
    const older = within(lane).getByTestId('card-PAY-220');
    expect(older.tagName).toBe('A');
    expect(within(older).getByTestId('card-assignee').getAttribute('title')).toBe('Olga Old');
    expect(document.activeElement).toBe(older);

    fireEvent.click(within(lane).getByTestId('lane-show-more-done'));
    await within(lane).findByTestId('card-PAY-244');
    expect(fetchMock.mock.calls.map(([u]) => String(u))).toContain('/api/boards/board-1/lanes/done/cards?skip=40&take=20');
    expect(within(lane).getByTestId('lane-shown').textContent).toBe('Showing the 45 most recent of 45');
    expect(within(lane).queryByTestId('lane-show-more-done')).toBeNull();
  });

  it('an older card that leaves Done live shows once, in its new lane, and the next page leaves no gap', async () => {
    const done = (skip: number, take: number, without: string[] = []) =>
      Array.from({ length: 25 }, (_, i) => card(String(200 + i), 'done', 1))
        .filter((c) => !without.includes(c.id))
        .slice(Math.max(0, skip - 20), Math.max(0, skip - 20) + take);
    let moved: string[] = [];
    const fetchMock = stubFetch((url) => {
      const m = /^\/api\/boards\/board-1\/lanes\/done\/cards\?skip=(\d+)&take=(\d+)$/.exec(url);
      if (!m) return undefined;
      return json(200, { cards: done(Number(m[1]), Number(m[2]), moved), total: 45 - moved.length, people: [] });
    });
    const { client } = renderBoard(doneBoard());
    const lane = screen.getByTestId('lane-done');
    fireEvent.click(within(lane).getByTestId('lane-show-more-done'));
    await within(lane).findByTestId('card-PAY-219');

    // PAY-210 (loaded by "Show more") is moved back to In progress on another screen.
    moved = ['210'];
    act(() => {
      handleBoardEvent(client, 'board-1', {
        kind: 'CardMoved',
        boardId: 'board-1',
        version: 11,
        card: card('210', 'doing', 4096),
        fromLaneId: 'done',
        renumbered: [],
      } as BoardEvent);
    });
    await waitFor(() => expect(cardIds('doing')).toContain('card-PAY-210'));
    expect(cardIds('done')).not.toContain('card-PAY-210');
    expect(screen.getAllByTestId('card-PAY-210')).toHaveLength(1);
    expect(within(lane).getByTestId('lane-shown').textContent).toBe('Showing the 39 most recent of 44');

    // The server's Done list is one shorter: the next page starts after the 39 still shown.
    fireEvent.click(within(lane).getByTestId('lane-show-more-done'));
    await within(lane).findByTestId('card-PAY-224');
    expect(fetchMock.mock.calls.map(([u]) => String(u))).toContain('/api/boards/board-1/lanes/done/cards?skip=39&take=20');
    expect(cardIds('done')).toContain('card-PAY-220');
    expect(cardIds('done')).toHaveLength(44);
    expect(within(lane).getByTestId('lane-shown').textContent).toBe('Showing the 44 most recent of 44');
  });

  it('offers nothing more while the lane shows all its cards', () => {
    renderBoard(dailyBoard());
    expect(screen.queryByTestId('lane-show-more-done')).toBeNull();
  });
});

describe('accessibility (axe, without layout rules)', () => {
  it('the board with filters, and a card’s actions open', async () => {
    stubFetch((url) => (url === '/api/boards/board-1/people' ? json(200, [ana, bruno]) : undefined));
    const { container } = renderBoard(dailyBoard(), '/boards/board-1?class=Risk');
    const run = async () => {
      const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    };
    expect(await run()).toEqual([]);
    fireEvent.click(screen.getByTestId('card-actions-PAY-6'));
    await within(screen.getByTestId('card-actions-dialog')).findByText('Bruno Costa');
    expect(await run()).toEqual([]);
  });
});
