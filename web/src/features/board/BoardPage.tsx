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
import { PageLoadError, PageLoading, useDocumentTitle } from '../../components/PageState';
import { describeProblem, type ProblemMessage } from '../../api/problems';
import type { Board, Card, ConnectionState, LineState } from '../../api/types';
import { TextPromptDialog } from '../../components/TextPromptDialog';
import { cardsByLane, cardsInLane, dropTarget, lineStopKind, pullStoppedLaneIds, sortedLanes } from './boardState';
import { CardOverlay, type CardDragData } from './CardTile';
import { Lane, laneDropId, type LaneDropData } from './Lane';
import { LineBanner } from './LineBanner';
import { canResumeLine, permissionsFor, useBoardPermissions, type BoardPermissions } from './permissions';
import { useCurrentUser } from '../auth/AuthProvider';
import { useBoard } from './useBoard';
import { AccessRevokedNotice } from './AccessRevokedNotice';
import { useBoardHub } from './useBoardHub';
import { useLineCommands } from './useLineCommands';
import { useMoveCard } from './useMoveCard';
import { TriageLink } from '../tickets/TriageLink';

const connectionLabels: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Live',
  reconnecting: 'Reconnecting…',
  disconnected: 'Offline',
  revoked: 'Access ended',
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
  const live = useBoardHub(boardId, query.isSuccess);

  useDocumentTitle(query.data ? `${query.data.name} · Kanban` : 'Board · Kanban');

  if (query.isPending) return <PageLoading heading="Loading board…" testId="board-loading" />;
  // Once access has ended the board no longer loads; its last state stays, with the reason.
  if (query.isError && !(live.state === 'revoked' && query.data)) {
    return <PageLoadError what="board" error={query.error} retry={() => void query.refetch()} showDetail />;
  }
  if (!query.data) return <PageLoading heading="Loading board…" testId="board-loading" />;

  return <BoardView board={query.data} connection={live.state} revokedReason={live.revokedReason} />;
}

/** What a change of the line says to screen readers (the banner itself is not a live region: its clock ticks). */
function lineAnnouncement(before: LineState, after: LineState): string | null {
  if (before.stopped === after.stopped && lineStopKind(before) === lineStopKind(after) && before.since === after.since) {
    return null;
  }
  if (!after.stopped) return 'The line is running again.';
  const how = lineStopKind(after) === 'manual' ? 'with the andon cord' : 'automatically: untested work reached the threshold';
  return `Line stopped ${how}.${after.reason ? ` ${after.reason}` : ''}`;
}

function useLineAnnouncement(line: LineState): string {
  const previous = useRef(line);
  const [message, setMessage] = useState('');
  useEffect(() => {
    const said = lineAnnouncement(previous.current, line);
    previous.current = line;
    if (said) setMessage(said);
  }, [line]);
  return message;
}

export interface BoardViewProps {
  board: Board;
  connection: ConnectionState;
  /** Why the server ended this screen's access, when it did (connection `revoked`). */
  revokedReason?: string;
  /** Defaults to what the signed-in person may do (useBoardPermissions). */
  permissions?: BoardPermissions;
}

