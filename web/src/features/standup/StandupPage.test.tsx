import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Board, Card, Outlier } from '../../api/types';
import { makeFlowBoard } from '../../test/fixtures';
import { StandupView } from './StandupPage';
import { standupItems } from './standupItems';

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

const ana = { id: 'u-ana', displayName: 'Ana Lima' };
const bruno = { id: 'u-bruno', displayName: 'Bruno Costa' };

/**
 * The flow board (Backlog 0 · Ready 1 · In progress 2 · Ready for test 3 · Testing 4 · Done 5):
 * PAY-3 (Ready) Bruno's, blocked; PAY-4 (In progress) Ana's; PAY-5 (Ready for test) blocked,
 * assigned to someone the board does not name; PAY-6 (Ready for test); PAY-7 (Testing) unassigned.
 */
function standupBoard(): Board {
  const board = makeFlowBoard();
  board.people = [ana, bruno];
  board.cards = board.cards.map((c): Card => {
    switch (c.id) {
      case '3':
        return { ...c, assigneeId: 'U-BRUNO', blocked: true, blockedReason: 'waiting for the bank', ageDays: 1 };
      case '4':
        return { ...c, title: 'Refunds over 500 EUR', assigneeId: ana.id, ageDays: 5 };
      case '5':
        return { ...c, assigneeId: 'u-gone', blocked: true, blockedReason: 'needs a test account', ageDays: 2 };
      case '6':
        return { ...c, ageDays: 9 };
      case '7':
        return { ...c, ageDays: 3 };
      default:
        return c;
    }
  });
  return board;
}

function outlier(id: string, laneId: string, ageDays: number, words: string[], extra: Partial<Outlier> = {}): Outlier {
  return {
    cardId: id,
    key: `PAY-${id}`,
    laneId,
    reasons: words.map((_, i) => (i === 0 ? 'estimate' : 'stale')),
    ageDays,
    thresholdDays: 4,
    blocked: false,
    details: words.map((w, i) => ({ reason: i === 0 ? 'estimate' : 'stale', figureDays: ageDays, thresholdDays: 4, words: w })),
    ...extra,
  };
}

/** As the server orders them: right to left by lane, oldest first. */
const serverOutliers: Outlier[] = [
  outlier('7', 'testing', 3, ['3 working days without a move']),
  outlier('6', 'rft', 9, ['9 working days in progress; estimated 2, so twice is 4', '9 working days without a move']),
  outlier('4', 'doing', 5, ['5 working days in progress; estimated 2, so twice is 4']),
];

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const loaded = () => waitFor(() => expect(screen.queryByText('Loading outliers…')).toBeNull());

function Location() {
  return <p data-testid="location">{useLocation().pathname}</p>;
}

async function renderStandup(board: Board, outliers: Outlier[]) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    if (url === `/api/boards/${board.id}/outliers`) return json(200, outliers);
    return json(404, { title: 'Not found' });
  });
  vi.stubGlobal('fetch', fetchMock);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const view = render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/boards/board-1/standup']}>
        <Routes>
          <Route path="/boards/:boardId/standup" element={<StandupView board={board} live={false} />} />
          <Route path="/tickets/:ticketId" element={<Location />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  await loaded();
  return { ...view, fetchMock };
}

const keys = () => screen.getAllByTestId(/^standup-item-/).map((el) => el.dataset.testid!.replace('standup-item-', ''));

describe('standupItems', () => {
  it('lists outliers and blocked cards once each, right to left by lane and oldest first', () => {
    const board = standupBoard();
    // PAY-5 is blocked and an outlier too: it is listed once, as the outlier it is, and blocked.
    const items = standupItems(board, [...serverOutliers, outlier('5', 'rft', 2, ['2 working days without a move'])]);
    expect(items.map((i) => i.key)).toEqual(['PAY-7', 'PAY-6', 'PAY-5', 'PAY-4', 'PAY-3']);
    expect(items.find((i) => i.key === 'PAY-5')).toMatchObject({ blocked: true, reasons: [{ words: '2 working days without a move' }] });
  });

  it('orders by the lanes’ order, not by the order the board lists them, and oldest first within a lane', () => {
    const board = standupBoard();
    board.lanes = [...board.lanes].reverse();
    board.cards = [...board.cards].reverse();
    const items = standupItems(board, [outlier('5', 'rft', 2, ['a']), outlier('6', 'rft', 9, ['b'])]);
    expect(items.map((i) => i.key)).toEqual(['PAY-6', 'PAY-5', 'PAY-3']);
  });
});

