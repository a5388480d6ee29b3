import { describe, expect, it } from 'vitest';
import type { Board } from '../../api/types';
import { autoStop, card, makeBoard, makeFlowBoard, manualStop } from '../../test/fixtures';
import {
  applyBoardEvent,
  applyMove,
  cardsInLane,
  dropTarget,
  isLaneFull,
  isLaneOverLimit,
  laneCountLabel,
  lineStopKind,
  pullStoppedLaneIds,
  revertMove,
  sortedLanes,
  upsertCard,
} from './boardState';

const keys = (board: Board, laneId: string) => cardsInLane(board, laneId).map((c) => c.id);
const count = (board: Board, laneId: string) => board.lanes.find((l) => l.id === laneId)!.count;

describe('sortedLanes and labels', () => {
  it('orders lanes by order', () => {
    expect(sortedLanes(makeBoard()).map((l) => l.id)).toEqual(['backlog', 'doing', 'done']);
  });

  it('shows count/limit, or the count alone without a limit', () => {
    const board = makeBoard();
    expect(laneCountLabel(board.lanes.find((l) => l.id === 'doing')!)).toBe('2/3');
    expect(laneCountLabel(board.lanes.find((l) => l.id === 'backlog')!)).toBe('3');
  });

  it('calls a lane full at its limit, never without a limit', () => {
    const board = applyMove(makeBoard(), '1', 'doing', 0);
    expect(isLaneFull(board.lanes.find((l) => l.id === 'doing')!)).toBe(true);
    expect(isLaneFull(makeBoard().lanes.find((l) => l.id === 'doing')!)).toBe(false);
    expect(isLaneFull(board.lanes.find((l) => l.id === 'backlog')!)).toBe(false);
  });
});

describe('applyMove', () => {
  it('reorders within a lane without changing counts', () => {
    const before = makeBoard();
    const after = applyMove(before, '3', 'backlog', 0);
    expect(keys(after, 'backlog')).toEqual(['3', '1', '2']);
    expect(count(after, 'backlog')).toBe(3);
    expect(after.version).toBe(before.version);
  });

  it('moves down within a lane to the given index among the other cards', () => {
    const after = applyMove(makeBoard(), '1', 'backlog', 1);
    expect(keys(after, 'backlog')).toEqual(['2', '1', '3']);
  });

  it('moves across lanes at an index and updates both counts', () => {
    const after = applyMove(makeBoard(), '2', 'doing', 1);
    expect(keys(after, 'doing')).toEqual(['4', '2', '5']);
    expect(keys(after, 'backlog')).toEqual(['1', '3']);
    expect(count(after, 'doing')).toBe(3);
    expect(count(after, 'backlog')).toBe(2);
    expect(after.cards.find((c) => c.id === '2')!.laneId).toBe('doing');
  });

  it('clamps the index to the ends of the lane', () => {
    expect(keys(applyMove(makeBoard(), '1', 'doing', 99), 'doing')).toEqual(['4', '5', '1']);
    expect(keys(applyMove(makeBoard(), '1', 'doing', -5), 'doing')).toEqual(['1', '4', '5']);
  });

  it('moves into an empty lane', () => {
    const after = applyMove(makeBoard(), '5', 'done', 0);
    expect(keys(after, 'done')).toEqual(['5']);
    expect(count(after, 'done')).toBe(1);
    expect(count(after, 'doing')).toBe(1);
  });

  it('renumbers the lane when the neighbours share a rank', () => {
    const board = makeBoard();
    board.cards = board.cards.map((c) => (c.laneId === 'doing' ? { ...c, rank: 500 } : c));
    const after = applyMove(board, '1', 'doing', 1);
    const order = keys(after, 'doing');
    expect(order).toHaveLength(3);
    expect(order[1]).toBe('1');
    const ranks = cardsInLane(after, 'doing').map((c) => c.rank);
    expect(new Set(ranks).size).toBe(3);
  });

  it('does not mutate the board it was given', () => {
    const before = makeBoard();
    const snapshot = structuredClone(before);
    applyMove(before, '2', 'doing', 0);
    expect(before).toEqual(snapshot);
  });

  it('leaves the board alone for an unknown card or lane', () => {
    const board = makeBoard();
    expect(applyMove(board, 'nope', 'doing', 0)).toBe(board);
    expect(applyMove(board, '1', 'nope', 0)).toBe(board);
  });
});

