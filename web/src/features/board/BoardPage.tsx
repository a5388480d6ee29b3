import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type Over,
  type Active,
  type KeyboardCoordinateGetter,
  type ScreenReaderInstructions,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { isApiError } from '../../api/http';
import type { Board, Card, ConnectionState } from '../../api/types';
import { cardsByLane, cardsInLane, dropTarget, sortedLanes } from './boardState';
import { CardOverlay, type CardDragData } from './CardTile';
import { Lane, laneDropId, type LaneDropData } from './Lane';
import { useBoard } from './useBoard';
import { useBoardHub } from './useBoardHub';
import { useMoveCard } from './useMoveCard';

const connectionLabels: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Live',
  reconnecting: 'Reconnecting…',
  disconnected: 'Offline',
};

const screenReaderInstructions: ScreenReaderInstructions = {
  draggable:
    'To move a card, press Space or Enter to pick it up. Use the arrow keys to move it within a lane or to another lane. ' +
    'Press Space or Enter again to drop it, or Escape to cancel.',
};

/** Pointer: the card under the pointer, else the lane under it. Keyboard (no pointer): the closest target. */
const collisionDetection: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  if (within.length > 0) {
    const card = within.find((c) => c.data?.droppableContainer?.data.current?.type === 'card');
    return [card ?? within[0]!];
  }
  return closestCorners(args).slice(0, 1);
};

/**
 * Arrow keys move between cards and into other lanes. The lane the card is over is left out of
 * the targets: otherwise a press would only reach that lane's top corner and go nowhere.
 */
const keyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  const { active, over, droppableContainers } = args.context;
  const overData = over?.data.current as CardDragData | LaneDropData | undefined;
  const laneId = overData?.type === 'lane' ? overData.lane.id : overData?.type === 'card' ? overData.card.laneId : dragCard(active)?.laneId;
  if (!laneId) return sortableKeyboardCoordinates(event, args);
  const currentLane = laneDropId(laneId);
  const others = Object.assign(Object.create(droppableContainers) as typeof droppableContainers, {
    getEnabled: () => droppableContainers.getEnabled().filter((c) => c.id !== currentLane),
    get: (id: Parameters<typeof droppableContainers.get>[0]) => droppableContainers.get(id),
  });
  return sortableKeyboardCoordinates(event, { ...args, context: { ...args.context, droppableContainers: others } });
};

function dragCard(active: Active | null): Card | undefined {
  const data = active?.data.current as CardDragData | undefined;
  return data?.type === 'card' ? data.card : undefined;
}

/** The lane (and card, if any) a drop target stands for, read from the current board. */
function overTarget(board: Board, over: Over | null): { laneId: string; laneName: string; cardId?: string } | undefined {
  const data = over?.data.current as CardDragData | LaneDropData | undefined;
  if (!data) return undefined;
  if (data.type === 'lane') return { laneId: data.lane.id, laneName: data.lane.name };
  const card = board.cards.find((c) => c.id === data.card.id) ?? data.card;
  const lane = board.lanes.find((l) => l.id === card.laneId);
  return { laneId: card.laneId, laneName: lane?.name ?? 'a lane', cardId: card.id };
}

export function BoardPage() {
  const { boardId = '' } = useParams();
  const query = useBoard(boardId);
  const connection = useBoardHub(boardId, query.isSuccess);

  useEffect(() => {
    document.title = query.data ? `${query.data.name} · Kanban` : 'Board · Kanban';
    return () => {
      document.title = 'Kanban';
    };
  }, [query.data]);

  if (query.isPending) {
    return (
      <div className="page-state" aria-busy="true" data-testid="board-loading">
        <h1>Loading board…</h1>
      </div>
    );
  }

  if (query.isError) {
    const notFound = isApiError(query.error) && query.error.status === 404;
    return (
      <div className="page-state" data-testid={notFound ? 'board-not-found' : 'board-error'}>
        <h1>{notFound ? 'Board not found' : 'The board could not be loaded'}</h1>
        <p>
          {notFound
            ? 'There is no board here, or you do not have access to it.'
            : query.error.message}
        </p>
        {notFound && isApiError(query.error) && query.error.problem.detail && (
          <p className="muted">{query.error.problem.detail}</p>
        )}
        <p className="page-state__actions">
          {!notFound && (
            <button type="button" className="button" onClick={() => void query.refetch()}>
              Try again
            </button>
          )}
          <Link to="/">Back to boards</Link>
        </p>
      </div>
    );
  }

  return <BoardView board={query.data} connection={connection} />;
}

