import { useState } from 'react';
import { useMatch } from 'react-router-dom';
import { describeProblem, problemText } from '../../api/problems';
import { roleLabel } from '../board/permissions';
import { useBoard } from '../board/useBoard';
import { useAuth } from './AuthProvider';

/** On a board's pages: the person's role on that board, once the board has loaded. */
function BoardRoleTag({ boardId }: { boardId: string }) {
  const board = useBoard(boardId);
  if (!board.data || board.data.id !== boardId) return null;
  return (
    <span className="tag tag--role">
      <span className="sr-only">Your role on {board.data.name}: </span>
      <span data-testid="current-role">{roleLabel(board.data.role)}</span>
    </span>
  );
}

/** The signed-in person in the header: name, Admin tag, role on the board shown, and Sign out. */
export function AccountHeader() {
  const { state, signOut } = useAuth();
  const boardMatch = useMatch('/boards/:boardId/*');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (state.status !== 'signedIn') return null;
  const boardId = boardMatch?.params.boardId;

  const onSignOut = async () => {
    setPending(true);
    setError(null);
    try {
      await signOut();
    } catch (e) {
      setError(problemText(describeProblem(e, 'You are still signed in')));
      setPending(false);
    }
  };

  return (
    <div className="app-header__account">
      <p className="app-header__user">
        <span className="sr-only">Signed in as </span>
        <span className="app-header__name" data-testid="current-user">
          {state.user.displayName}
        </span>
        {state.isAdmin && (
          <span className="tag tag--admin" data-testid="admin-tag">
            Admin
          </span>
        )}
        {boardId && <BoardRoleTag boardId={boardId} />}
      </p>
      <button type="button" className="button button--small" onClick={() => void onSignOut()} disabled={pending} data-testid="signout">
        {pending ? 'Signing out…' : 'Sign out'}
      </button>
      {error && (
        <p className="app-header__error" role="alert" data-testid="signout-error">
          {error}
        </p>
      )}
    </div>
  );
}
