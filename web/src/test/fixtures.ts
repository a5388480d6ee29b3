import type { Board, Card, Lane } from '../api/types';

export function lane(id: string, name: string, order: number, extra: Partial<Lane> = {}): Lane {
  return { id, name, kind: 'Active', wipLimit: null, untested: false, order, count: 0, ...extra };
}

export function card(id: string, laneId: string, rank: number, extra: Partial<Card> = {}): Card {
  return {
    id,
    key: `PAY-${id}`,
    title: `Card ${id}`,
    laneId,
    rank,
    class: 'Standard',
    estimateDays: 2,
    assigneeId: null,
    blocked: false,
    outlier: false,
    ...extra,
  };
}

/** Backlog: 1,2,3 · In progress (limit 3): 4,5 · Done: empty. Counts match the cards. */
export function makeBoard(): Board {
  const cards = [
    card('1', 'backlog', 1024),
    card('2', 'backlog', 2048),
    card('3', 'backlog', 3072),
    card('4', 'doing', 1024),
    card('5', 'doing', 2048, { blocked: true, class: 'Risk' }),
  ];
  const lanes = [
    lane('done', 'Done', 3, { kind: 'Done' }),
    lane('backlog', 'Backlog', 1, { kind: 'Backlog' }),
    lane('doing', 'In progress', 2, { wipLimit: 3 }),
  ].map((l) => ({ ...l, count: cards.filter((c) => c.laneId === l.id).length }));
  return {
    id: 'board-1',
    name: 'Payments',
    key: 'PAY',
    version: 10,
    lanes,
    cards,
    line: { stopped: false, since: null, reason: null, kind: null },
  };
}
