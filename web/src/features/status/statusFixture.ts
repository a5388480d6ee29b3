// A status answer for the tests, as the contract gives it.
import type { CfdResponse, CycleTimesResponse, StatusResponse } from '../../api/status';

export function makeStatus(extra: Partial<StatusResponse> = {}): StatusResponse {
  return {
    boardId: 'board-1',
    boardName: 'Payments',
    boardKey: 'PAY',
    timeZone: 'Europe/London',
    version: 7,
    generatedAt: '2026-12-03T10:00:00Z',
    rag: 'Red',
    reasons: [
      {
        rule: 'line-stopped-this-week',
        rag: 'Red',
        text: "The line was stopped 14% of this week's working time (limit 10%).",
        figures: { share: 0.14, limit: 0.1 },
      },
      { rule: 'outliers', rag: 'Amber', text: '1 card is an outlier: PAY-3.', figures: { count: 1 } },
    ],
    line: {
      stopped: false,
      current: null,
      stoppedShareThisWeek: 0.14,
      weeks: [
        { weekStart: '2026-11-23', stoppedHours: 0, share: 0 },
        { weekStart: '2026-11-30', stoppedHours: 2.5, share: 0.14 },
      ],
      history: [
        {
          kind: 'Manual',
          reason: 'Payments failing in test',
          stoppedAt: '2026-12-01T09:00:00Z',
          stoppedBy: 'Mia Member',
          resumedAt: '2026-12-01T11:30:00Z',
          resumedBy: 'Ana Owner',
          hours: 2.5,
        },
      ],
    },
    lanesAtLimit: [{ laneId: 'l-dev', name: 'Development', count: 3, limit: 3, over: false }],
    outliers: [
      {
        cardId: 'c3',
        key: 'PAY-3',
        title: 'Refund flow',
        laneId: 'l-dev',
        laneName: 'Development',
        reasons: ['age'],
        ageDays: 9.5,
        thresholdDays: 6,
        words: ['9.5 days in progress, the 85th percentile is 6 days'],
        assignee: 'Mia Member',
      },
    ],
    blocked: [],
    throughputPerWeek: 4.2,
    cycleTimeDays: { p50: 3, p85: 6, p95: 8.5, count: 24 },
    flowEfficiency: 0.42,
    aging: {
      cards: [
        { cardId: 'c3', key: 'PAY-3', title: 'Refund flow', laneId: 'l-dev', laneName: 'Development', ageDays: 9.5 },
        { cardId: 'c4', key: 'PAY-4', title: 'Card vault', laneId: 'l-dev', laneName: 'Development', ageDays: 2 },
        { cardId: 'c5', key: 'PAY-5', title: 'Ledger', laneId: 'l-test', laneName: 'Testing', ageDays: 4 },
      ],
      lanes: [
        { laneId: 'l-ready', name: 'Ready' },
        { laneId: 'l-dev', name: 'Development' },
        { laneId: 'l-test', name: 'Testing' },
      ],
    },
    forecast: {
      remaining: 12,
      p50: '2027-01-08',
      p85: '2027-01-15',
      p95: '2027-01-22',
      reason: null,
      weeks: 6,
      trials: 10000,
      howManyBy: null,
    },
    targetDate: '2027-01-31',
    notes: [{ id: 'n1', text: 'Waiting on the bank for the test keys.', at: '2026-12-02T15:00:00Z', by: 'Ana Owner' }],
    ...extra,
  };
}

export const cfdFixture: CfdResponse = {
  from: '2026-12-01',
  to: '2026-12-03',
  lanes: [
    { laneId: 'l-backlog', name: 'Backlog', kind: 'Backlog' },
    { laneId: 'l-dev', name: 'Development', kind: 'Active' },
    { laneId: 'l-done', name: 'Done', kind: 'Done' },
  ],
  days: [
    { date: '2026-12-01', counts: [5, 2, 1] },
    { date: '2026-12-02', counts: [4, 3, 2] },
    { date: '2026-12-03', counts: [4, 2, 4] },
  ],
};

export const cycleFixture: CycleTimesResponse = {
  from: '2026-09-04',
  to: '2026-12-03',
  cards: [
    {
      cardId: 'c1',
      key: 'PAY-1',
      title: 'Sign-up',
      class: 'Standard',
      startedAt: '2026-11-20T09:00:00Z',
      completedAt: '2026-11-25T09:00:00Z',
      completedOn: '2026-11-25',
      cycleTimeDays: 3,
      activeDays: 2,
      blockedDays: 0.5,
      flowEfficiency: 0.67,
    },
    {
      cardId: 'c2',
      key: 'PAY-2',
      title: 'Invoices',
      class: 'Risk',
      startedAt: '2026-11-10T09:00:00Z',
      completedAt: '2026-11-18T09:00:00Z',
      completedOn: '2026-11-18',
      cycleTimeDays: 6,
      activeDays: 3,
      blockedDays: 0,
      flowEfficiency: 0.5,
    },
  ],
  p50: 3,
  p85: 6,
  p95: 6,
  flowEfficiency: 0.58,
};
