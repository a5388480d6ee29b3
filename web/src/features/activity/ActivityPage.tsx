import { useInfiniteQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { boardsApi, queryKeys } from '../../api/boards';
import { describeProblem } from '../../api/problems';
import type { ActivityItem, Board } from '../../api/types';
import { formatLocalTime, relativeTime, useNow } from '../../lib/time';
import { BoardSubpageHeader, WithBoard } from '../board/BoardSubpage';
import { AccessRevokedNotice } from '../board/AccessRevokedNotice';
import { useBoardHub } from '../board/useBoardHub';

export const ACTIVITY_PAGE_SIZE = 30;

const KIND_LABELS: Record<string, string> = {
  CardCreated: 'Card',
  CardMoved: 'Move',
  CardAssigned: 'Assign',
  CardBlocked: 'Blocked',
  CardUnblocked: 'Unblocked',
  LaneAdded: 'Lane',
  LaneChanged: 'Lane',
  LaneRemoved: 'Lane',
  SettingsChanged: 'Settings',
  LineStopped: 'Line stopped',
  LineResumed: 'Line resumed',
  TicketCommented: 'Comment',
  TicketDecisionUndone: 'Undone',
};

/** Who made an entry: their name; "someone" when their name is unknown; null when nobody is recorded (the board itself). */
export function activityBy(item: Pick<ActivityItem, 'by' | 'byName'>): string | null {
  return item.byName ?? (item.by ? 'someone' : null);
}

export function activityKindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind.replace(/([a-z])([A-Z])/g, '$1 $2');
}

/**
 * The board's trail, newest first, a page at a time back to the oldest ("Older" until the server's
 * `next` is null); new entries arrive live (the hub marks it stale).
 */
export function useActivity(boardId: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.activity(boardId),
    queryFn: ({ pageParam, signal }) =>
      boardsApi.activity(boardId, { before: pageParam, take: ACTIVITY_PAGE_SIZE }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

export function ActivityPage() {
  const { boardId = '' } = useParams();
  return (
    <WithBoard boardId={boardId} title="Activity">
      {(board) => <ActivityView board={board} />}
    </WithBoard>
  );
}

function ActivityEntry({ item, now }: { item: ActivityItem; now: number }) {
  const line = item.kind === 'LineStopped' || item.kind === 'LineResumed';
  const by = activityBy(item);
  return (
    <li className={`activity__item${line ? ' activity__item--line' : ''}`} data-testid="activity-item" data-kind={item.kind}>
      <span className={`activity__kind activity__kind--${item.kind.toLowerCase()}`}>{activityKindLabel(item.kind)}</span>
      <span className="activity__summary">
        {item.summary}
        {by && (
          <span className="activity__by" data-testid="activity-by">
            {' · '}
            {by}
          </span>
        )}
      </span>
      <time className="activity__time" dateTime={item.at} title={formatLocalTime(item.at, now)}>
        {relativeTime(item.at, now)}
      </time>
    </li>
  );
}

/** `live`: follow the board (the hub); tests turn it off. */
export function ActivityView({ board, live: follow = true }: { board: Board; live?: boolean }) {
  const activity = useActivity(board.id);
  const live = useBoardHub(board.id, follow);
  const now = useNow(30_000);

  // One entry can sit on two pages when entries share a time; show it once.
  const seen = new Set<string>();
  const items = (activity.data?.pages ?? []).flatMap((p) => p.items).filter((i) => !seen.has(i.id) && seen.add(i.id));

  return (
    <div className="subpage activity-page" data-testid="activity-page">
      <BoardSubpageHeader board={board} title="Activity" />
      <AccessRevokedNotice status={live} boardId={board.id} />
      <section className="panel" aria-labelledby="activity-title">
        <h2 id="activity-title">Latest changes</h2>
        {activity.isPending && <p className="muted">Loading activity…</p>}
        {activity.isError && (
          <div className="alert" role="alert" data-testid="activity-error">
            <p className="alert__text">{describeProblem(activity.error, 'The activity could not be loaded').detail}</p>
          </div>
        )}
        {activity.isSuccess && items.length === 0 && <p className="muted">Nothing has happened on this board yet.</p>}
        {items.length > 0 && (
          <ol className="activity" data-testid="activity-list" aria-labelledby="activity-title">
            {items.map((item) => (
              <ActivityEntry key={item.id} item={item} now={now} />
            ))}
          </ol>
        )}
        {activity.hasNextPage && (
          <p>
            <button
              type="button"
              className="button"
              onClick={() => void activity.fetchNextPage()}
              disabled={activity.isFetchingNextPage}
              data-testid="activity-load-older"
            >
              {activity.isFetchingNextPage ? 'Loading older entries…' : 'Older'}
            </button>
          </p>
        )}
        {activity.isSuccess && !activity.hasNextPage && items.length > 0 && (
          <p className="muted" data-testid="activity-end">
            That is everything since the board was created.
          </p>
        )}
      </section>
    </div>
  );
}
