import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { boardsApi } from '../../api/boards';
import { ApiError } from '../../api/http';
import { makeFlowBoard } from '../../test/fixtures';
import { WallPage } from './WallPage';

const hub = vi.hoisted(() => ({ enabled: [] as boolean[] }));
vi.mock('../board/useBoardHub', () => ({
  useBoardHub: (_boardId: string, enabled = true) => {
    hub.enabled.push(enabled);
    return { state: 'disconnected' };
  },
}));
vi.mock('../board/useOutliers', () => ({
  useOutliers: () => ({ data: [] }),
  useOutliersByCard: () => new Map(),
}));

const down = () => new ApiError(0, { status: 0, title: 'Network error', detail: 'The server could not be reached.' });

function renderWall() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/wall/b1']}>
        <Routes>
          <Route path="/wall/:boardId" element={<WallPage />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('WallPage', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    hub.enabled = [];
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('opened while the server is down, says it is not live, keeps trying and shows the board when the server is back', async () => {
    let calls = 0;
    vi.spyOn(boardsApi, 'get').mockImplementation(async () => {
      calls += 1;
      if (calls <= 6) throw down();
      return makeFlowBoard();
    });
    renderWall();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5_000);
    });
    expect(screen.getByTestId('wall-unreachable').textContent).toContain('Not live');
    // The live link does not wait for the board: it starts at once, on its own.
    expect(hub.enabled.length).toBeGreaterThan(0);
    expect(hub.enabled.every(Boolean)).toBe(true);

    // Well past the three tries a signed-in page gives up after.
    await act(async () => {
      await vi.advanceTimersByTimeAsync(120_000);
    });
    expect(calls).toBeGreaterThan(6);
    expect(screen.getByTestId('wall')).toBeTruthy();
  });

  it('takes a 4xx as final: a link that does not work is said so, and not tried again', async () => {
    const get = vi.spyOn(boardsApi, 'get').mockRejectedValue(new ApiError(404, { status: 404, title: 'Not found' }));
    renderWall();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60_000);
    });
    expect(screen.getByTestId('wall-not-found')).toBeTruthy();
    expect(get).toHaveBeenCalledTimes(1);
  });
});
