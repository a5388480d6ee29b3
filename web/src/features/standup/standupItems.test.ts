import { describe, expect, it } from 'vitest';
import { makeFlowBoard } from '../../test/fixtures';
import { standupItems } from './standupItems';

describe('standupItems', () => {
  it('lists blocked cards in queue and active lanes only: a blocked card in the backlog or done is not work in progress', () => {
    const board = makeFlowBoard();
    const blockedIn = (laneId: string) => board.cards.find((c) => c.laneId === laneId)!;
    const ids = ['backlog', 'ready', 'doing', 'done'].filter((l) => board.cards.some((c) => c.laneId === l)).map((l) => blockedIn(l).id);
    const blocked = { ...board, cards: board.cards.map((c) => (ids.includes(c.id) ? { ...c, blocked: true, blockedReason: 'Waiting' } : c)) };

    const listed = standupItems(blocked, []).map((item) => blocked.cards.find((c) => c.id === item.cardId)!.laneId);

    expect(listed).toEqual(['doing', 'ready']);
  });
});