describe('revertMove and upsertCard', () => {
  it('puts a refused card back with its old lane, rank and counts', () => {
    const before = makeBoard();
    const original = before.cards.find((c) => c.id === '2')!;
    const moved = applyMove(before, '2', 'doing', 0);
    const reverted = revertMove(moved, original);
    expect(keys(reverted, 'backlog')).toEqual(['1', '2', '3']);
    expect(count(reverted, 'backlog')).toBe(3);
    expect(count(reverted, 'doing')).toBe(2);
  });

  it('replacing a card with the server copy in the same lane keeps counts', () => {
    const moved = applyMove(makeBoard(), '2', 'doing', 0);
    const server = { ...moved.cards.find((c) => c.id === '2')!, rank: 512 };
    const after = upsertCard(moved, server);
    expect(count(after, 'doing')).toBe(3);
    expect(after.cards.find((c) => c.id === '2')!.rank).toBe(512);
  });
});

describe('applyBoardEvent', () => {
  it('applies CardMoved at version + 1: moves the card, updates counts and version', () => {
    const board = makeBoard();
    const moved = { ...board.cards.find((c) => c.id === '1')!, laneId: 'doing', rank: 4096 };
    const out = applyBoardEvent(board, { kind: 'CardMoved', boardId: 'board-1', version: 11, renumbered: [], card: moved, fromLaneId: 'backlog' });
    expect(out.action).toBe('applied');
    expect(out.board.version).toBe(11);
    expect(keys(out.board, 'doing')).toEqual(['4', '5', '1']);
    expect(count(out.board, 'doing')).toBe(3);
    expect(count(out.board, 'backlog')).toBe(2);
  });

  it('does not count twice when the event echoes a move already shown optimistically', () => {
    const optimistic = applyMove(makeBoard(), '1', 'doing', 2);
    const server = { ...optimistic.cards.find((c) => c.id === '1')!, rank: 3000 };
    const out = applyBoardEvent(optimistic, { kind: 'CardMoved', boardId: 'board-1', version: 11, renumbered: [], card: server, fromLaneId: 'backlog' });
    expect(out.action).toBe('applied');
    expect(count(out.board, 'doing')).toBe(3);
    expect(count(out.board, 'backlog')).toBe(2);
  });

  it('counts a card it did not list from fromLaneId', () => {
    const board = makeBoard();
    const hidden = card('99', 'doing', 5000);
    const out = applyBoardEvent(board, { kind: 'CardMoved', boardId: 'board-1', version: 11, renumbered: [], card: hidden, fromLaneId: 'done' });
    expect(count(out.board, 'doing')).toBe(3);
    expect(keys(out.board, 'doing')).toContain('99');
  });

  it('adds an accepted ticket to its lane (the backlog)', () => {
    const out = applyBoardEvent(makeBoard(), { kind: 'TicketAccepted', boardId: 'board-1', version: 11, renumbered: [], card: card('6', 'backlog', 4096) });
    expect(out.action).toBe('applied');
    expect(out.board.version).toBe(11);
    expect(keys(out.board, 'backlog')).toEqual(['1', '2', '3', '6']);
    expect(count(out.board, 'backlog')).toBe(4);
  });

  it('only advances the version for a submitted ticket, or a changed one that is not on the board (triage)', () => {
    const board = makeBoard();
    const submitted = applyBoardEvent(board, { kind: 'TicketSubmitted', boardId: 'board-1', version: 11, ticketId: 't6', key: 'PAY-6', state: 'Triage' });
    expect(submitted.action).toBe('applied');
    expect(submitted.board.version).toBe(11);
    expect(submitted.board.cards).toBe(board.cards);
    expect(submitted.board.lanes).toBe(board.lanes);

    const changed = applyBoardEvent(submitted.board, { kind: 'TicketChanged', boardId: 'board-1', version: 12, ticketId: 't6', key: 'PAY-6', state: 'SentBack' });
    expect(changed.action).toBe('applied');
    expect(changed.board.version).toBe(12);
    expect(changed.board.cards).toEqual(board.cards);
    expect(count(changed.board, 'backlog')).toBe(3);
  });

  it('takes a card off the board when its ticket leaves it (an undone accept), one fewer in its lane', () => {
    const board = makeBoard();
    const out = applyBoardEvent(board, { kind: 'TicketChanged', boardId: 'board-1', version: 11, ticketId: '2', key: 'PAY-2', state: 'Triage' });
    expect(out.action).toBe('applied');
    expect(out.board.version).toBe(11);
    expect(keys(out.board, 'backlog')).toEqual(['1', '3']);
    expect(count(out.board, 'backlog')).toBe(2);
    expect(count(out.board, 'doing')).toBe(2);
  });

  it('keeps a card whose ticket is still on the board, and matches the id whatever its case', () => {
    const board = makeBoard();
    board.cards = board.cards.map((c) => (c.id === '4' ? { ...c, id: 'abc-def' } : c));
    const kept = applyBoardEvent(board, { kind: 'TicketChanged', boardId: 'board-1', version: 11, ticketId: 'ABC-DEF', key: 'PAY-4', state: 'OnBoard' });
    expect(kept.board.cards).toHaveLength(5);
    const gone = applyBoardEvent(board, { kind: 'TicketChanged', boardId: 'board-1', version: 11, ticketId: 'ABC-DEF', key: 'PAY-4', state: 'Rejected' });
    expect(gone.board.cards.map((c) => c.id)).not.toContain('abc-def');
    expect(count(gone.board, 'doing')).toBe(1);
  });

  it('only advances the version for a comment', () => {
    const board = makeBoard();
    const out = applyBoardEvent(board, { kind: 'TicketCommented', boardId: 'board-1', version: 11, ticketId: '4', key: 'PAY-4', state: 'OnBoard' });
    expect(out).toEqual({ action: 'applied', board: { ...board, version: 11 } });
  });

  it('only advances the version for a note beside the status', () => {
    const board = makeBoard();
    const note = { id: 'n1', text: 'Keys on Monday', at: '2026-12-03T10:00:00Z', by: 'Ana Owner' };
    const out = applyBoardEvent(board, { kind: 'StatusNoteAdded', boardId: 'board-1', version: 11, note });
    expect(out).toEqual({ action: 'applied', board: { ...board, version: 11 } });
  });

  it('applies a card event naming someone the board does not know, and asks for the board again (for the name)', () => {
    const board = { ...makeBoard(), people: [{ id: 'u-ana', displayName: 'Ana Lima' }] };
    const known = applyBoardEvent(board, { kind: 'CardChanged', boardId: 'board-1', version: 11, renumbered: [], card: card('1', 'backlog', 1024, { assigneeId: 'U-ANA' }) });
    expect(known).toMatchObject({ action: 'applied' });
    expect('refetch' in known && known.refetch).toBeFalsy();

    const unknown = applyBoardEvent(board, { kind: 'CardChanged', boardId: 'board-1', version: 11, renumbered: [], card: card('1', 'backlog', 1024, { assigneeId: 'u-new' }) });
    expect(unknown).toMatchObject({ action: 'applied', refetch: true });
    expect(unknown.board.cards.find((c) => c.id === '1')!.assigneeId).toBe('u-new');

    const moved = applyBoardEvent(board, { kind: 'CardMoved', boardId: 'board-1', version: 11, renumbered: [], fromLaneId: 'backlog', card: card('1', 'doing', 1, { assigneeId: 'u-new' }) });
    expect(moved).toMatchObject({ action: 'applied', refetch: true });
  });

  it('applies a submit then the accept of that ticket in order (v + 1, v + 2)', () => {
    const first = applyBoardEvent(makeBoard(), { kind: 'TicketSubmitted', boardId: 'board-1', version: 11, ticketId: 't6', key: 'PAY-6', state: 'Triage' });
    const second = applyBoardEvent(first.board, { kind: 'TicketAccepted', boardId: 'board-1', version: 12, renumbered: [], card: card('6', 'backlog', 4096) });
    expect(second.action).toBe('applied');
    expect(second.board.version).toBe(12);
    expect(keys(second.board, 'backlog')).toEqual(['1', '2', '3', '6']);
  });

  it('ignores an event at or below the cached version (own echo or stale)', () => {
    const board = makeBoard();
    const c = { ...board.cards[0]!, laneId: 'doing' };
    expect(applyBoardEvent(board, { kind: 'CardMoved', boardId: 'board-1', version: 10, renumbered: [], card: c, fromLaneId: 'backlog' }).action).toBe('ignored');
    expect(applyBoardEvent(board, { kind: 'CardMoved', boardId: 'board-1', version: 3, renumbered: [], card: c, fromLaneId: 'backlog' })).toEqual({ action: 'ignored', board });
  });

  it('asks for a reload on a version gap', () => {
    const board = makeBoard();
    const out = applyBoardEvent(board, { kind: 'TicketAccepted', boardId: 'board-1', version: 12, renumbered: [], card: card('6', 'backlog', 1) });
    expect(out.action).toBe('reload');
    expect(out.board).toBe(board);
  });

  it('reloads on LaneChanged', () => {
    expect(applyBoardEvent(makeBoard(), { kind: 'LaneChanged', boardId: 'board-1', version: 11 }).action).toBe('reload');
  });

  it('ignores another board’s events', () => {
    expect(applyBoardEvent(makeBoard(), { kind: 'LaneChanged', boardId: 'other', version: 11 }).action).toBe('ignored');
  });
});

