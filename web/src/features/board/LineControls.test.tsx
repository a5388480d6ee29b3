import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../api/boards';
import type { Board } from '../../api/types';
import { autoStop, makeFlowBoard, manualStop } from '../../test/fixtures';
import { BoardView } from './BoardPage';
import { LineBanner } from './LineBanner';
import { useBoard } from './useBoard';

function setup(board: Board) {
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

/** Renders BoardView from the cache, as BoardPage does, so cache changes show. */
function CachedBoard({ id }: { id: string }) {
  const query = useBoard(id);
  return query.data ? <BoardView board={query.data} connection="connected" /> : null;
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('LineBanner', () => {
  const now = Date.parse(manualStop.since) + 12 * 60_000;

  it('renders nothing while the line runs', () => {
    const { container } = render(
      <LineBanner line={{ stopped: false, since: null, reason: null, kind: null }} canResume onResume={() => {}} />,
    );
    expect(container.innerHTML).toBe('');
  });

  it('says a hand stop, its reason, since when and for how long, and offers to resume', () => {
    const onResume = vi.fn();
    render(<LineBanner line={{ ...manualStop }} canResume onResume={onResume} now={now} />);
    const banner = screen.getByTestId('line-banner');
    expect(banner.getAttribute('data-kind')).toBe('manual');
    expect(within(banner).getByRole('heading', { name: /Line stopped/ })).toBeTruthy();
    expect(screen.getByTestId('line-banner-reason').textContent).toBe('Payments to the sandbox fail');
    expect(screen.getByTestId('line-banner-kind').textContent).toMatch(/andon cord/);
    expect(screen.getByTestId('line-banner-since').textContent).toMatch(/for 12 min/);
    expect(banner.querySelector('time')!.getAttribute('dateTime')).toBe(manualStop.since);
    fireEvent.click(screen.getByTestId('resume-button'));
    expect(onResume).toHaveBeenCalledTimes(1);
  });

  it('explains an automatic stop and offers no resume (it restarts by itself)', () => {
    render(<LineBanner line={{ ...autoStop }} canResume onResume={() => {}} now={now} />);
    expect(screen.getByTestId('line-banner').getAttribute('data-kind')).toBe('auto');
    expect(screen.getByTestId('line-banner-kind').textContent).toBe(
      'Stopped automatically: untested work reached the threshold; test or finish work to restart it.',
    );
    expect(screen.queryByTestId('resume-button')).toBeNull();
  });

  it('hides the resume button without the permission', () => {
    render(<LineBanner line={{ ...manualStop }} canResume={false} onResume={() => {}} now={now} />);
    expect(screen.queryByTestId('resume-button')).toBeNull();
  });
});

describe('BoardView and the line', () => {
  it('marks the lanes that refuse pulls and the untested lanes', () => {
    const board = makeFlowBoard({ line: { ...autoStop } });
    const { wrapper } = setup(board);
    render(<BoardView board={board} connection="connected" />, { wrapper });
    const stopped = screen.getAllByTestId('lane-pull-stopped').map((el) => el.closest('[data-lane-name]')!.getAttribute('data-lane-name'));
    expect(stopped).toEqual(['Ready', 'In progress']);
    expect(screen.getByTestId('lane-ready').getAttribute('data-pull-stopped')).toBe('true');
    expect(screen.getByTestId('lane-ready').textContent).toContain('Pull stopped');
    const untested = screen.getAllByTestId('lane-untested').map((el) => el.closest('[data-lane-name]')!.getAttribute('data-lane-name'));
    expect(untested).toEqual(['Ready for test', 'Testing']);
    expect(screen.getByTestId('line-banner')).toBeTruthy();
  });

  it('says over limit when a lane holds more than its limit', () => {
    const board = makeFlowBoard();
    board.lanes = board.lanes.map((l) => (l.id === 'rft' ? { ...l, wipLimit: 1 } : l));
    const { wrapper } = setup(board);
    render(<BoardView board={board} connection="connected" />, { wrapper });
    const lane = screen.getByTestId('lane-rft');
    expect(lane.querySelector('[data-testid="lane-count"]')!.textContent).toBe('2/1');
    expect(lane.querySelector('[data-testid="lane-over-limit"]')!.textContent).toBe('Over limit');
    expect(lane.getAttribute('data-full')).toBe('true');
  });

  it('asks for a reason before stopping the line, then shows the banner', async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) =>
      json(200, { stopped: true, since: '2026-11-26T10:00:00Z', reason: 'Sandbox is down', kind: 'manual' }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const board = makeFlowBoard();
    const { wrapper } = setup(board);
    render(<CachedBoard id={board.id} />, { wrapper });

    fireEvent.click(screen.getByTestId('andon-button'));
    const dialog = screen.getByTestId('andon-dialog');
    expect(dialog.hasAttribute('open')).toBe(true);
    const reason = within(dialog).getByLabelText('Why are you stopping the line?');
    expect(reason.getAttribute('data-testid')).toBe('andon-reason');

    fireEvent.click(within(dialog).getByTestId('andon-submit'));
    expect(within(dialog).getByTestId('andon-dialog-field-error').textContent).toMatch(/Say why/);
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(fetchMock).not.toHaveBeenCalled();

    fireEvent.change(reason, { target: { value: '  Sandbox is down ' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByTestId('andon-submit'));
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/boards/board-1/line/stop');
    expect(JSON.parse(init!.body as string)).toEqual({ reason: 'Sandbox is down' });

    await waitFor(() => expect(screen.getByTestId('line-banner').getAttribute('data-kind')).toBe('manual'));
    expect(screen.getByTestId('line-banner-reason').textContent).toBe('Sandbox is down');
    await waitFor(() => expect(screen.getByTestId('andon-dialog').hasAttribute('open')).toBe(false));
    expect(screen.queryByTestId('andon-button')).toBeNull();
    expect(screen.getByTestId('resume-button')).toBeTruthy();
    expect(screen.getAllByTestId('lane-pull-stopped')).toHaveLength(2);
  });

  it('shows the server refusal inside the dialog', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(409, {
          type: 'urn:kanban:problem:line-stopped',
          title: 'The line is already stopped',
          status: 409,
          detail: 'The line has been stopped with the andon cord since 2026-11-26 09:00 UTC (Prod down); resume it before stopping it again.',
        }),
      ),
    );
    const board = makeFlowBoard();
    const { wrapper } = setup(board);
    render(<CachedBoard id={board.id} />, { wrapper });
    fireEvent.click(screen.getByTestId('andon-button'));
    fireEvent.change(screen.getByTestId('andon-reason'), { target: { value: 'Again' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('andon-submit'));
    });
    const error = await screen.findByTestId('andon-dialog-error');
    expect(error.textContent).toContain('The line is already stopped');
    expect(error.textContent).toContain('resume it before stopping it again');
    expect(screen.getByTestId('andon-dialog').hasAttribute('open')).toBe(true);
  });

  it('resumes a hand-stopped line with a note', async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => json(200, { stopped: false, since: null, reason: null, kind: null }));
    vi.stubGlobal('fetch', fetchMock);
    const board = makeFlowBoard({ line: { ...manualStop } });
    const { wrapper } = setup(board);
    render(<CachedBoard id={board.id} />, { wrapper });

    fireEvent.click(screen.getByTestId('resume-button'));
    const dialog = screen.getByTestId('resume-dialog');
    fireEvent.click(within(dialog).getByTestId('resume-submit'));
    expect(fetchMock).not.toHaveBeenCalled();
    fireEvent.change(within(dialog).getByTestId('resume-note'), { target: { value: 'Sandbox back' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByTestId('resume-submit'));
    });
    expect(JSON.parse(fetchMock.mock.calls[0]![1]!.body as string)).toEqual({ note: 'Sandbox back' });
    await waitFor(() => expect(screen.queryByTestId('line-banner')).toBeNull());
    expect(screen.getByTestId('andon-button')).toBeTruthy();
    expect(screen.queryAllByTestId('lane-pull-stopped')).toHaveLength(0);
  });

  it('announces a change of the line politely', async () => {
    const board = makeFlowBoard();
    const { client, wrapper } = setup(board);
    render(<CachedBoard id={board.id} />, { wrapper });
    const announcer = screen.getByTestId('line-announcer');
    expect(announcer.getAttribute('role')).toBe('status');
    expect(announcer.textContent).toBe('');
    act(() => {
      client.setQueryData<Board>(queryKeys.board(board.id), { ...board, version: 11, line: { ...autoStop } });
    });
    await waitFor(() => expect(announcer.textContent).toMatch(/^Line stopped automatically/));
  });
});
