import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router-dom';
import { PageLoadError, PageLoading, useDocumentTitle } from '../../components/PageState';
import type { Board } from '../../api/types';
import { useBoardPermissions } from './permissions';
import { useBoard } from './useBoard';

/** The frame of a board's own pages (settings, activity, triage, new ticket): title, the way back, and the board's nav. */
export function BoardSubpageHeader({
  board,
  title,
}: {
  board: Pick<Board, 'id' | 'name' | 'key'> & Partial<Pick<Board, 'role'>>;
  title: string;
}) {
  const can = useBoardPermissions(board);
  return (
    <div className="subpage__header">
      <div>
        <p className="subpage__board">
          <Link to={`/boards/${board.id}`} data-testid="board-page-link">
            <span aria-hidden="true">← </span>
            {board.name}
          </Link>{' '}
          <span className="board__key">
            <span className="sr-only">Key </span>
            {board.key}
          </span>
        </p>
        <h1>{title}</h1>
      </div>
      <nav aria-label="Board" className="board__nav">
        <NavLink to={`/boards/${board.id}`} end>
          Board
        </NavLink>
        {can.canSubmit && <NavLink to={`/boards/${board.id}/triage`}>Triage</NavLink>}
        <NavLink to={`/boards/${board.id}/standup`}>Standup</NavLink>
        <NavLink to={`/status/${board.id}`}>Status</NavLink>
        <NavLink to={`/boards/${board.id}/activity`}>Activity</NavLink>
        {can.canEditSettings && <NavLink to={`/boards/${board.id}/settings`}>Settings</NavLink>}
      </nav>
    </div>
  );
}

/** Loads the board for a sub-page; renders the loading and error states, or `children(board)`. */
export function WithBoard({
  boardId,
  title,
  children,
}: {
  boardId: string;
  title: string;
  children: (board: Board) => ReactNode;
}) {
  const query = useBoard(boardId);

  useDocumentTitle(query.data ? `${title} · ${query.data.name} · Kanban` : `${title} · Kanban`);

  if (query.isPending) return <PageLoading heading="Loading…" testId="board-loading" />;
  if (query.isError) return <PageLoadError what="board" error={query.error} retry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
