import { describe, expect, it } from 'vitest';
import type { CardRank } from '../../api/contract/hub';
import type { Board, BoardEvent, Card } from '../../api/types';
import { card, makeBoard } from '../../test/fixtures';
import { applyBoardEvent, cardsInLane } from './boardState';

// The server's gap-based ranking (Kanban.Domain.Boards.LaneOrder): a card placed between two others
// takes the midpoint; when the neighbours leave no room, the lane is renumbered 1024, 2048, … and
// the event lists every other card whose rank changed.
const GAP = 1024;

function place(others: Card[], index: number): { rank: number; renumbered: CardRank[] } {
  const at = Math.min(Math.max(index, 0), others.length);
  const before = at > 0 ? others[at - 1]!.rank : 0;
  const after = at < others.length ? others[at]!.rank : before + 2 * GAP;
  if (after - before >= 2) return { rank: before + Math.floor((after - before) / 2), renumbered: [] };
  const renumbered: CardRank[] = [];
  others.forEach((c, i) => {
    const rank = ((i < at ? i : i + 1) + 1) * GAP;
    if (c.rank !== rank) renumbered.push({ cardId: c.id, rank });
  });
  return { rank: (at + 1) * GAP, renumbered };
}

/** A server that applies moves to its board and answers each with the event the hub sends. */
function serverMove(server: Board, cardId: string, laneId: string, index: number): { board: Board; event: BoardEvent } {
  const moving = server.cards.find((c) => c.id === cardId)!;
  const others = cardsInLane(server, laneId).filter((c) => c.id !== cardId);
  const { rank, renumbered } = place(others, index);
  const ranks = new Map(renumbered.map((r) => [r.cardId, r.rank]));
  const moved = { ...moving, laneId, rank };
  const board: Board = {
    ...server,
    version: server.version + 1,
    cards: server.cards.map((c) => (c.id === cardId ? moved : ranks.has(c.id) ? { ...c, rank: ranks.get(c.id)! } : c)),
  };
  const event: BoardEvent = {
    kind: 'CardMoved',
    boardId: server.id,
    version: board.version,
    card: moved,
    fromLaneId: moving.laneId,
    renumbered,
  };
  return { board, event };
}

const order = (board: Board, laneId: string) => cardsInLane(board, laneId).map((c) => [c.id, c.rank]);

describe('a second screen patched from events', () => {
  it('ends in the server order after 50 moves to the top and middle of one lane', () => {
    const start = makeBoard();
    const extra = ['6', '7', '8', '9', '10'].map((id, i) => card(id, 'backlog', (i + 4) * GAP));
    let server: Board = { ...start, cards: [...start.cards, ...extra] };
    let screen = server;
    let renumberings = 0;
    const backlog = cardsInLane(server, 'backlog').map((c) => c.id);

    for (let i = 0; i < 50; i++) {
      const { board, event } = serverMove(server, backlog[i % backlog.length]!, 'backlog', i % 3 === 2 ? 4 : 0);
      server = board;
      if (event.kind === 'CardMoved' && event.renumbered.length > 0) renumberings++;
      const outcome = applyBoardEvent(screen, event);
      expect(outcome.action).toBe('applied');
      screen = outcome.board;
    }

    expect(renumberings).toBeGreaterThan(0);
    expect(screen.version).toBe(server.version);
    expect(order(screen, 'backlog')).toEqual(order(server, 'backlog'));
  });

  it('takes the renumbered ranks of an accept into the backlog', () => {
    const board = makeBoard();
    const accepted = card('6', 'backlog', 1024);
    const out = applyBoardEvent(board, {
      kind: 'TicketAccepted',
      boardId: board.id,
      version: board.version + 1,
      card: accepted,
      renumbered: [
        { cardId: '1', rank: 2048 },
        { cardId: '2', rank: 3072 },
        { cardId: '3', rank: 4096 },
      ],
    });

    expect(cardsInLane(out.board, 'backlog').map((c) => [c.id, c.rank])).toEqual([
      ['6', 1024],
      ['1', 2048],
      ['2', 3072],
      ['3', 4096],
    ]);
  });
});
