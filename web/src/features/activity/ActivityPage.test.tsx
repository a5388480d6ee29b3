import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActivityItem } from '../../api/types';
import { makeFlowBoard } from '../../test/fixtures';
import { ActivityView } from './ActivityPage';

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const item = (n: number, extra: Partial<ActivityItem> = {}): ActivityItem => ({
  id: `a${n}`,
  version: n,
  at: `2026-11-${String(n).padStart(2, '0')}T09:00:00Z`,
  by: 'ana',
  byName: 'Ana Lima',
  kind: 'CardMoved',
  cardId: 'c1',
  summary: `Move ${n}`,
  data: null,
  ...extra,
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderActivity() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <MemoryRouter>{children}</MemoryRouter>
    </QueryClientProvider>
  );
  render(<ActivityView board={makeFlowBoard()} live={false} />, { wrapper });
}

describe('ActivityView', () => {
  it('names who made each entry; an entry nobody made (the board itself) names no one', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(200, {
          items: [
            item(3, { kind: 'TicketCommented', summary: 'Commented on PAY-7' }),
            item(2, { by: null, byName: null, kind: 'LineStopped', summary: 'The line stopped by itself' }),
            item(1, { by: 'gone', byName: null }),
          ],
          next: null,
        }),
      ),
    );
    renderActivity();
    const entries = await screen.findAllByTestId('activity-item');
    expect(entries.map((e) => e.querySelector('.activity__summary')!.textContent)).toEqual([
      'Commented on PAY-7 · Ana Lima',
      'The line stopped by itself',
      'Move 1 · someone',
    ]);
    expect(entries[0]!.textContent).toContain('Comment');
  });

  it('pages back to the oldest entry: Older until next is null', async () => {
    const fetchMock = vi.fn(async (url: string) => {
      const before = new URL(url, 'http://x').searchParams.get('before');
      if (!before) return json(200, { items: [item(9), item(8)], next: '2026-11-08T09:00:00Z' });
      if (before === '2026-11-08T09:00:00Z') return json(200, { items: [item(7), item(6)], next: '2026-11-06T09:00:00Z' });
      return json(200, { items: [item(5, { by: null, byName: null, summary: 'Imported: PAY-1 arrived on the board' })], next: null });
    });
    vi.stubGlobal('fetch', fetchMock);
    renderActivity();
    await screen.findAllByTestId('activity-item');
    const older = screen.getByTestId('activity-load-older');
    expect(older.textContent).toBe('Older');
    expect(screen.queryByTestId('activity-end')).toBeNull();
    await act(async () => {
      fireEvent.click(older);
    });
    await waitFor(() => expect(screen.getAllByTestId('activity-item')).toHaveLength(4));
    await act(async () => {
      fireEvent.click(screen.getByTestId('activity-load-older'));
    });
    await waitFor(() => expect(screen.getAllByTestId('activity-item')).toHaveLength(5));
    expect(screen.queryByTestId('activity-load-older')).toBeNull();
    expect(screen.getByTestId('activity-end')).toBeTruthy();
    expect(fetchMock.mock.calls.map(([u]) => u)).toEqual([
      '/api/boards/board-1/activity?take=30',
      '/api/boards/board-1/activity?before=2026-11-08T09%3A00%3A00Z&take=30',
      '/api/boards/board-1/activity?before=2026-11-06T09%3A00%3A00Z&take=30',
    ]);
  });
});