export function BoardView({ board, connection }: { board: Board; connection: ConnectionState }) {
  const move = useMoveCard(board.id);
  const [moveError, setMoveError] = useState<string | null>(null);
  const [activeCard, setActiveCard] = useState<Card | null>(null);

  const boardRef = useRef(board);
  boardRef.current = board;

  const lanes = useMemo(() => sortedLanes(board), [board]);
  const byLane = useMemo(() => cardsByLane(board), [board]);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: keyboardCoordinates }),
  );

  const announcements = useMemo<Announcements>(
    () => ({
      onDragStart: ({ active }) => `Picked up ${dragCard(active)?.key ?? 'card'}.`,
      onDragOver: ({ active, over }) => {
        if (over?.id === active.id) return undefined; // still over its own place
        const card = dragCard(active);
        const key = card?.key ?? 'Card';
        const target = overTarget(boardRef.current, over);
        if (!target) return `${key} is not over a lane.`;
        const to = card && dropTarget(boardRef.current, card.id, target);
        if (!to) return `${key} is over ${target.laneName}, where it already is.`;
        const size = cardsInLane(boardRef.current, target.laneId).filter((c) => c.id !== card.id).length + 1;
        return `${key} is over ${target.laneName}, position ${to.index + 1} of ${size}.`;
      },
      onDragEnd: ({ active, over }) => {
        const key = dragCard(active)?.key ?? 'Card';
        const target = overTarget(boardRef.current, over);
        return target ? `${key} moved to ${target.laneName}.` : `${key} was dropped where it was.`;
      },
      onDragCancel: ({ active }) => `Moving ${dragCard(active)?.key ?? 'the card'} was cancelled. It is back where it was.`,
    }),
    [],
  );

  const onDragStart = ({ active }: DragStartEvent) => {
    setActiveCard(dragCard(active) ?? null);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setActiveCard(null);
    const card = dragCard(active);
    const target = overTarget(boardRef.current, over);
    if (!card || !target) return;
    const to = dropTarget(boardRef.current, card.id, { laneId: target.laneId, cardId: target.cardId });
    if (!to) return;
    setMoveError(null);
    move.mutate(
      { cardId: card.id, laneId: to.laneId, index: to.index },
      {
        onError: (error) => setMoveError(error.message || `${card.key} could not be moved.`),
      },
    );
  };

  return (
    <div className="board" data-testid="board" data-board-id={board.id} data-version={board.version}>
      <div className="board__header">
        <div className="board__heading">
          <h1 className="board__name">{board.name}</h1>
          <span className="board__key" data-testid="board-key">
            <span className="sr-only">Key </span>
            {board.key}
          </span>
        </div>
        <p className={`connection connection--${connection}`} data-testid="connection-state" data-state={connection}>
          <span className="connection__dot" aria-hidden="true" />
          {connectionLabels[connection]}
        </p>
      </div>

      {board.line.stopped && (
        <p className="line-stopped" data-testid="line-stopped">
          <strong>The line is stopped.</strong> {board.line.reason}
        </p>
      )}

      {moveError && (
        <div className="alert" role="alert" data-testid="move-error">
          <p className="alert__text">{moveError}</p>
          <button type="button" className="alert__dismiss" onClick={() => setMoveError(null)}>
            Dismiss
          </button>
        </div>
      )}

      <DndContext
        sensors={sensors}
        collisionDetection={collisionDetection}
        accessibility={{ announcements, screenReaderInstructions }}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setActiveCard(null)}
      >
        <div className="lanes" role="region" aria-label="Lanes" tabIndex={0}>
          {lanes.map((lane) => (
            <Lane key={lane.id} lane={lane} cards={byLane.get(lane.id) ?? []} />
          ))}
        </div>
        <DragOverlay dropAnimation={null}>{activeCard ? <CardOverlay card={activeCard} /> : null}</DragOverlay>
      </DndContext>
    </div>
  );
}
