import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useEffect, useMemo, useRef } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { Card, Lane as LaneModel } from '../../api/types';
import { isFiltering, matchesFilter, noFilter, type BoardFilter } from './boardFilter';
import { isLaneFull, isLaneOverLimit, laneCountLabel } from './boardState';
import { CardLinkTile, CardTile } from './CardTile';
import { useDoneLaneMore } from './useDoneLaneMore';

export const LANE_DROP_PREFIX = 'lane:';

export interface LaneDropData {
  type: 'lane';
  lane: LaneModel;
}

export function laneDropId(laneId: string): string {
  return `${LANE_DROP_PREFIX}${laneId}`;
}

export interface LaneProps {
  boardId: string;
  lane: LaneModel;
  /** The lane's cards on the board, by rank (all of them: the filter is applied here). */
  cards: Card[];
  /** The line is stopped and pulls into this lane are refused (see pullStoppedLaneIds). */
  pullStopped?: boolean;
  /** Cards may be picked up and dropped here (a viewer's cards open, but do not move). */
  canMove?: boolean;
  /** The ids of every card the board lists, in any lane (older Done cards loaded here leave out those). */
  listed?: ReadonlySet<string>;
  /** Names of the people cards name, by user id (lower case). */
  people?: ReadonlyMap<string, string>;
  filter?: BoardFilter;
  /** The current time (ms), for how long cards have been blocked. */
  now?: number;
  /** Opens a card's actions (assign, block); absent: cards have no actions button. */
  onCardActions?: (card: Card, button: HTMLButtonElement) => void;
}

export function Lane({
  boardId,
  lane,
  cards: allCards,
  pullStopped = false,
  canMove = true,
  listed,
  people = new Map<string, string>(),
  filter = noFilter,
  now = Date.now(),
  onCardActions,
}: LaneProps) {
  const { setNodeRef, isOver } = useDroppable({
    id: laneDropId(lane.id),
    disabled: !canMove,
    data: { type: 'lane', lane } satisfies LaneDropData,
  });
  const full = isLaneFull(lane);
  const over = isLaneOverLimit(lane);
  const titleId = `lane-title-${lane.id}`;
  const done = lane.kind === 'Done';
  const more = useDoneLaneMore(boardId, lane.id, allCards, lane.count, listed);
  const listRef = useRef<HTMLUListElement>(null);
  const filtering = isFiltering(filter);
  // A done lane reads newest first, so the older cards "Show more" brings continue it at the bottom.
  const cards = useMemo(() => {
    const shown = allCards.filter((c) => matchesFilter(c, filter));
    return done ? shown.reverse() : shown;
  }, [allCards, filter, done]);
  const older = useMemo(() => more.cards.filter((c) => matchesFilter(c, filter)), [more.cards, filter]);
  const names = useMemo(() => {
    const map = new Map(people);
    for (const p of more.people) if (!map.has(p.id.toLowerCase())) map.set(p.id.toLowerCase(), p.displayName);
    return map;
  }, [people, more.people]);
  const nameOf = (card: Card) => (card.assigneeId ? names.get(card.assigneeId.toLowerCase()) : undefined);
  const shownCount = allCards.length + more.cards.length;
  const matching = cards.length + older.length;

  const showMore = () => void more.showMore();
  // After "Show more", focus goes to the first card it brought (the button may be gone: nothing more).
  const lastAdded = more.lastAdded;
  const filterRef = useRef(filter);
  filterRef.current = filter;
  useEffect(() => {
    const first = lastAdded?.find((c) => matchesFilter(c, filterRef.current));
    if (!first) return;
    listRef.current?.querySelector<HTMLElement>(`[data-card-id="${first.id}"]`)?.focus();
  }, [lastAdded]);

  return (
    <section
      ref={setNodeRef}
      className={[
        'lane',
        `lane--${lane.kind.toLowerCase()}`,
        full ? 'lane--full' : '',
        pullStopped ? 'lane--pull-stopped' : '',
        isOver ? 'lane--over' : '',
      ]
        .filter(Boolean)
        .join(' ')}
      aria-labelledby={titleId}
      data-testid={`lane-${lane.id}`}
      data-lane-name={lane.name}
      data-full={full ? 'true' : 'false'}
      data-over-limit={over ? 'true' : undefined}
      data-untested={lane.untested ? 'true' : undefined}
      data-pull-stopped={pullStopped ? 'true' : undefined}
    >
      <div className="lane__header">
        <h2 id={titleId} className="lane__title">
          {lane.name}
        </h2>
        <p className="lane__count">
          <span data-testid="lane-count">{laneCountLabel(lane)}</span>
          <span className="sr-only">
            {lane.wipLimit ? ` cards, limit ${lane.wipLimit}` : lane.count === 1 ? ' card' : ' cards'}
          </span>
          {full && (
            <span className="lane__full" data-testid="lane-full">
              {over ? <span data-testid="lane-over-limit">Over limit</span> : 'Full'}
            </span>
          )}
        </p>
      </div>
      {(lane.untested || pullStopped) && (
        <p className="lane__tags">
          {lane.untested && (
            <span className="lane__tag lane__tag--untested" data-testid="lane-untested">
              untested
            </span>
          )}
          {pullStopped && (
            <span className="lane__tag lane__tag--stopped" data-testid="lane-pull-stopped">
              <span aria-hidden="true">■ </span>Pull stopped
              <span className="sr-only">: the line is stopped, nothing is pulled into {lane.name}</span>
            </span>
          )}
        </p>
      )}
      {filtering && shownCount > 0 && (
        <p className="lane__note lane__note--filter" data-testid="lane-matching">
          {matching} of {shownCount} shown {matching === 1 ? 'matches' : 'match'}
        </p>
      )}
      {allCards.length === 0 && more.cards.length === 0 && <p className="lane__empty">No cards</p>}
      <SortableContext id={lane.id} items={canMove ? cards.map((c) => c.id) : []} strategy={verticalListSortingStrategy}>
        <ul className="lane__cards" ref={listRef} aria-labelledby={titleId}>
          {cards.map((card) =>
            canMove ? (
              <CardTile key={card.id} card={card} assigneeName={nameOf(card)} now={now} onActions={onCardActions} />
            ) : (
              <CardLinkTile key={card.id} card={card} assigneeName={nameOf(card)} now={now} />
            ),
          )}
          {older.map((card) => (
            <CardLinkTile key={card.id} card={card} assigneeName={nameOf(card)} now={now} />
          ))}
        </ul>
      </SortableContext>
      {done && (more.hasMore || more.cards.length > 0) && (
        <div className="lane__more">
          <p className="lane__note" data-testid="lane-shown">
            Showing the {shownCount} most recent of {lane.count}
          </p>
          {more.error && <ProblemAlert problem={more.error} testId={`lane-more-error-${lane.id}`} onRetry={showMore} />}
          {more.hasMore && (
            <button
              type="button"
              className="button lane__more-button"
              onClick={showMore}
              disabled={more.loading}
              aria-disabled={more.loading || undefined}
              data-testid={`lane-show-more-${lane.id}`}
            >
              {more.loading ? 'Loading…' : 'Show more'}
              <span className="sr-only"> in {lane.name}</span>
            </button>
          )}
        </div>
      )}
    </section>
  );
}
