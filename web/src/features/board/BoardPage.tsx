import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type Over,
  type Active,
  type KeyboardCoordinateGetter,
  type KeyboardCodes,
  type ScreenReaderInstructions,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { PageLoadError, PageLoading, useDocumentTitle } from '../../components/PageState';
import { describeProblem, type ProblemMessage } from '../../api/problems';
import type { Board, Card, ConnectionState, LineState } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TextPromptDialog } from '../../components/TextPromptDialog';
import { useNow } from '../../lib/time';
import { BoardFilterBar } from './BoardFilterBar';
import { filterToParams, matchesFilter, parseFilter, type BoardFilter } from './boardFilter';
import { CardActionsDialog } from './CardActionsDialog';
import { useCardCommand } from './useCardCommands';
import { cardsByLane, cardsInLane, dropTarget, lineStopKind, pullStoppedLaneIds, sortedLanes } from './boardState';
import { CardOverlay, type CardDragData } from './CardTile';
import { Lane, laneDropId, type LaneDropData } from './Lane';
import { LineBanner } from './LineBanner';
import { canResumeLine, permissionsFor, useBoardPermissions, type BoardPermissions } from './permissions';
import { useCurrentUser } from '../auth/AuthProvider';
import { useBoard } from './useBoard';
import { AccessRevokedNotice } from './AccessRevokedNotice';
import { useBoardHub } from './useBoardHub';
import { OutliersContext, useOutliers, useOutliersByCard, withOutlierFlags } from './useOutliers';
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
    'Press Enter to open the card. To move it, press Space to pick it up, use the arrow keys to move it within a lane ' +
    'or to another lane, then press Space or Enter to drop it, or Escape to cancel.',
};

/** Space picks a card up (Enter opens it); Space, Enter or Tab drops it; Escape cancels. */
const keyboardCodes: KeyboardCodes = {
  start: ['Space'],
  cancel: ['Escape'],
  end: ['Space', 'Enter', 'Tab'],
};

/**
 * Pointer: the card under the pointer, else the lane under it. Keyboard (no pointer): the target the
 * moved card overlaps most (a card it sits on rather than the tall lane around it), else the closest.
 */