describe('dropTarget', () => {
  it('dropping on a lane puts the card last', () => {
    expect(dropTarget(makeBoard(), '1', { laneId: 'doing' })).toEqual({ laneId: 'doing', index: 2 });
  });

  it('dropping on a card in another lane takes that card’s index', () => {
    expect(dropTarget(makeBoard(), '1', { laneId: 'doing', cardId: '5' })).toEqual({ laneId: 'doing', index: 1 });
  });

  it('dropping on a card in the same lane takes that card’s index', () => {
    expect(dropTarget(makeBoard(), '1', { laneId: 'backlog', cardId: '3' })).toEqual({ laneId: 'backlog', index: 2 });
    expect(dropTarget(makeBoard(), '3', { laneId: 'backlog', cardId: '1' })).toEqual({ laneId: 'backlog', index: 0 });
  });

  it('is undefined when the card would not move', () => {
    expect(dropTarget(makeBoard(), '3', { laneId: 'backlog' })).toBeUndefined();
    expect(dropTarget(makeBoard(), '2', { laneId: 'backlog', cardId: '2' })).toBeUndefined();
  });
});

describe('flow rules shown on the board', () => {
  it('refuses pulls nowhere while the line runs', () => {
    expect(pullStoppedLaneIds(makeFlowBoard()).size).toBe(0);
  });

  it('marks the Queue and Active lanes upstream of the first untested lane while the line is stopped', () => {
    const stopped = makeFlowBoard({ line: { ...manualStop } });
    expect([...pullStoppedLaneIds(stopped)].sort()).toEqual(['doing', 'ready']);
    const auto = makeFlowBoard({ line: { ...autoStop } });
    expect([...pullStoppedLaneIds(auto)].sort()).toEqual(['doing', 'ready']);
  });

  it('follows the first untested lane by order, not by position in the list', () => {
    const board = makeFlowBoard({ line: { ...manualStop } });
    board.lanes = board.lanes.map((l) => (l.id === 'doing' ? { ...l, untested: true } : l)).reverse();
    expect([...pullStoppedLaneIds(board)]).toEqual(['ready']);
  });

  it('refuses pulls into every Queue and Active lane when no lane is untested', () => {
    const board = makeFlowBoard({ line: { ...manualStop } });
    board.lanes = board.lanes.map((l) => ({ ...l, untested: false }));
    expect([...pullStoppedLaneIds(board)].sort()).toEqual(['doing', 'ready', 'rft', 'testing']);
  });

  it('says over limit only above the limit', () => {
    const doing = makeFlowBoard().lanes.find((l) => l.id === 'doing')!;
    expect(isLaneOverLimit({ ...doing, count: 3 })).toBe(false);
    expect(isLaneOverLimit({ ...doing, count: 4 })).toBe(true);
    expect(isLaneOverLimit({ ...doing, wipLimit: null, count: 40 })).toBe(false);
  });

  it('reads the stop kind whatever its case', () => {
    expect(lineStopKind({ ...manualStop })).toBe('manual');
    expect(lineStopKind({ ...autoStop, kind: 'Auto' })).toBe('auto');
    expect(lineStopKind({ stopped: false, since: null, reason: null, kind: null })).toBeNull();
  });
});

