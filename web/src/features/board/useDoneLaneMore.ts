import { useEffect, useRef, useState } from 'react';
import { boardsApi } from '../../api/boards';
import { describeProblem, type ProblemMessage } from '../../api/problems';
import type { Card, Person } from '../../api/types';

/** How many older Done cards one "Show more" loads (the board itself lists the 20 most recent). */
export const DONE_PAGE_SIZE = 20;

export interface DoneLaneMore {
  /** Older cards loaded so far, in the order loaded (most recently completed first), without any the board lists itself. */
  cards: Card[];
  /** The names those cards need. */
  people: Person[];
  /** The lane holds more cards than are shown. */
  hasMore: boolean;
  loading: boolean;
  error: ProblemMessage | null;
  /** The cards the last page added (null before the first): where focus goes after "Show more". */
  lastAdded: Card[] | null;
  /** Loads the next page; resolves with the cards it added. */
  showMore: () => Promise<Card[]>;
}

/**
 * The older cards of a Done lane, a page at a time (`GET …/lanes/{laneId}/cards?skip=&take=`, most
 * recently completed first): each page starts after every card shown so far (the board's own and
 * those loaded). A loaded card the board lists itself (one moved back out of Done, or moved again,
 * by a live update) is left out, so none shows twice, and no longer counts towards where the next
 * page starts, so none is skipped.
 *
 * `boardCards`: the lane's cards on the board; `listed`: the ids of every card the board lists, in
 * any lane.
 */
export function useDoneLaneMore(
  boardId: string,
  laneId: string,
  boardCards: readonly Card[],
  laneCount: number,
  listed: ReadonlySet<string> = new Set(boardCards.map((c) => c.id)),
): DoneLaneMore {
  const [cards, setCards] = useState<Card[]>([]);
  const [people, setPeople] = useState<Person[]>([]);
  const [lastAdded, setLastAdded] = useState<Card[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ProblemMessage | null>(null);
  const abort = useRef<AbortController | null>(null);
  const loaded = useRef<Card[]>([]);
  const onBoardRef = useRef(boardCards);
  onBoardRef.current = boardCards;
  const listedRef = useRef(listed);
  listedRef.current = listed;

  useEffect(() => () => abort.current?.abort(), []);

  const shown = cards.filter((c) => !listed.has(c.id));

  const showMore = async (): Promise<Card[]> => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setLoading(true);
    setError(null);
    try {
      // The board lists its lane's most recent cards; the loaded ones it does not list follow them.
      loaded.current = loaded.current.filter((c) => !listedRef.current.has(c.id));
      const skip = onBoardRef.current.length + loaded.current.length;
      const page = await boardsApi.laneCards(boardId, laneId, { skip, take: DONE_PAGE_SIZE }, controller.signal);
      const known = new Set(loaded.current.map((c) => c.id));
      const added = page.cards.filter((c) => !known.has(c.id) && !listedRef.current.has(c.id));
      loaded.current = [...loaded.current, ...added];
      setCards(loaded.current);
      setLastAdded(added);
      setPeople((before) => [...before, ...page.people.filter((p) => !before.some((b) => b.id === p.id))]);
      return added;
    } catch (e) {
      if (!controller.signal.aborted) setError(describeProblem(e, 'Older cards could not be loaded'));
      return [];
    } finally {
      if (abort.current === controller) setLoading(false);
    }
  };

  const hasMore = boardCards.length + shown.length < laneCount;
  return { cards: shown, people, hasMore, loading, error, lastAdded, showMore };
}
