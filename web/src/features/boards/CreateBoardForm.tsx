import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { LIMITS } from '../../api/contract/limits';
import { isApiError } from '../../api/http';
import { useCreateBoard } from './useBoards';

const FIELDS = ['name', 'key'] as const;

export function CreateBoardForm() {
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const create = useCreateBoard();
  const navigate = useNavigate();
  const id = useId();

  const error = create.error;
  const fieldErrors = (field: string): string[] => (isApiError(error) ? error.errorsFor(field) : []);
  // Anything the fields don't show themselves: the problem's detail, or errors for other fields.
  const otherErrors = isApiError(error)
    ? Object.entries(error.fieldErrors)
        .filter(([field]) => !(FIELDS as readonly string[]).includes(field.replace(/^\$\./, '').toLowerCase()))
        .flatMap(([, messages]) => messages)
    : [];
  const hasFieldErrors = FIELDS.some((f) => fieldErrors(f).length > 0);
  const generalMessage = error ? (isApiError(error) && hasFieldErrors ? null : error.message) : null;

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    create.mutate(
      { name: name.trim(), key: key.trim() },
      { onSuccess: (board) => void navigate(`/boards/${board.id}`) },
    );
  };

  const nameErrors = fieldErrors('name');
  const keyErrors = fieldErrors('key');

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="create-board-form">
      {(generalMessage || otherErrors.length > 0) && (
        <div className="alert" role="alert" data-testid="create-board-error">
          {generalMessage && <p className="alert__text">{generalMessage}</p>}
          {otherErrors.map((m) => (
            <p className="alert__text" key={m}>
              {m}
            </p>
          ))}
        </div>
      )}
      <div className="form__field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          name="name"
          type="text"
          autoComplete="off"
          maxLength={LIMITS.boardNameMaxLength}
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={nameErrors.length > 0 || undefined}
          aria-describedby={nameErrors.length > 0 ? `${id}-name-error` : undefined}
          data-testid="create-board-name"
        />
        {nameErrors.length > 0 && (
          <p className="form__error" id={`${id}-name-error`} data-testid="field-error-name">
            {nameErrors.join(' ')}
          </p>
        )}
      </div>
      <div className="form__field">
        <label htmlFor={`${id}-key`}>Key</label>
        <input
          id={`${id}-key`}
          name="key"
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={LIMITS.boardKeyMaxLength}
          value={key}
          onChange={(e) => setKey(e.target.value.toUpperCase())}
          aria-invalid={keyErrors.length > 0 || undefined}
          aria-describedby={`${id}-key-hint${keyErrors.length > 0 ? ` ${id}-key-error` : ''}`}
          data-testid="create-board-key"
        />
        <p className="form__hint" id={`${id}-key-hint`}>
          2–{LIMITS.boardKeyMaxLength} capital letters or digits, starting with a letter. Card keys start with it, like PAY-7.
        </p>
        {keyErrors.length > 0 && (
          <p className="form__error" id={`${id}-key-error`} data-testid="field-error-key">
            {keyErrors.join(' ')}
          </p>
        )}
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create board'}
        </button>
      </div>
    </form>
  );
}