describe('applyBoardEvent with the flow events', () => {
  const stopEvent = (version: number) =>
    ({ kind: 'LineStopped', boardId: 'board-1', version, line: { ...autoStop } }) as const;

  it('applies a move and the line stop it caused, one after the other (v + 1, v + 2)', () => {
    const board = makeFlowBoard();
    const moved = { ...board.cards.find((c) => c.id === '4')!, laneId: 'rft', rank: 4096 };
    const first = applyBoardEvent(board, { kind: 'CardMoved', boardId: 'board-1', version: 11, renumbered: [], card: moved, fromLaneId: 'doing' });
    expect(first.action).toBe('applied');
    const second = applyBoardEvent(first.board, stopEvent(12));
    expect(second.action).toBe('applied');
    expect(second.board.version).toBe(12);
    expect(second.board.line).toEqual(autoStop);
    expect(count(second.board, 'rft')).toBe(3);
    expect(pullStoppedLaneIds(second.board).has('ready')).toBe(true);
  });

  it('reloads when the first of the two was missed (a gap)', () => {
    const out = applyBoardEvent(makeFlowBoard(), stopEvent(12));
    expect(out.action).toBe('reload');
    expect(out.board.line.stopped).toBe(false);
  });

  it('ignores the second event when a reload already brought the board past it', () => {
    const board = makeFlowBoard({ version: 12, line: { ...autoStop } });
    expect(applyBoardEvent(board, stopEvent(12)).action).toBe('ignored');
  });

  it('sets the line from LineResumed, which may leave it stopped by itself', () => {
    const board = makeFlowBoard({ line: { ...manualStop } });
    const out = applyBoardEvent(board, { kind: 'LineResumed', boardId: 'board-1', version: 11, line: { ...autoStop } });
    expect(out.action).toBe('applied');
    expect(lineStopKind(out.board.line)).toBe('auto');
    const running = applyBoardEvent(out.board, {
      kind: 'LineResumed',
      boardId: 'board-1',
      version: 12,
      line: { stopped: false, since: null, reason: null, kind: null, stoppedBy: null, stoppedByName: null },
    });
    expect(running.board.line.stopped).toBe(false);
    expect(running.board.version).toBe(12);
  });

  it('patches a changed card (assigned, blocked) in place', () => {
    const board = makeFlowBoard();
    const blocked = { ...board.cards.find((c) => c.id === '4')!, blocked: true, assigneeId: 'u1' };
    const out = applyBoardEvent(board, { kind: 'CardChanged', boardId: 'board-1', version: 11, renumbered: [], card: blocked });
    expect(out.action).toBe('applied');
    expect(out.board.cards.find((c) => c.id === '4')).toEqual(blocked);
    expect(count(out.board, 'doing')).toBe(1);
  });

  it('reloads on SettingsChanged (no data to apply)', () => {
    expect(applyBoardEvent(makeFlowBoard(), { kind: 'SettingsChanged', boardId: 'board-1', version: 11 }).action).toBe('reload');
  });
});
