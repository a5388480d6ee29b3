import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AgingChart, CfdChart, CycleScatterChart } from './StatusCharts';
import { cfdFixture, cycleFixture, makeStatus } from './statusFixture';
import { agingPoints, stackCfd } from './statusText';

afterEach(cleanup);

// happy-dom has no canvas: uPlot does not draw, and the text alternatives must say it all anyway.

describe('chart data', () => {
  it('stacks the cumulative flow from the last lane up', () => {
    const { stacked } = stackCfd(cfdFixture);
    expect(stacked[2]).toEqual([1, 2, 4]); // Done alone
    expect(stacked[1]).toEqual([3, 5, 6]); // + Development
    expect(stacked[0]).toEqual([8, 9, 10]); // + Backlog: every card
  });

  it('places each card in progress at its lane, sorted for the chart', () => {
    const points = agingPoints(makeStatus().aging);
    expect(points.map((p) => p.key)).toEqual(['PAY-3', 'PAY-4', 'PAY-5']);
    expect(points.map((p) => Math.round(p.x))).toEqual([1, 1, 2]);
    expect(points.every((p, i) => i === 0 || p.x >= points[i - 1]!.x)).toBe(true);
  });
});

describe('text alternatives', () => {
  it('the cumulative flow: a named image, a one-line summary and its data as a table', () => {
    render(<CfdChart cfd={cfdFixture} />);
    const section = screen.getByRole('region', { name: 'Cumulative flow' });
    const summary = 'From 2026-12-01 to 2026-12-03 the board went from 8 to 10 cards; on 2026-12-03: Backlog 4, Development 2, Done 4.';
    expect(screen.getByTestId('status-cfd-summary').textContent).toBe(summary);
    const image = within(section).getByRole('img');
    expect(image.getAttribute('aria-label')).toContain(summary);
    const table = within(section).getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Day', 'Backlog', 'Development', 'Done']);
    expect(within(table).getAllByRole('row')[3]!.textContent).toBe('2026-12-03424');
    expect(within(section).getByText('The data of this chart as a table')).toBeTruthy();
  });

  it('the aging chart: cards by lane and age, against the percentile lines named in words', () => {
    render(<AgingChart status={makeStatus()} />);
    const section = screen.getByRole('region', { name: 'Aging of the work in progress' });
    expect(screen.getByTestId('status-aging-summary').textContent).toBe(
      '3 cards in progress; the oldest is PAY-3 at 9.5 days in Development; 1 older than the 85th percentile cycle time (6 days).',
    );
    expect(within(section).getByRole('img').getAttribute('aria-label')).toMatch(/^Aging chart/);
    expect(within(section).getByText('50th percentile (solid line): 3 days')).toBeTruthy();
    expect(within(section).getByText('85th percentile (dashed line): 6 days')).toBeTruthy();
    expect(within(section).getByText('95th percentile (dotted line): 8.5 days')).toBeTruthy();
    expect(within(section).getAllByRole('row')).toHaveLength(4);
  });

  it('the cycle-time scatter: each completed card in the table, the percentiles in the summary', () => {
    render(<CycleScatterChart cycle={cycleFixture} />);
    const section = screen.getByRole('region', { name: 'Cycle time of completed cards' });
    expect(screen.getByTestId('status-scatter-summary').textContent).toBe(
      '2 cards completed from 2026-09-04 to 2026-12-03; cycle time 50%: 3 days, 85%: 6 days, 95%: 6 days.',
    );
    expect(within(section).getByRole('img').getAttribute('aria-label')).toMatch(/50th, 85th and 95th percentile lines/);
    const rows = within(section).getAllByRole('row');
    expect(rows[1]!.textContent).toBe('PAY-1Sign-upStandard2026-11-253 days0.5 days67%');
  });

  it('says there is nothing to chart rather than drawing an empty one', () => {
    render(<CycleScatterChart cycle={{ ...cycleFixture, cards: [], p50: null, p85: null, p95: null }} />);
    expect(screen.getByTestId('status-scatter-summary').textContent).toBe('No card was completed from 2026-09-04 to 2026-12-03.');
    expect(screen.queryByRole('img')).toBeNull();
  });
});
