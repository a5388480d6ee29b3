import type { Board, Card, Lane, Outlier, OutlierReasonDetail } from '../../api/types';

/** One card the standup talks about: an outlier, a blocked card, or both. */
export interface StandupItem {
  cardId: string;
  key: string;
  /** Empty when the board does not list the card (it has not caught up with the outliers yet). */
  title: string;
  laneId: string;
  laneName: string;
  laneOrder: number;
  /** Working days since the card left the backlog; null when the board gives none. */
  ageDays: number | null;
  /** The assignee's name; "Someone" when the board does not name them; null when unassigned. */
  assigneeName: string | null;
  card: Card | undefined;
  blocked: boolean;
  blockedReason: string | null;
  /** Each failed outlier test, in the server's order; empty for a card that is only blocked. */
  reasons: OutlierReasonDetail[];
}

/**
 * The board's outliers and its blocked cards (each card once), as a standup walks them: right to
 * left by lane (the lane furthest along first), then oldest first. Ties keep the server's order.
 */
export function standupItems(board: Board, outliers: readonly Outlier[]): StandupItem[] {
  const lanes = new Map<string, Lane>(board.lanes.map((l) => [l.id, l]));
  const cards = new Map(board.cards.map((c) => [c.id, c]));
  const people = new Map((board.people ?? []).map((p) => [p.id.toLowerCase(), p.displayName]));
  const nameOf = (card: Card | undefined) =>
    card?.assigneeId ? (people.get(card.assigneeId.toLowerCase()) ?? 'Someone') : null;

  const item = (cardId: string, outlier: Outlier | undefined): StandupItem => {
    const card = cards.get(cardId);
    // The board's card is the newer truth for where it is and whether it is blocked.
    const laneId = card?.laneId ?? outlier?.laneId ?? '';
    const lane = lanes.get(laneId);
    return {
      cardId,
      key: card?.key ?? outlier?.key ?? '',
      title: card?.title ?? '',
      laneId,
      laneName: lane?.name ?? 'Unknown lane',
      laneOrder: lane?.order ?? -1,
      ageDays: outlier?.ageDays ?? card?.ageDays ?? null,
      assigneeName: nameOf(card),
      card,
      blocked: card ? card.blocked : (outlier?.blocked ?? false),
      blockedReason: card?.blockedReason ?? null,
      reasons: outlier?.details ?? [],
    };
  };

  const items = outliers.map((o) => item(o.cardId, o));
  const seen = new Set(outliers.map((o) => o.cardId));
  // A blocked card waiting in the backlog, or done, is not work in progress to talk about.
  const inProgress = new Set(board.lanes.filter((l) => l.kind === 'Active' || l.kind === 'Queue').map((l) => l.id));
  for (const card of board.cards) {
    if (card.blocked && !seen.has(card.id) && inProgress.has(card.laneId)) items.push(item(card.id, undefined));
  }
  return items
    .map((it, index) => ({ it, index }))
    .sort(
      (a, b) =>
        b.it.laneOrder - a.it.laneOrder || (b.it.ageDays ?? -1) - (a.it.ageDays ?? -1) || a.index - b.index,
    )
    .map(({ it }) => it);
}

/** "3 to discuss: 2 outliers, 2 blocked" (a blocked outlier counts in both). */
export function standupCounts(items: readonly StandupItem[]): { outliers: number; blocked: number; total: number } {
  return {
    outliers: items.filter((i) => i.reasons.length > 0).length,
    blocked: items.filter((i) => i.blocked).length,
    total: items.length,
  };
}

/** "5 working days", "1 working day", "0.5 working days". */
export function workingDays(days: number): string {
  return `${days} working ${days === 1 ? 'day' : 'days'}`;
}

/** One step of a standup walk: a card to talk about, then each lane at its limit. */
export type StandupStep = { kind: 'card'; item: StandupItem } | { kind: 'lane'; lane: Lane };

/** The in-progress lanes (Queue and Active) at or over their WIP limit, right to left. */
export function lanesAtLimit(board: Board): Lane[] {
  return board.lanes
    .filter((l) => (l.kind === 'Active' || l.kind === 'Queue') && l.wipLimit != null && l.wipLimit > 0 && l.count >= l.wipLimit)
    .sort((a, b) => b.order - a.order);
}

/**
 * What a standup walks, in order: the outliers and blocked cards as `standupItems` orders them (right
 * to left, oldest first), then the lanes at their limit, right to left.
 */
export function standupWalk(board: Board, outliers: readonly Outlier[]): StandupStep[] {
  return [
    ...standupItems(board, outliers).map((item): StandupStep => ({ kind: 'card', item })),
    ...lanesAtLimit(board).map((lane): StandupStep => ({ kind: 'lane', lane })),
  ];
}
