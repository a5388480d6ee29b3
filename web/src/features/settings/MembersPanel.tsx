import { useId, useState, type FormEvent } from 'react';
import { describeProblem, type ProblemMessage } from '../../api/problems';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { Board, BoardMember, BoardRole } from '../../api/types';
import { useCurrentUser } from '../auth/AuthProvider';
import { BOARD_ROLES, roleLabel } from '../board/permissions';
import { fieldErrors, otherFieldErrors } from './settingsForm';
import { UnsavedMarker, useUnsavedChanges } from './unsavedChanges';
import { useMemberCommands, useMembers } from './useAccess';

interface MemberRowProps {
  boardId: string;
  member: BoardMember;
  isMe: boolean;
  announce: (message: string) => void;
}

/** One person on the board: their role (saved as soon as it changes) and a remove button. */
function MemberRow({ boardId, member, isMe, announce }: MemberRowProps) {
  const { setRole, remove } = useMemberCommands(boardId);
  const [error, setError] = useState<ProblemMessage | null>(null);
  const id = useId();
  const busy = setRole.isPending || remove.isPending;
  // While a change is on its way, the select shows it; a refusal puts the server's role back.
  const shown = setRole.isPending ? setRole.variables.role : member.role;

  const changeRole = async (role: BoardRole) => {
    if (role === member.role) return;
    setError(null);
    try {
      await setRole.mutateAsync({ userId: member.userId, role });
      announce(`${member.displayName} is now ${roleLabel(role).toLowerCase()}.`);
    } catch (e) {
      setError(describeProblem(e, `${member.displayName}'s role was not changed`));
    }
  };

  const doRemove = async () => {
    setError(null);
    try {
      await remove.mutateAsync(member.userId);
      announce(`${member.displayName} was removed from the board.`);
    } catch (e) {
      setError(describeProblem(e, `${member.displayName} was not removed`));
    }
  };

  return (
    <li className="member-row" data-testid={`member-${member.email}`} data-role={member.role}>
      <div className="member-row__who">
        <span className="member-row__name">
          {member.displayName}
          {isMe && <span className="muted"> (you)</span>}
        </span>
        <span className="member-row__email muted">{member.email}</span>
      </div>
      <div className="form__field member-row__role">
        <label htmlFor={`${id}-role`}>
          Role<span className="sr-only"> of {member.displayName}</span>
        </label>
        <select
          id={`${id}-role`}
          value={shown}
          disabled={busy}
          onChange={(e) => void changeRole(e.target.value as BoardRole)}
          data-testid={`member-role-${member.email}`}
        >
          {BOARD_ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </select>
      </div>
      <div className="member-row__actions">
        <button
          type="button"
          className="button"
          onClick={() => void doRemove()}
          disabled={busy}
          data-testid={`member-remove-${member.email}`}
        >
          {remove.isPending ? 'Removing…' : 'Remove'}
          <span className="sr-only"> {member.displayName} from the board</span>
        </button>
      </div>
      {error && (
        <div className="member-row__error">
          <ProblemAlert problem={error} testId={`member-error-${member.email}`} onDismiss={() => setError(null)} />
        </div>
      )}
    </li>
  );
}

function AddMemberForm({ boardId, announce }: { boardId: string; announce: (message: string) => void }) {
  const { add } = useMemberCommands(boardId);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<BoardRole>('Member');
  const [missing, setMissing] = useState(false);
  const id = useId();
  // An address typed but not yet added is an unsaved change like any other.
  const dirty = email.trim() !== '';
  useUnsavedChanges('people:add', dirty);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const trimmed = email.trim();
    setMissing(!trimmed);
    if (!trimmed) {
      add.reset();
      return;
    }
    add.mutate(
      { email: trimmed, role },
      {
        onSuccess: (member) => {
          announce(`${member.displayName} was added as ${roleLabel(member.role).toLowerCase()}.`);
          setEmail('');
          setRole('Member');
        },
      },
    );
  };

  const emailErrors = missing ? ['Enter the email address of their account.'] : fieldErrors(add.error, 'email');
  const roleErrors = fieldErrors(add.error, 'role');
  const rest = otherFieldErrors(add.error, ['email', 'role']);
  const problem =
    add.error && emailErrors.length + roleErrors.length + rest.length === 0 ? describeProblem(add.error, 'Nobody was added') : null;

  return (
    <form className="add-member" onSubmit={submit} noValidate data-testid="add-member-form" aria-labelledby={`${id}-title`}>
      <div className="settings-section__header">
        <h3 id={`${id}-title`}>Add someone</h3>
        {dirty && <UnsavedMarker testId="add-member-unsaved" />}
      </div>
      {problem && <ProblemAlert problem={problem} testId="add-member-error" />}
      {rest.length > 0 && (
        <div className="alert" role="alert" data-testid="add-member-error">
          <div>
            {rest.map((m) => (
              <p className="alert__text" key={m}>
                {m}
              </p>
            ))}
          </div>
        </div>
      )}
      <div className="add-member__fields">
        <div className="form__field add-member__email">
          <label htmlFor={`${id}-email`}>Email</label>
          <input
            id={`${id}-email`}
            name="email"
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={email}
            onChange={(e) => {
              setMissing(false);
              setEmail(e.target.value);
            }}
            aria-invalid={emailErrors.length > 0 || undefined}
            aria-describedby={`${id}-email-hint${emailErrors.length > 0 ? ` ${id}-email-error` : ''}`}
            data-testid="add-member-email"
          />
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-role`}>Role</label>
          <select
            id={`${id}-role`}
            name="role"
            value={role}
            onChange={(e) => setRole(e.target.value as BoardRole)}
            aria-invalid={roleErrors.length > 0 || undefined}
            aria-describedby={roleErrors.length > 0 ? `${id}-role-error` : undefined}
            data-testid="add-member-role"
          >
            {BOARD_ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit" className="button button--primary" disabled={add.isPending} data-testid="add-member-submit">
            {add.isPending ? 'Adding…' : 'Add member'}
          </button>
        </div>
      </div>
      <p className="form__hint" id={`${id}-email-hint`}>
        The email of their account. An administrator creates accounts; someone already on the board gets the role
        chosen here.
      </p>
      {emailErrors.length > 0 && (
        <p className="form__error" id={`${id}-email-error`} data-testid="add-member-email-error">
          {emailErrors.join(' ')}
        </p>
      )}
      {roleErrors.length > 0 && (
        <p className="form__error" id={`${id}-role-error`} data-testid="add-member-role-error">
          {roleErrors.join(' ')}
        </p>
      )}
    </form>
  );
}

/** The board's people with their roles, each changed or removed in place, and a form to add someone. */
export function MembersPanel({ board }: { board: Pick<Board, 'id'> }) {
  const members = useMembers(board.id);
  const me = useCurrentUser();
  const [status, setStatus] = useState('');

  return (
    <div className="members">
      <p className="muted members__intro">
        Product owners change lanes, limits and settings, manage the board&rsquo;s people and share links, and resume
        the line. Members move cards and stop the line. Viewers follow the board. A board always keeps at least one
        product owner.
      </p>
      {members.isPending && <p className="muted">Loading people…</p>}
      {members.isError && (
        <ProblemAlert problem={describeProblem(members.error, 'The people could not be loaded')} testId="members-error" />
      )}
      {members.isSuccess && (
        <ul className="member-list" data-testid="members-list" aria-label="People on this board">
          {members.data.map((m) => (
            <MemberRow key={m.userId} boardId={board.id} member={m} isMe={m.userId === me?.id} announce={setStatus} />
          ))}
        </ul>
      )}
      <p className="form__saved" role="status" aria-live="polite" data-testid="members-status">
        {status}
      </p>
      <AddMemberForm boardId={board.id} announce={setStatus} />
    </div>
  );
}
