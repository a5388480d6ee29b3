import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeFlowBoard } from '../../test/fixtures';
import { LanesEditor } from './LanesEditor';

function wrapper({ children }: { children: ReactNode }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  return (
    <QueryClientProvider client={client}>
      <MemoryRouter>{children}</MemoryRouter>
    </QueryClientProvider>
  );
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

/** The lanes' ids in the order the list shows them. */
function rowOrder(): string[] {
  return within(screen.getByTestId('lane-rows'))
    .getAllByRole('listitem')
    .map((li) => li.getAttribute('data-lane-id')!);
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('LanesEditor reorder', () => {
  it('moves a lane one place with its button, saves its order and keeps focus on the button', async () => {
    const board = makeFlowBoard();
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => json(200, { ...board.lanes[4], ...JSON.parse(init!.body as string) }));
    vi.stubGlobal('fetch', fetchMock);
    render(<LanesEditor boardId="board-1" lanes={board.lanes} canEdit />, { wrapper });
    expect(rowOrder()).toEqual(['backlog', 'ready', 'doing', 'rft', 'testing', 'done']);

    const later = screen.getByTestId('lane-down-testing');
    later.focus();
    await act(async () => {
      fireEvent.click(later);
    });

    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/boards/board-1/lanes/testing');
    expect(init!.method).toBe('PUT');
    // The lane's saved fields, not any unsaved edit, with its new place.
    expect(JSON.parse(init!.body as string)).toEqual({ name: 'Testing', kind: 'Active', wipLimit: 2, untested: true, order: 5 });
    expect(rowOrder()).toEqual(['backlog', 'ready', 'doing', 'rft', 'done', 'testing']);
    expect(screen.getByTestId('lanes-status').textContent).toBe('Testing moved to position 6 of 6.');
    // Now last: its "later" button says it is unavailable, and still holds the focus.
    const moved = screen.getByTestId('lane-down-testing');
    expect(moved.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(moved);

    // Pressing it again at the end sends nothing.
    await act(async () => {
      fireEvent.click(moved);
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('puts a refused move back and shows the server\u2019s problem on the lane', async () => {
    const board = makeFlowBoard();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(409, {
          type: 'urn:kanban:problem:concurrency-conflict',
          title: 'Someone else changed the board',
          status: 409,
          detail: 'The board changed while this was saved; look again and retry.',
        }),
      ),
    );
    render(<LanesEditor boardId="board-1" lanes={board.lanes} canEdit />, { wrapper });

    const earlier = screen.getByTestId('lane-up-doing');
    earlier.focus();
    await act(async () => {
      fireEvent.click(earlier);
    });

    expect(rowOrder()).toEqual(['backlog', 'ready', 'doing', 'rft', 'testing', 'done']);
    const error = await screen.findByTestId('lane-error-doing');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('The board changed while this was saved; look again and retry.');
    expect(screen.getByTestId('lanes-status').textContent).toBe('In progress was not moved.');
    expect(document.activeElement).toBe(screen.getByTestId('lane-up-doing'));
  });

  it('marks a lane with unsaved edits, and a move sends its saved fields', async () => {
    const board = makeFlowBoard();
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => json(200, JSON.parse(init!.body as string)));
    vi.stubGlobal('fetch', fetchMock);
    render(<LanesEditor boardId="board-1" lanes={board.lanes} canEdit />, { wrapper });

    fireEvent.change(screen.getByTestId('lane-name-ready'), { target: { value: 'Next up' } });
    expect(screen.getByTestId('lane-unsaved-ready').textContent).toBe('Unsaved changes');
    expect(screen.queryByTestId('lane-unsaved-doing')).toBeNull();

    await act(async () => {
      fireEvent.click(screen.getByTestId('lane-down-ready'));
    });
    expect(JSON.parse(fetchMock.mock.calls[0]![1]!.body as string)).toMatchObject({ name: 'Ready', order: 2 });
    // The edit is still there, still marked.
    expect((screen.getByTestId('lane-name-ready') as HTMLInputElement).value).toBe('Next up');
    expect(screen.getByTestId('lane-unsaved-ready')).toBeTruthy();

    fireEvent.change(screen.getByTestId('lane-name-ready'), { target: { value: 'Ready' } });
    expect(screen.queryByTestId('lane-unsaved-ready')).toBeNull();
  });

  it('offers a labelled drag handle that the keyboard can pick up, with instructions', () => {
    const board = makeFlowBoard();
    render(<LanesEditor boardId="board-1" lanes={board.lanes} canEdit />, { wrapper });
    const handle = screen.getByTestId('lane-drag-rft');
    expect(handle.tagName).toBe('BUTTON');
    expect(handle.getAttribute('aria-label')).toBe('Reorder Ready for test, position 4 of 6');
    expect(handle.getAttribute('aria-roledescription')).toBe('sortable');
    const instructions = document.getElementById(handle.getAttribute('aria-describedby')!);
    expect(instructions?.textContent).toMatch(/press Space or Enter on its handle/);
  });

  it('reorders by keyboard on the handle: Space picks up, an arrow moves, Space drops', async () => {
    // The list's rows laid out top to bottom, 100 px each, as a browser would measure them.
    const rect = vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      const li = this.closest('li[data-lane-id]');
      const index = li ? [...li.parentElement!.children].indexOf(li) : 0;
      const top = index * 110;
      return { x: 0, y: top, top, left: 0, right: 800, bottom: top + 100, width: 800, height: 100, toJSON: () => ({}) } as DOMRect;
    });
    const board = makeFlowBoard();
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => json(200, JSON.parse(init!.body as string)));
    vi.stubGlobal('fetch', fetchMock);
    render(<LanesEditor boardId="board-1" lanes={board.lanes} canEdit />, { wrapper });

    const handle = screen.getByTestId('lane-drag-ready');
    handle.focus();
    // The sensor listens for the next keys a tick after the pick-up, as in a browser.
    const press = async (key: string, code: string) => {
      await act(async () => {
        fireEvent.keyDown(document.activeElement ?? handle, { key, code });
        await new Promise((r) => setTimeout(r, 10));
      });
    };
    await press(' ', 'Space');
    await press('ArrowDown', 'ArrowDown');
    await press(' ', 'Space');

    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/boards/board-1/lanes/ready');
    expect(JSON.parse(fetchMock.mock.calls[0]![1]!.body as string)).toMatchObject({ name: 'Ready', order: 2 });
    expect(rowOrder()).toEqual(['backlog', 'doing', 'ready', 'rft', 'testing', 'done']);
    expect(document.activeElement).toBe(screen.getByTestId('lane-drag-ready'));
    expect(document.body.textContent).toContain('Ready dropped at position 3 of 6.');
    rect.mockRestore();
  });

  it('shows no reorder controls to someone who cannot edit lanes', () => {
    const board = makeFlowBoard();
    render(<LanesEditor boardId="board-1" lanes={board.lanes} canEdit={false} />, { wrapper });
    expect(screen.queryByTestId('lane-drag-ready')).toBeNull();
    expect(screen.queryByTestId('lane-down-ready')).toBeNull();
  });
});
