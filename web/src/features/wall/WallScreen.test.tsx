import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Board, Outlier } from '../../api/types';
import { makeFlowBoard, manualStop } from '../../test/fixtures';
import { HINT_MS, WallScreen } from './WallPage';

const outlier: Outlier = {
  cardId: '5',
  key: 'PAY-5',
  laneId: 'rft',
  reasons: ['stale'],
  ageDays: 6,
  thresholdDays: 3,
  blocked: false,
  details: [{ reason: 'stale', figureDays: 6, thresholdDays: 3, words: '6 working days without a move' }],
};

function board(extra: Partial<Board> = {}): Board {
  const base = makeFlowBoard();
  return {
    ...base,
    cards: base.cards.map((c) => ({ ...c, key: `PAY-${c.id}`, title: `Card ${c.id}` })),
    ...extra,
  };
}

describe('WallScreen', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('names the standup key in a hint that hides itself', () => {
    render(<WallScreen board={board()} live={{ state: 'connected' }} outliers={[]} />);
    expect(screen.getByTestId('wall-hint').textContent).toBe('Press S for the standup walk');
    act(() => vi.advanceTimersByTime(HINT_MS + 10));
    expect(screen.queryByTestId('wall-hint')).toBeNull();
  });

  it('walks with S, the arrows and Escape: the outlier with its reason first, then a lane at its limit', () => {
    const full = board();
    const lanes = full.lanes.map((l) => (l.id === 'testing' ? { ...l, count: 2 } : l));
    render(<WallScreen board={{ ...full, lanes }} live={{ state: 'connected' }} outliers={[outlier]} />);

    fireEvent.keyDown(window, { key: 's' });
    const first = screen.getByTestId('wall-standup');
    expect(first.dataset.cardKey).toBe('PAY-5');
    expect(first.textContent).toContain('1 of 2');
    expect(screen.getByTestId('wall-standup-reason').textContent).toContain('6 working days without a move');
    expect(screen.getByTestId('wall-standup-assignee').textContent).toBe('Unassigned');

    fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(screen.getByTestId('wall-standup').dataset.laneId).toBe('testing');
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    expect(screen.getByTestId('wall-standup').dataset.cardKey).toBe('PAY-5');

    fireEvent.keyDown(window, { key: 't' });
    expect(screen.getByTestId('wall-standup').textContent).toContain('timer on');
    act(() => vi.advanceTimersByTime(30_000));
    expect(screen.getByTestId('wall-standup').dataset.laneId).toBe('testing');

    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByTestId('wall-standup')).toBeNull();
  });

  it('says when the live link is lost, from then on, until it is back', () => {
    vi.setSystemTime(new Date(2026, 11, 3, 10, 32, 15));
    const { rerender } = render(<WallScreen board={board()} live={{ state: 'connected' }} outliers={[]} />);
    expect(screen.queryByTestId('wall-stale')).toBeNull();

    rerender(<WallScreen board={board()} live={{ state: 'reconnecting' }} outliers={[]} />);
    act(() => vi.advanceTimersByTime(90_000));
    rerender(<WallScreen board={board()} live={{ state: 'connecting' }} outliers={[]} />);
    expect(screen.getByTestId('wall-stale').textContent).toContain('Connection lost, shown as of 10:32');
    expect(screen.getByTestId('wall').dataset.live).toBe('lost');

    rerender(<WallScreen board={board()} live={{ state: 'connected' }} outliers={[]} />);
    expect(screen.queryByTestId('wall-stale')).toBeNull();
  });

  it('shows a stopped line with its reason, who pulled the cord and for how long, as text', () => {
    vi.setSystemTime(new Date(Date.parse(manualStop.since) + 125_000));
    const line = { ...manualStop, reason: '<b>Sandbox</b> down', stoppedBy: 'u1', stoppedByName: 'Ana Lima' };
    render(<WallScreen board={board({ line })} live={{ state: 'connected' }} outliers={[]} />);
    const banner = screen.getByTestId('wall-line-banner');
    expect(screen.getByTestId('wall-line-reason').textContent).toBe('<b>Sandbox</b> down');
    expect(banner.querySelector('b')).toBeNull();
    expect(screen.getByTestId('wall-line-kind').textContent).toBe('Andon cord pulled by Ana Lima');
    expect(screen.getByTestId('wall-line-for').textContent).toContain('for 2 min 05 s');
  });

  it('announces a stopped line once: the alert does not change as the time ticks, and holds no ticking part', () => {
    vi.setSystemTime(new Date(Date.parse(manualStop.since) + 125_000));
    const line = { ...manualStop, reason: 'Sandbox down', stoppedBy: 'u1', stoppedByName: 'Ana Lima' };
    render(<WallScreen board={board({ line })} live={{ state: 'connected' }} outliers={[]} />);
    const alerts = () => screen.getAllByRole('alert').map((a) => a.textContent).join('|');
    const first = alerts();
    expect(first).toContain('Andon cord pulled by Ana Lima');
    expect(first).toContain('Sandbox down');
    act(() => vi.advanceTimersByTime(3_000));
    expect(screen.getByTestId('wall-line-for').textContent).toContain('for 2 min 08 s');
    expect(alerts()).toBe(first);
    for (const alert of screen.getAllByRole('alert')) expect(alert.contains(screen.getByTestId('wall-line-for'))).toBe(false);
  });

  it('fits the board to the room it has after the screen changes, not to the room it had before', () => {
    const room = { width: 1896, height: 943 };
    const width = vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('wall__board') ? room.width : 0;
    });
    const height = vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('wall__board') ? room.height : 0;
    });
    try {
      Object.assign(window, { innerWidth: 1920, innerHeight: 1080 });
      render(<WallScreen board={board()} live={{ state: 'connected' }} outliers={[]} />);
      const at1080 = Number(screen.getByTestId('wall').dataset.titlePx);

      // A 4K screen: the board has twice the room; no ResizeObserver tells the wall (jsdom has none,
      // and in a browser it may fire before the render that doubles the header).
      room.width = 3816;
      room.height = 1921;
      Object.assign(window, { innerWidth: 3840, innerHeight: 2160 });
      act(() => {
        window.dispatchEvent(new Event('resize'));
      });
      expect(Number(screen.getByTestId('wall').dataset.titlePx)).toBeGreaterThanOrEqual(1.6 * at1080);
    } finally {
      width.mockRestore();
      height.mockRestore();
    }
  });
});
