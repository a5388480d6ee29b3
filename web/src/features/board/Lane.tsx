import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { Card, Lane as LaneModel } from '../../api/types';
import { isLaneFull, isLaneOverLimit, laneCountLabel } from './boardState';
import { CardTile } from './CardTile';

export const LANE_DROP_PREFIX = 'lane:';

export interface LaneDropData {
  type: 'lane';
  lane: LaneModel;
}

export function laneDropId(laneId: string): string {
  return `${LANE_DROP_PREFIX}${laneId}`;
}

export interface LaneProps {
  lane: LaneModel;
  cards: Card[];
  /** The line is stopped and pulls into this lane are refused (see pullStoppedLaneIds). */
  pullStopped?: boolean;
  /** Cards may be picked up and dropped here (a viewer's cards are plain, not draggable). */
  canMove?: boolean;
}

export function Lane({ lane, cards, pullStopped = false, canMove = true }: LaneProps) {
  const { setNodeRef, isOver } = useDroppable({
    id: laneDropId(lane.id),
    disabled: !canMove,
    data: { type: 'lane', lane } satisfies LaneDropData,
  });
  const full = isLaneFull(lane);
  const over = isLaneOverLimit(lane);
  const titleId = `lane-title-${lane.id}`;
  const hidden = lane.count - cards.length;

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
      <SortableContext id={lane.id} items={cards.map((c) => c.id)} strategy={verticalListSortingStrategy}>
        <ul className="lane__cards">
          {cards.map((card) => (
            <CardTile key={card.id} card={card} canMove={canMove} />
          ))}
        </ul>
      </SortableContext>
      {cards.length === 0 && <p className="lane__empty">No cards</p>}
      {hidden > 0 && lane.kind === 'Done' && (
        <p className="lane__note">Showing the {cards.length} most recent of {lane.count}</p>
      )}
    </section>
  );
}
