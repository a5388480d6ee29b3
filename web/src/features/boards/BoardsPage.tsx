import { Link } from 'react-router-dom';
import { roleLabel } from '../board/permissions';
import { CreateBoardForm } from './CreateBoardForm';
import { useBoards } from './useBoards';
import { useDocumentTitle } from '../../components/PageState';

export function BoardsPage() {
  const boards = useBoards();

  useDocumentTitle('Boards · Kanban');

  return (
    <div className="boards-page">
      <h1>Boards</h1>

      <section aria-labelledby="your-boards" className="panel">
        <h2 id="your-boards">Your boards</h2>
        {boards.isPending && <p className="muted">Loading boards…</p>}
        {boards.isError && (
          <div className="alert" role="alert" data-testid="boards-error">
            <p className="alert__text">{boards.error.message}</p>
          </div>
        )}
        {boards.isSuccess && boards.data.length === 0 && (
          <p className="muted" data-testid="no-boards">
            No boards yet. Create the first one below.
          </p>
        )}
        {boards.isSuccess && boards.data.length > 0 && (
          <ul className="board-list" data-testid="board-list">
            {boards.data.map((b) => (
              <li key={b.id}>
                <Link to={`/boards/${b.id}`} className="board-link" data-testid={`board-link-${b.key}`}>
                  <span className="board-link__name">{b.name}</span>
                  <span className="board-link__meta">
                    <span className="board__key">{b.key}</span>
                    {b.role && (
                      <span className="tag tag--role" data-testid={`board-role-${b.key}`}>
                        <span className="sr-only">Your role: </span>
                        {roleLabel(b.role)}
                      </span>
                    )}
                    <span>
                      {b.cardCount} {b.cardCount === 1 ? 'card' : 'cards'}
                    </span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="create-board" className="panel">
        <h2 id="create-board">Create a board</h2>
        <CreateBoardForm />
      </section>
    </div>
  );
}