const collisionDetection: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  if (within.length > 0) {
    const card = within.find((c) => c.data?.droppableContainer?.data.current?.type === 'card');
    return [card ?? within[0]!];
  }
  const overlapping = rectIntersection(args);
  if (overlapping.length > 0) return overlapping.slice(0, 1);
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
  const cardCommand = useCardCommand(board.id);
  const outliers = useOutliersByCard(useOutliers(board.id, connection !== 'revoked').data);
  const now = useNow(60_000);
  const [moveError, setMoveError] = useState<ProblemMessage | null>(null);
  const [activeCard, setActiveCard] = useState<Card | null>(null);
  const [dialog, setDialog] = useState<'stop' | 'resume' | null>(null);
  const [actions, setActions] = useState<{ cardId: string; anchor: HTMLButtonElement } | null>(null);
  const [blocking, setBlocking] = useState<{ cardId: string; key: string; anchor: HTMLElement | null } | null>(null);
  const announcement = useLineAnnouncement(board.line);
  const bannerHeadingRef = useRef<HTMLHeadingElement>(null);
  const andonRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const lanesRef = useRef<HTMLDivElement>(null);

  // The filter lives in the URL. It is also kept here, so a change shows at once (the router's
  // navigation is a transition: a controlled checkbox would spring back until it ends); a URL
  // changed from outside (back, forward, a link) wins.
  const [searchParams, setSearchParams] = useSearchParams();
  const [filter, setFilterState] = useState(() => parseFilter(searchParams));
  const filterRef = useRef(filter);
  filterRef.current = filter;
  const urlFilter = filterToParams(parseFilter(searchParams)).toString();
  const written = useRef<string[]>([]);
  useEffect(() => {
    // One of our own writes arriving (maybe behind newer ones): nothing to adopt.
    const ours = written.current.indexOf(urlFilter);
    if (ours >= 0) {
      written.current = written.current.slice(ours + 1);
      return;
    }
    written.current = [];
    if (filterToParams(filterRef.current).toString() !== urlFilter) setFilterState(parseFilter(new URLSearchParams(urlFilter)));
  }, [urlFilter]);
  const setFilter = useCallback(
    (next: BoardFilter) => {
      setFilterState(next);
      written.current.push(filterToParams(next).toString());
      setSearchParams((current) => filterToParams(next, current), { replace: true });
    },
    [setSearchParams],
  );

  const boardRef = useRef(board);
  boardRef.current = board;

  const lanes = useMemo(() => sortedLanes(board), [board]);
  const flagged = useMemo(() => withOutlierFlags(board, outliers), [board, outliers]);
  const byLane = useMemo(() => cardsByLane(flagged), [flagged]);
  const pullStopped = useMemo(() => pullStoppedLaneIds(board), [board]);
  const listed = useMemo(() => new Set(board.cards.map((c) => c.id)), [board.cards]);
  const people = useMemo(
    () => new Map((board.people ?? []).map((p) => [p.id.toLowerCase(), p.displayName] as const)),
    [board.people],
  );
  const nameOf = (card: Card | undefined | null) => (card?.assigneeId ? people.get(card.assigneeId.toLowerCase()) : undefined);
  const matching = useMemo(() => flagged.cards.filter((c) => matchesFilter(c, filter)).length, [flagged.cards, filter]);
  const stoppedByHand = lineStopKind(board.line) === 'manual';
  const actionsCard = actions ? (board.cards.find((c) => c.id === actions.cardId) ?? null) : null;

  // After a keyboard move focus stays on the moved card: it is mounted anew in its new lane (and
  // again if the server's answer or a live update moves it), so it is focused again after each
  // render that lost it, until the person moves focus elsewhere or uses the pointer.
  const keepFocusOn = useRef<string | null>(null);
  const keyboardDrag = useRef(false);
  useLayoutEffect(() => {
    const id = keepFocusOn.current;
    if (!id) return;
    const at = document.activeElement;
    if (at && at !== document.body && at.isConnected) return;
    rootRef.current?.querySelector<HTMLElement>(`[data-card-id="${id}"][tabindex]`)?.focus();
  });
  useEffect(() => {
    const release = (event: Event) => {
      const id = keepFocusOn.current;
      if (!id) return;
      const target = event.target instanceof Element ? event.target : null;
      if (event.type === 'pointerdown' || !target?.closest(`[data-card-id="${id}"]`)) keepFocusOn.current = null;
    };
    document.addEventListener('focusin', release);
    document.addEventListener('pointerdown', release);
    return () => {
      document.removeEventListener('focusin', release);
      document.removeEventListener('pointerdown', release);
    };
  }, []);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: keyboardCoordinates, keyboardCodes }),
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

  const onDragStart = ({ active, activatorEvent }: DragStartEvent) => {
    keyboardDrag.current = typeof KeyboardEvent !== 'undefined' && activatorEvent instanceof KeyboardEvent;
    setActiveCard(dragCard(active) ?? null);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setActiveCard(null);
    const card = dragCard(active);
    if (card && keyboardDrag.current) keepFocusOn.current = card.id;
    if (!can.canMove) return;
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

  const onDragCancel = ({ active }: { active: Active }) => {
    setActiveCard(null);
    const card = dragCard(active);
    if (card && keyboardDrag.current) keepFocusOn.current = card.id;
  };

  const openActions = useCallback((card: Card, anchor: HTMLButtonElement) => setActions({ cardId: card.id, anchor }), []);

  return (
    <div className="board" ref={rootRef} data-testid="board" data-board-id={board.id} data-version={board.version}>
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
            <Link to={`/boards/${board.id}/standup`} data-testid="standup-link">
              Standup
            </Link>
            <Link to={`/status/${board.id}`} data-testid="status-link">
              Status
            </Link>
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

      {moveError && <ProblemAlert problem={moveError} testId="move-error" onDismiss={() => setMoveError(null)} />}

      {!can.canMove && connection !== 'revoked' && (
        <p className="muted board__readonly" data-testid="board-read-only">
          You are a viewer of this board: you can follow it and open its cards, but not move them or stop the line.
        </p>
      )}

      <BoardFilterBar
        filter={filter}
        onChange={setFilter}
        people={board.people ?? []}
        matching={matching}
        shown={board.cards.length}
      />

      <OutliersContext.Provider value={outliers}>
        <DndContext
          sensors={sensors}
          collisionDetection={collisionDetection}
          accessibility={{ announcements, screenReaderInstructions }}
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
          onDragCancel={onDragCancel}
        >
          <div className="lanes" role="region" aria-label="Lanes" tabIndex={0} ref={lanesRef}>
            {lanes.map((lane) => (
              <Lane
                key={lane.id}
                boardId={board.id}
                lane={lane}
                cards={byLane.get(lane.id) ?? []}
                pullStopped={pullStopped.has(lane.id)}
                canMove={can.canMove}
                listed={listed}
                people={people}
                filter={filter}
                now={now}
                onCardActions={can.canMove ? openActions : undefined}
              />
            ))}
          </div>
          <DragOverlay dropAnimation={null}>
            {activeCard ? <CardOverlay card={activeCard} assigneeName={nameOf(activeCard)} now={now} /> : null}
          </DragOverlay>
        </DndContext>
      </OutliersContext.Provider>

      <CardActionsDialog
        boardId={board.id}
        card={actionsCard}
        assigneeName={nameOf(actionsCard)}
        anchor={actions?.anchor ?? null}
        onClose={() => setActions(null)}
        onBlock={(card) => setBlocking({ cardId: card.id, key: card.key, anchor: actions?.anchor ?? null })}
        fallbackFocus={() => lanesRef.current}
      />
      <TextPromptDialog
        open={blocking != null}
        onClose={() => setBlocking(null)}
        title={blocking ? `Block ${blocking.key}` : 'Block the card'}
        description="The card stays where it is and counts against its lane's limit; everyone sees why it waits, and for how long."
        label="What is it waiting for?"
        field="reason"
        requiredMessage="Say what the card is waiting for, so the team knows what would unblock it."
        submitLabel="Block"
        pendingLabel="Blocking…"
        maxLength={500}
        onSubmit={(reason) => cardCommand.mutateAsync({ cardId: blocking!.cardId, kind: 'block', reason })}
        testId="block-dialog"
        submitTestId="block-submit"
        inputTestId="block-reason"
        fallbackFocus={() =>
          blocking?.anchor?.isConnected
            ? blocking.anchor
            : rootRef.current?.querySelector<HTMLElement>(`[data-card-id="${blocking?.cardId}"][tabindex]`)
        }
      />
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