describe('StandupView', () => {
  it('shows each item with its key linking to the ticket, title, lane, assignee’s name, age, block and reasons', async () => {
    await renderStandup(standupBoard(), serverOutliers);
    expect(keys()).toEqual(['PAY-7', 'PAY-6', 'PAY-5', 'PAY-4', 'PAY-3']);
    expect(screen.getByTestId('standup-counts').textContent).toBe('5 cards to discuss: 3 outliers, 2 blocked');

    const refunds = screen.getByTestId('standup-item-PAY-4');
    expect(refunds.getAttribute('href')).toBe('/tickets/4');
    expect(refunds.textContent).toContain('Refunds over 500 EUR');
    expect(within(refunds).getByTestId('standup-lane').textContent).toBe('Lane: In progress');
    expect(within(refunds).getByTestId('standup-assignee').textContent).toBe('Assignee: Ana Lima');
    expect(within(refunds).getByTestId('standup-age').textContent).toBe('5 working days');
    expect(within(refunds).queryByTestId('standup-blocked')).toBeNull();
    expect(within(refunds).getAllByTestId('standup-reason').map((b) => b.textContent)).toEqual([
      '5 working days in progress; estimated 2, so twice is 4',
    ]);

    const six = screen.getByTestId('standup-item-PAY-6');
    expect(within(six).getAllByTestId('standup-reason').map((b) => b.textContent)).toEqual([
      '9 working days in progress; estimated 2, so twice is 4',
      '9 working days without a move',
    ]);

    const blocked = screen.getByTestId('standup-item-PAY-3');
    expect(within(blocked).getByTestId('standup-blocked').textContent).toContain('waiting for the bank');
    expect(within(blocked).queryAllByTestId('standup-reason')).toHaveLength(0);
  });

  it('names assignees, never by id: a name the board does not know is “Someone”, none is “Unassigned”', async () => {
    await renderStandup(standupBoard(), serverOutliers);
    const assignee = (key: string) => within(screen.getByTestId(`standup-item-${key}`)).getByTestId('standup-assignee').textContent;
    expect(assignee('PAY-3')).toBe('Assignee: Bruno Costa');
    expect(assignee('PAY-5')).toBe('Assignee: Someone');
    expect(assignee('PAY-7')).toBe('Assignee: Unassigned');
    expect(screen.getByTestId('standup-list').textContent).not.toMatch(/u-gone|u-ana|U-BRUNO/);
  });

  it('is walked with j/k and the arrows, Home and End, and Enter opens the current card', async () => {
    await renderStandup(standupBoard(), serverOutliers);
    const item = (key: string) => screen.getByTestId(`standup-item-${key}`);

    fireEvent.keyDown(document.body, { key: 'j' });
    expect(document.activeElement).toBe(item('PAY-7'));
    expect(item('PAY-7').getAttribute('aria-current')).toBe('true');
    fireEvent.keyDown(document.activeElement!, { key: 'j' });
    expect(document.activeElement).toBe(item('PAY-6'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(item('PAY-5'));
    fireEvent.keyDown(document.activeElement!, { key: 'k' });
    expect(document.activeElement).toBe(item('PAY-6'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(item('PAY-7'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(item('PAY-7'));
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(item('PAY-3'));
    fireEvent.keyDown(document.activeElement!, { key: 'j' });
    expect(document.activeElement).toBe(item('PAY-3'));
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(item('PAY-7'));
    expect(item('PAY-6').getAttribute('aria-current')).toBeNull();

    // Tab (focus arriving another way) moves the current item too.
    act(() => item('PAY-4').focus());
    expect(item('PAY-4').getAttribute('aria-current')).toBe('true');
    fireEvent.keyDown(document.activeElement!, { key: 'k' });
    expect(document.activeElement).toBe(item('PAY-5'));

    // Each item is a link, so Enter (and a click) opens its ticket.
    fireEvent.click(document.activeElement!);
    expect(screen.getByTestId('location').textContent).toBe('/tickets/5');
  });

  it('does not take j and k from someone typing', async () => {
    await renderStandup(standupBoard(), serverOutliers);
    const input = document.createElement('input');
    document.body.appendChild(input);
    input.focus();
    fireEvent.keyDown(input, { key: 'j' });
    expect(document.activeElement).toBe(input);
    input.remove();
  });

  it('says there is nothing to discuss when no card is an outlier or blocked', async () => {
    const board = makeFlowBoard();
    await renderStandup(board, []);
    expect(screen.getByTestId('standup-empty').textContent).toContain('Nothing to discuss');
    expect(screen.getByTestId('standup-counts').textContent).toBe('Nothing to discuss');
    expect(screen.queryByTestId('standup-list')).toBeNull();
  });

  it('still lists the blocked cards, and says so, when the outliers cannot be loaded', async () => {
    const board = standupBoard();
    vi.stubGlobal('fetch', vi.fn(async () => json(500, { title: 'Server error', detail: 'The server failed.' })));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <MemoryRouter>
          <StandupView board={board} live={false} />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    await loaded();
    expect(screen.getByTestId('standup-error')).toBeTruthy();
    expect(keys()).toEqual(['PAY-5', 'PAY-3']);
  });

  it('has no axe violations', async () => {
    const { container } = await renderStandup(standupBoard(), serverOutliers);
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});
