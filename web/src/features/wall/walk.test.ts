import { describe, expect, it } from 'vitest';
import type { Outlier } from '../../api/types';
import { makeFlowBoard } from '../../test/fixtures';
import { lanesAtLimit, standupWalk } from '../standup/standupItems';

const outlier = (cardId: string, laneId: string, ageDays: number): Outlier => ({
  cardId,
  key: `PAY-${cardId}`,
  laneId,
  reasons: ['stale'],
  ageDays,
  thresholdDays: 3,
  blocked: false,
  details: [{ reason: 'stale', figureDays: ageDays, thresholdDays: 3, words: `Not moved for ${ageDays} days` }],
});

describe("the wall's standup walk", () => {
  it('walks the outliers and blocked cards right to left, oldest first, then the lanes at their limit right to left', () => {
    const base = makeFlowBoard();
    const board = {
      ...base,
      // Testing (limit 2) and In progress (limit 3) at their limit; Ready for test below it.
      lanes: base.lanes.map((l) => (l.id === 'testing' ? { ...l, count: 2 } : l.id === 'doing' ? { ...l, count: 3 } : l)),
      cards: base.cards.map((c) => (c.id === '3' ? { ...c, blocked: true, blockedReason: 'Waiting for the bank' } : c)),
    };
    const walk = standupWalk(board, [outlier('4', 'doing', 6), outlier('7', 'testing', 2), outlier('5', 'rft', 9)]);

    expect(walk.map((s) => (s.kind === 'card' ? `card ${s.item.cardId}` : `lane ${s.lane.id}`))).toEqual([
      'card 7',
      'card 5',
      'card 4',
      'card 3',
      'lane testing',
      'lane doing',
    ]);
    const blocked = walk[3]!;
    expect(blocked.kind === 'card' && blocked.item.blockedReason).toBe('Waiting for the bank');
  });

  it('leaves out lanes without a limit and the backlog and done', () => {
    const base = makeFlowBoard();
    const board = { ...base, lanes: base.lanes.map((l) => ({ ...l, count: 9 })) };
    expect(lanesAtLimit(board).map((l) => l.id)).toEqual(['testing', 'rft', 'doing', 'ready']);
  });
});
