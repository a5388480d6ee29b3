import type { Board, BoardSettings, Card, DuplicateCandidate, GateResult, Lane, Ticket } from '../api/types';

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
    blockedReason: null,
    blockedSince: null,
    startedAt: null,
    lastMovedAt: null,
    ageDays: null,
    daysSinceMove: null,
    completedAt: null,
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
    role: 'ProductOwner',
    people: [],
    timeZone: 'Europe/Berlin',
  };
}

/**
 * The default flow: Backlog → Ready (Queue, 5) → In progress (Active, 3) → Ready for test (Queue,
 * untested, 3) → Testing (Active, untested, 2) → Done. Cards: backlog 1, 2 · ready 3 · doing 4 ·
 * rft 5, 6 · testing 7. Counts match the cards.
 */
export function makeFlowBoard(extra: Partial<Board> = {}): Board {
  const cards = [
    card('1', 'backlog', 1024),
    card('2', 'backlog', 2048),
    card('3', 'ready', 1024),
    card('4', 'doing', 1024),
    card('5', 'rft', 1024),
    card('6', 'rft', 2048),
    card('7', 'testing', 1024),
  ];
  const lanes = [
    lane('backlog', 'Backlog', 0, { kind: 'Backlog' }),
    lane('ready', 'Ready', 1, { kind: 'Queue', wipLimit: 5 }),
    lane('doing', 'In progress', 2, { kind: 'Active', wipLimit: 3 }),
    lane('rft', 'Ready for test', 3, { kind: 'Queue', wipLimit: 3, untested: true }),
    lane('testing', 'Testing', 4, { kind: 'Active', wipLimit: 2, untested: true }),
    lane('done', 'Done', 5, { kind: 'Done' }),
  ].map((l) => ({ ...l, count: cards.filter((c) => c.laneId === l.id).length }));
  return {
    id: 'board-1',
    name: 'Payments',
    key: 'PAY',
    version: 10,
    lanes,
    cards,
    line: { stopped: false, since: null, reason: null, kind: null },
    role: 'ProductOwner',
    people: [],
    timeZone: 'Europe/Berlin',
    ...extra,
  };
}

export const manualStop = {
  stopped: true,
  since: '2026-11-26T09:00:00Z',
  reason: 'Payments to the sandbox fail',
  kind: 'manual',
  stoppedBy: null,
  stoppedByName: null,
} as const;

export const autoStop = {
  stopped: true,
  since: '2026-11-26T09:00:00Z',
  reason: '5 untested cards, threshold 5',
  kind: 'auto',
  stoppedBy: null,
  stoppedByName: null,
} as const;

export const passingGates: GateResult[] = [
  { gate: 'title', passed: true, message: 'The title is 34 characters.' },
  { gate: 'description', passed: true, message: 'The description has 22 words.' },
  { gate: 'definition-of-done', passed: true, message: '2 criteria, each checkable.' },
  { gate: 'estimate', passed: true, message: '2 days is within 0.5 to 5.' },
  { gate: 'duplicate', passed: true, message: 'No likely duplicate.' },
];

/** A ticket in triage on board-1, submitted by `ana`; key PAY-{id}. */
export function ticket(id: string, extra: Partial<Ticket> = {}): Ticket {
  return {
    id,
    key: `PAY-${id}`,
    boardId: 'board-1',
    title: `Refunds over 500 EUR need a second approval ${id}`,
    description: 'When a refund is over 500 EUR a second person approves it before the money leaves, and both names are kept.',
    definitionOfDone: ['A refund over 500 EUR waits for a second approval', 'The approver is recorded on the refund'],
    estimateDays: 2,
    class: 'Standard',
    state: 'Triage',
    laneId: null,
    rank: null,
    createdAt: '2026-11-26T09:00:00Z',
    updatedAt: '2026-11-26T09:00:00Z',
    submittedBy: 'ana',
    submittedByName: 'Ana Lima',
    likelyDuplicateOf: null,
    duplicateOf: null,
    gates: passingGates,
    duplicates: [],
    ...extra,
  };
}

/**
 * A duplicate candidate as the server lists it: ticket t{id}, key PAY-{id}, on the board and not
 * done, `likely` at 0.91 unless `extra` says otherwise.
 */
export function candidate(id: string, extra: Partial<DuplicateCandidate> = {}): DuplicateCandidate {
  return {
    ticketId: `t${id}`,
    key: `PAY-${id}`,
    title: `Card ${id}`,
    score: 0.91,
    match: 'likely',
    state: 'OnBoard',
    done: false,
    excerpt: `What card ${id} asks for.`,
    ...extra,
  };
}

/** A board's settings as the settings page reads them (the automatic stop-line threshold). */
export const boardSettings: BoardSettings = {
  personalWipLimit: 2,
  stopLineThreshold: null,
  effectiveStopLineThreshold: 5,
  staleDays: 3,
  maxEstimateDays: 5,
  duplicateThreshold: 0.8,
  duplicateWindowDays: 180,
  cycleTimeWindowDays: 90,
  forecastWeeks: 6,
  targetDate: null,
  stoppedRedPercent: 10,
  lineStopSound: false,
  fillerWords: ['works', 'as expected'],
};
