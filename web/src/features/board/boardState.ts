// Pure transforms of a cached Board. No React, no I/O: everything here is unit-tested.
import type { CardRank } from '../../api/contract/hub';
import type { Board, BoardEvent, Card, Lane, LineState, LineStopKind, Person } from '../../api/types';

const RANK_STEP = 1024;

function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Lanes in display order (`order`, then name for a stable tie-break). */
export function sortLanes(lanes: readonly Lane[]): Lane[] {
  return [...lanes].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

/** The board's lanes in display order. */
export function sortedLanes(board: Board): Lane[] {
  return sortLanes(board.lanes);
}

function byRank(a: Card, b: Card): number {
  return a.rank - b.rank || a.key.localeCompare(b.key, undefined, { numeric: true });
}

/** The cards of one lane, by rank ascending. */
export function cardsInLane(board: Board, laneId: string): Card[] {
  return board.cards.filter((c) => c.laneId === laneId).sort(byRank);
}

/** Every lane's cards by rank, keyed by lane id (lanes without cards map to []). */
export function cardsByLane(board: Board): Map<string, Card[]> {
  const map = new Map<string, Card[]>(board.lanes.map((l) => [l.id, []]));
  for (const card of board.cards) {
    const list = map.get(card.laneId);
    if (list) list.push(card);
    else map.set(card.laneId, [card]);
  }
  for (const list of map.values()) list.sort(byRank);
  return map;
}

/** True when the lane has a WIP limit and holds at least that many cards. */
export function isLaneFull(lane: Lane): boolean {
  return lane.wipLimit != null && lane.wipLimit > 0 && lane.count >= lane.wipLimit;
}

/** True when the lane holds more cards than its limit (the limit was lowered below its count). */
export function isLaneOverLimit(lane: Lane): boolean {
  return lane.wipLimit != null && lane.wipLimit > 0 && lane.count > lane.wipLimit;
}

/** How the line stopped (`auto` or `manual`, whatever the case the server used); null while it runs. */
export function lineStopKind(line: LineState | null | undefined): LineStopKind | null {
  if (!line?.stopped) return null;
  const kind = line.kind?.toLowerCase();
  return kind === 'manual' ? 'manual' : kind === 'auto' ? 'auto' : null;
}

/**
 * The lanes a stopped line refuses pulls into, as the server decides (rule 4): `Queue` and `Active`
 * lanes upstream of the first untested lane (every such lane when no lane is untested). Empty while
 * the line runs. Moves within those lanes, backward, or downstream stay allowed.
 */
export function pullStoppedLaneIds(board: Board): Set<string> {
  if (!board.line.stopped) return new Set();
  const untested = board.lanes.filter((l) => l.untested).map((l) => l.order);
  const firstUntested = untested.length > 0 ? Math.min(...untested) : Number.POSITIVE_INFINITY;
  return new Set(
    board.lanes
      .filter((l) => (l.kind === 'Queue' || l.kind === 'Active') && l.order < firstUntested)
      .map((l) => l.id),
  );
}

/** "2/3" with a limit, "2" without. */
export function laneCountLabel(lane: Lane): string {
  return lane.wipLimit != null && lane.wipLimit > 0 ? `${lane.count}/${lane.wipLimit}` : `${lane.count}`;
}

/** A card's current position: its lane and 0-based index among that lane's cards. */
export function positionOf(board: Board, cardId: string): { laneId: string; index: number } | undefined {
  const card = board.cards.find((c) => c.id === cardId);
  if (!card) return undefined;
  return { laneId: card.laneId, index: cardsInLane(board, card.laneId).findIndex((c) => c.id === cardId) };
}

function adjustCounts(lanes: Lane[], fromLaneId: string | null | undefined, toLaneId: string | undefined): Lane[] {
  if (fromLaneId === toLaneId) return lanes;
  return lanes.map((lane) => {
    if (lane.id === fromLaneId) return { ...lane, count: Math.max(0, lane.count - 1) };
    if (lane.id === toLaneId) return { ...lane, count: lane.count + 1 };
    return lane;
  });
}

/**
 * Moves a card to `index` among the other cards of `toLaneId` (clamped to 0..length), as the
 * server's move does. Gives the card a local rank between its new neighbours (the server's answer
 * replaces it) and updates both lanes' counts. Unknown card or lane: the board is returned as is.
 */
export function applyMove(board: Board, cardId: string, toLaneId: string, index: number): Board {
  const card = board.cards.find((c) => c.id === cardId);
  if (!card || !board.lanes.some((l) => l.id === toLaneId)) return board;

  const others = cardsInLane(board, toLaneId).filter((c) => c.id !== cardId);
  const at = Math.min(Math.max(0, Number.isFinite(index) ? Math.trunc(index) : others.length), others.length);
  const prev = others[at - 1];
  const next = others[at];

  let rank: number;
  if (prev && next) rank = (prev.rank + next.rank) / 2;
  else if (prev) rank = prev.rank + RANK_STEP;
  else if (next) rank = next.rank - RANK_STEP;
  else rank = RANK_STEP;

  let cards: Card[];
  const moved: Card = { ...card, laneId: toLaneId, rank };
  if ((prev && !(rank > prev.rank)) || (next && !(rank < next.rank))) {
    // Neighbours share a rank, so no value fits between them: renumber the target lane locally.
    const ordered = [...others.slice(0, at), moved, ...others.slice(at)];
    const newRanks = new Map(ordered.map((c, i) => [c.id, (i + 1) * RANK_STEP]));
    cards = board.cards.map((c) => {
      const base = c.id === cardId ? moved : c;
      const r = newRanks.get(c.id);
      return r === undefined ? base : { ...base, rank: r };
    });
  } else {
    cards = board.cards.map((c) => (c.id === cardId ? moved : c));
  }

  return { ...board, cards, lanes: adjustCounts(board.lanes, card.laneId, toLaneId) };
}

/**
 * Puts the server's version of a card into the board: replaces it (moving it between lanes if
 * its lane changed) or adds it. Counts follow the card: from the lane the board had it in, or,
 * for a card the board did not list, from `fromLaneId` when given (otherwise it is new).
 */
export function upsertCard(board: Board, card: Card, fromLaneId?: string | null): Board {
  const existing = board.cards.find((c) => c.id === card.id);
  if (existing) {
    return {
      ...board,
      cards: board.cards.map((c) => (c.id === card.id ? card : c)),
      lanes: adjustCounts(board.lanes, existing.laneId, card.laneId),
    };
  }
  return {
    ...board,
    cards: [...board.cards, card],
    lanes: adjustCounts(board.lanes, fromLaneId, card.laneId),
  };
}

/** Takes a card off the board (its lane's count goes down by one); an unknown card leaves the board as is. */
export function removeCard(board: Board, cardId: string): Board {
  const existing = board.cards.find((c) => sameId(c.id, cardId));
  if (!existing) return board;
  return {
    ...board,
    cards: board.cards.filter((c) => c !== existing),
    lanes: adjustCounts(board.lanes, existing.laneId, undefined),
  };
}

/** Adds someone to the board's `people` (the names cards show), unless they are there already. */
export function withPerson(board: Board, person: Person): Board {
  const people = board.people ?? [];
  if (people.some((p) => sameId(p.id, person.id))) return board;
  return { ...board, people: [...people, { id: person.id, displayName: person.displayName }] };
}

/** True when the card names an assignee the board's `people` does not list (the board must be read again for the name). */
export function namesUnknownPerson(board: Board, card: Card): boolean {
  return card.assigneeId != null && !(board.people ?? []).some((p) => sameId(p.id, card.assigneeId!));
}

/**
 * Undoes an optimistic move that the server refused: puts `original` (the card as it was before
 * the move) back, keeping whatever else changed on the board meanwhile.
 */
export function revertMove(board: Board, original: Card): Board {
  return upsertCard(board, original);
}

/** Gives the listed cards the ranks the server renumbered them to. */
function applyRanks(board: Board, ranks: readonly CardRank[]): Board {
  if (ranks.length === 0) return board;
  const byId = new Map(ranks.map((r) => [r.cardId.toLowerCase(), r.rank]));
  return {
    ...board,
    cards: board.cards.map((c) => {
      const rank = byId.get(c.id.toLowerCase());
      return rank === undefined ? c : { ...c, rank };
    }),
  };
}

export type EventOutcome =
  /** `refetch`: applied, but the board must be read again too (a card names someone `people` does not list). */
  | { action: 'applied'; board: Board; refetch?: boolean }
  | { action: 'ignored'; board: Board }
  | { action: 'reload'; board: Board };


/**
 * Applies a hub event to the cached board. The event's `version` is the board's version after the
 * change: the next one (v + 1) is applied, an old one (<= v: our own move's echo, or stale) is
 * ignored, and a gap (> v + 1) asks for a reload. One command may send two events (a move that
 * stops the line: CardMoved v + 1, then LineStopped v + 2); applied one after the other, each is
 * the next. TicketAccepted puts the accepted card in its lane (the backlog); TicketSubmitted and
 * TicketCommented only advance the version; TicketChanged takes a card that is on the board off it
 * when the ticket is no longer OnBoard (an undone accept), else only advances the version. A card
 * event naming an assignee the board's `people` does not list is applied and asks for a refetch. A move
 * or an accept that renumbered its lane lists the other cards' new ranks, which are applied too.
 * LaneChanged and SettingsChanged carry no data, so they ask for a reload.
 */
export function applyBoardEvent(board: Board, event: BoardEvent): EventOutcome {
  if (!sameId(event.boardId, board.id)) return { action: 'ignored', board };
  if (event.version <= board.version) return { action: 'ignored', board };
  if (event.version !== board.version + 1) return { action: 'reload', board };

  switch (event.kind) {
    case 'CardMoved':
      return {
        action: 'applied',
        board: { ...applyRanks(upsertCard(board, event.card, event.fromLaneId), event.renumbered), version: event.version },
        ...(namesUnknownPerson(board, event.card) ? { refetch: true } : {}),
      };
    case 'TicketAccepted':
    case 'CardChanged':
      return {
        action: 'applied',
        board: { ...applyRanks(upsertCard(board, event.card), event.renumbered), version: event.version },
        ...(namesUnknownPerson(board, event.card) ? { refetch: true } : {}),
      };
    case 'TicketChanged':
      // A card whose ticket left the board (an undone accept) goes; a ticket in triage only moves the version on.
      return {
        action: 'applied',
        board: { ...(event.state === 'OnBoard' ? board : removeCard(board, event.ticketId)), version: event.version },
      };
    case 'TicketSubmitted':
    case 'TicketCommented':
    case 'StatusNoteAdded':
      // A note beside the status changes nothing the board shows.
      return { action: 'applied', board: { ...board, version: event.version } };
    case 'LineStopped':
    case 'LineResumed': {
      // The hub names nobody (stoppedByName is the board's answer's): keep the name known for the same
      // person, else read the board again to learn it.
      const line = event.line as LineState;
      const known = line.stoppedBy && !line.stoppedByName && sameId(line.stoppedBy, board.line.stoppedBy ?? '') ? board.line.stoppedByName : undefined;
      const next: LineState = known ? { ...line, stoppedByName: known } : line;
      return {
        action: 'applied',
        board: { ...board, line: next, version: event.version },
        ...(next.stopped && next.stoppedBy && !next.stoppedByName ? { refetch: true } : {}),
      };
    }
    case 'LaneChanged':
    case 'SettingsChanged':
    case 'MembersChanged':
      // The board's `role` is the reader's own, which a change of members may have changed.
      return { action: 'reload', board };
    default:
      return { action: 'reload', board };
  }
}

/**
 * Where a drop lands. `overCardId` is the card dropped on (it takes that card's index), or
 * undefined when dropped on a lane's own area (the card goes last). Returns undefined when the
 * card would stay where it is.
 */
export function dropTarget(
  board: Board,
  cardId: string,
  over: { laneId: string; cardId?: string },
): { laneId: string; index: number } | undefined {
  const from = positionOf(board, cardId);
  if (!from) return undefined;
  const target = cardsInLane(board, over.laneId);
  const others = target.filter((c) => c.id !== cardId);

  let index: number;
  if (over.cardId && over.cardId !== cardId) {
    const overIndex = target.findIndex((c) => c.id === over.cardId);
    index = overIndex < 0 ? others.length : overIndex;
  } else if (over.cardId === cardId) {
    return undefined; // dropped on itself
  } else {
    index = others.length;
  }

  index = Math.min(index, others.length);
  if (from.laneId === over.laneId && from.index === index) return undefined;
  return { laneId: over.laneId, index };
}