export function BoardView({ board, connection, revokedReason, permissions }: BoardViewProps) {
  const defaultPermissions = useBoardPermissions(board);
  // Once the server has ended this screen's access, nothing it offers would be allowed: it only reads.
  const can = connection === 'revoked' ? permissionsFor(null) : (permissions ?? defaultPermissions);
  const me = useCurrentUser();
  const move = useMoveCard(board.id);
  const line = useLineCommands(board.id);
  const [moveError, setMoveError] = useState<ProblemMessage | null>(null);
  const [activeCard, setActiveCard] = useState<Card | null>(null);
  const [dialog, setDialog] = useState<'stop' | 'resume' | null>(null);
  const announcement = useLineAnnouncement(board.line);
  const bannerHeadingRef = useRef<HTMLHeadingElement>(null);
  const andonRef = useRef<HTMLButtonElement>(null);

  const boardRef = useRef(board);
  boardRef.current = board;

  const lanes = useMemo(() => sortedLanes(board), [board]);
  const byLane = useMemo(() => cardsByLane(board), [board]);
  const pullStopped = useMemo(() => pullStoppedLaneIds(board), [board]);
  const stoppedByHand = lineStopKind(board.line) === 'manual';

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
    if (!can.canMove) return;
    const card = dragCard(active);
    const target = overTarget(boardRef.current, over);
    if (!card || !target) return;
    const to = dropTarget(boardRef.current, card.id, { laneId: target.laneId, cardId: target.cardId });
    if (!to) return;
    setMoveError(null);
    move.mutate(
      { cardId: card.id, laneId: to.laneId, index: to.index },
      {
        onError: (error) => setMoveError(describeProblem(error, `${card.key} could not be moved`)),
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
        <div className="board__actions">
          <nav aria-label="Board" className="board__nav">
            {can.canSubmit && <TriageLink boardId={board.id} />}
            <Link to={`/boards/${board.id}/activity`} data-testid="activity-link">
              Activity
            </Link>
            {can.canEditSettings && (
              <Link to={`/boards/${board.id}/settings`} data-testid="settings-link">
                Settings
              </Link>
            )}
          </nav>
          {can.canSubmit && (
            <Link to={`/boards/${board.id}/tickets/new`} className="button button--primary" data-testid="new-ticket-link">
              New ticket
            </Link>
          )}
          {can.canStopLine && !stoppedByHand && (
            <button
              type="button"
              ref={andonRef}
              className="button button--andon"
              onClick={() => setDialog('stop')}
              data-testid="andon-button"
            >
              <span aria-hidden="true">■ </span>Stop the line
            </button>
          )}
          <p className={`connection connection--${connection}`} data-testid="connection-state" data-state={connection}>
            <span className="connection__dot" aria-hidden="true" />
            {connectionLabels[connection]}
          </p>
        </div>
      </div>

      <div className="sr-only" role="status" aria-live="polite" data-testid="line-announcer">
        {announcement}
      </div>

      <AccessRevokedNotice status={{ state: connection, revokedReason }} boardId={board.id} />

      <LineBanner
        ref={bannerHeadingRef}
        line={board.line}
        canResume={canResumeLine(can, board.line, me?.id)}
        onResume={() => setDialog('resume')}
      />

      {moveError && (
        <div className="alert" role="alert" data-testid="move-error" data-problem={moveError.name}>
          <div>
            <p className="alert__text">
              <strong>{moveError.title}</strong>
            </p>
            {moveError.detail && <p className="alert__text">{moveError.detail}</p>}
          </div>
          <button type="button" className="alert__dismiss" onClick={() => setMoveError(null)}>
            Dismiss
          </button>
        </div>
      )}

      {!can.canMove && connection !== 'revoked' && (
        <p className="muted board__readonly" data-testid="board-read-only">
          You are a viewer of this board: you can follow it, but not move cards or stop the line.
        </p>
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
            <Lane
              key={lane.id}
              lane={lane}
              cards={byLane.get(lane.id) ?? []}
              pullStopped={pullStopped.has(lane.id)}
              canMove={can.canMove}
            />
          ))}
        </div>
        <DragOverlay dropAnimation={null}>{activeCard ? <CardOverlay card={activeCard} /> : null}</DragOverlay>
      </DndContext>

      <TextPromptDialog
        open={dialog === 'stop'}
        onClose={() => setDialog(null)}
        title="Stop the line"
        description="Pulls into the lanes before testing are refused until the line is resumed. Everyone on the board sees it at once."
        label="Why are you stopping the line?"
        field="reason"
        requiredMessage="Say why the line stops, so the team knows what to swarm on."
        submitLabel="Stop the line"
        pendingLabel="Stopping…"
        maxLength={500}
        tone="danger"
        onSubmit={(reason) => line.stop.mutateAsync(reason)}
        testId="andon-dialog"
        submitTestId="andon-submit"
        inputTestId="andon-reason"
        fallbackFocus={() => bannerHeadingRef.current}
      />
      <TextPromptDialog
        open={dialog === 'resume'}
        onClose={() => setDialog(null)}
        title="Resume the line"
        description="Pulls are allowed again, unless untested work is still at the threshold."
        label="What was done about the stop?"
        field="note"
        requiredMessage="Say what was done about the stop."
        submitLabel="Resume the line"
        pendingLabel="Resuming…"
        maxLength={500}
        onSubmit={(note) => line.resume.mutateAsync(note)}
        testId="resume-dialog"
        submitTestId="resume-submit"
        inputTestId="resume-note"
        fallbackFocus={() => andonRef.current ?? bannerHeadingRef.current}
      />
    </div>
  );
}
