import { useEffect, type ReactNode } from 'react';
import { Link, NavLink } from 'react-router-dom';
import { isApiError } from '../../api/http';
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

  useEffect(() => {
    document.title = query.data ? `${title} · ${query.data.name} · Kanban` : `${title} · Kanban`;
    return () => {
      document.title = 'Kanban';
    };
  }, [query.data, title]);

  if (query.isPending) {
    return (
      <div className="page-state" aria-busy="true" data-testid="board-loading">
        <h1>Loading…</h1>
      </div>
    );
  }
  if (query.isError) {
    const notFound = isApiError(query.error) && query.error.status === 404;
    return (
      <div className="page-state" data-testid={notFound ? 'board-not-found' : 'board-error'}>
        <h1>{notFound ? 'Board not found' : 'The board could not be loaded'}</h1>
        <p>{notFound ? 'There is no board here, or you do not have access to it.' : query.error.message}</p>
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
  return <>{children(query.data)}</>;
}
