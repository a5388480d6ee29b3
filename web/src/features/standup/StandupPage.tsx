import { useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { describeProblem } from '../../api/problems';
import type { Board } from '../../api/types';
import { useNow } from '../../lib/time';
import { AccessRevokedNotice } from '../board/AccessRevokedNotice';
import { BoardSubpageHeader, WithBoard } from '../board/BoardSubpage';
import { blockedLabel } from '../board/cardLabels';
import { ticketPath } from '../board/CardTile';
import { useBoardHub } from '../board/useBoardHub';
import { useOutliers } from '../board/useOutliers';
import { isTypingTarget } from '../tickets/triage';
import { standupCounts, standupItems, workingDays, type StandupItem } from './standupItems';
import './standup.css';

export function StandupPage() {
  const { boardId = '' } = useParams();
  return (
    <WithBoard boardId={boardId} title="Standup">
      {(board) => <StandupView board={board} />}
    </WithBoard>
  );
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function StandupEntry({
  item,
  now,
  current,
  onFocus,
}: {
  item: StandupItem;
  now: number;
  current: boolean;
  onFocus: () => void;
}) {
  const blocked = item.card ? blockedLabel(item.card, now) : item.blocked ? { text: 'Blocked', spoken: 'Blocked' } : null;
  return (
    <li className="standup__entry">
      <Link
        to={ticketPath({ id: item.cardId })}
        className={`standup__item${current ? ' standup__item--current' : ''}${item.blocked ? ' standup__item--blocked' : ''}`}
        data-testid={`standup-item-${item.key}`}
        data-standup-item=""
        data-card-id={item.cardId}
        aria-current={current ? 'true' : undefined}
        onFocus={onFocus}
      >
        <span className="standup__head">
          <span className="card__key">{item.key}</span>
          <span className="standup__title">{item.title}</span>
        </span>
        <span className="standup__facts">
          <span data-testid="standup-lane">
            <span className="sr-only">Lane: </span>
            {item.laneName}
          </span>
          <span data-testid="standup-assignee">
            <span className="sr-only">Assignee: </span>
            {item.assigneeName ?? 'Unassigned'}
          </span>
          <span className="standup__age" data-testid="standup-age">
            {item.ageDays == null ? 'Not started' : workingDays(item.ageDays)}
          </span>
        </span>
        {blocked && (
          <span className="card__blocked standup__blocked" data-testid="standup-blocked">
            <span aria-hidden="true">
              <span className="card__blocked-icon">■</span> {blocked.text}
            </span>
            <span className="sr-only">{blocked.spoken}</span>
          </span>
        )}
        {item.reasons.length > 0 && (
          <span className="standup__reasons">
            {item.reasons.map((r) => (
              <span key={r.reason} className="badge badge--outlier standup__reason" data-testid="standup-reason" data-reason={r.reason}>
                {r.words}
              </span>
            ))}
          </span>
        )}
      </Link>
    </li>
  );
}

/**
 * The standup: what to talk about, as a team walks the board right to left. Live through the board
 * hub (its events mark the outliers stale, and patch the board), and the outliers are asked again
 * every minute too, as a card turns into one by age alone (useOutliers).
 *
 * `live`: follow the board (the hub); tests turn it off.
 */
export function StandupView({ board, live: follow = true }: { board: Board; live?: boolean }) {
  const outliers = useOutliers(board.id);
  const live = useBoardHub(board.id, follow);
  const now = useNow(60_000);
  const listRef = useRef<HTMLOListElement>(null);
  const [currentId, setCurrentId] = useState<string | null>(null);

  const items = useMemo(() => standupItems(board, outliers.data ?? []), [board, outliers.data]);
  const counts = standupCounts(items);
  const currentIndex = items.findIndex((i) => i.cardId === currentId);

  const focusAt = (index: number) => {
    if (items.length === 0) return;
    const at = Math.max(0, Math.min(items.length - 1, index));
    const id = items[at]!.cardId;
    setCurrentId(id);
    listRef.current?.querySelector<HTMLElement>(`[data-standup-item][data-card-id="${id}"]`)?.focus();
  };

  const onListKey = (e: ReactKeyboardEvent<HTMLOListElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        focusAt(currentIndex + 1);
        return;
      case 'ArrowUp':
        e.preventDefault();
        focusAt(currentIndex - 1);
        return;
      case 'Home':
        e.preventDefault();
        focusAt(0);
        return;
      case 'End':
        e.preventDefault();
        focusAt(items.length - 1);
        return;
    }
  };

  // j and k walk the list from anywhere on the page (not while typing); the arrows, Home and End
  // only inside the list, so that they still scroll the page elsewhere. Each item is a link: Enter
  // (or a click) opens its ticket, and Tab reaches every item.
  const onShortcut = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (isTypingTarget(e.target) || document.querySelector('dialog[open]')) return;
    if (e.key === 'j') {
      e.preventDefault();
      focusAt(currentIndex < 0 ? 0 : currentIndex + 1);
    } else if (e.key === 'k') {
      e.preventDefault();
      focusAt(currentIndex < 0 ? 0 : currentIndex - 1);
    }
  };
  const shortcutRef = useRef(onShortcut);
  shortcutRef.current = onShortcut;
  useEffect(() => {
    const listener = (e: KeyboardEvent) => shortcutRef.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const summary =
    counts.total === 0
      ? 'Nothing to discuss'
      : `${plural(counts.total, 'card', 'cards')} to discuss: ${plural(counts.outliers, 'outlier', 'outliers')}, ${counts.blocked} blocked`;

  return (
    <div className="subpage standup-page" data-testid="standup-page">
      <BoardSubpageHeader board={board} title="Standup" />
      <AccessRevokedNotice status={live} boardId={board.id} />
      <section className="panel" aria-labelledby="standup-title">
        <h2 id="standup-title" data-testid="standup-counts">
          {outliers.isPending ? 'To discuss' : summary}
        </h2>
        <p className="muted standup__help" id="standup-help">
          Right to left by lane, oldest first. Press j or k (or the arrow keys in the list) to walk it, Home and End
          for the first and last, Enter to open the card.
        </p>
        {outliers.isPending && <p className="muted">Loading outliers…</p>}
        {outliers.isError && (
          <div className="alert" role="alert" data-testid="standup-error">
            <p className="alert__text">{describeProblem(outliers.error, 'The outliers could not be loaded').detail}</p>
          </div>
        )}
        {outliers.isSuccess && items.length === 0 && (
          <p className="standup__empty" data-testid="standup-empty">
            Nothing to discuss: no card is an outlier and none is blocked.
          </p>
        )}
        {!outliers.isPending && items.length > 0 && (
          <ol
            className="standup"
            ref={listRef}
            data-testid="standup-list"
            aria-labelledby="standup-title"
            aria-describedby="standup-help"
            onKeyDown={onListKey}
          >
            {items.map((item) => (
              <StandupEntry
                key={item.cardId}
                item={item}
                now={now}
                current={item.cardId === currentId}
                onFocus={() => setCurrentId(item.cardId)}
              />
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
