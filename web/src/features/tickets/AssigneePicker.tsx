import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { describeProblem } from '../../api/problems';
import type { AssignablePerson } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { roleLabel } from '../board/permissions';
import { useAssignablePeople } from './useTickets';

/** Lower case, accents off: "José" is found by "jose". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** The people whose name contains every word typed, in the server's order (by name). */
export function matchPeople(people: readonly AssignablePerson[], query: string): AssignablePerson[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...people];
  return people.filter((p) => {
    const name = fold(p.displayName);
    return words.every((w) => name.includes(w));
  });
}

export interface AssigneePickerProps {
  boardId: string;
  /** Who holds the card now (marked, and not offered again). */
  currentId: string | null;
  pending: boolean;
  onPick: (person: AssignablePerson) => void;
  onCancel: () => void;
}

/**
 * Picks whom to assign a card to: a search field over the board's people (a combobox whose
 * list shows while anyone matches). Typing filters; Up and Down move through the list, Enter assigns the one
 * marked, Escape closes without a change. Clicking a name assigns it too.
 */
export function AssigneePicker({ boardId, currentId, pending, onPick, onCancel }: AssigneePickerProps) {
  const id = useId();
  const people = useAssignablePeople(boardId, true);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);

  const matches = useMemo(() => matchPeople(people.data ?? [], query), [people.data, query]);
  const activeIndex = Math.min(active, matches.length - 1);
  const activePerson = activeIndex >= 0 ? matches[activeIndex] : undefined;
  const optionId = (person: AssignablePerson) => `${id}-person-${person.id}`;
  const listId = `${id}-people`;
  const inputId = `${id}-search`;

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  const pick = (person: AssignablePerson | undefined) => {
    if (!person || pending) return;
    if (person.id === currentId) {
      onCancel();
      return;
    }
    onPick(person);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const last = matches.length - 1;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        setActive(activeIndex >= last ? 0 : activeIndex + 1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        setActive(activeIndex <= 0 ? last : activeIndex - 1);
        break;
      case 'Home':
        if (e.ctrlKey) {
          e.preventDefault();
          setActive(0);
        }
        break;
      case 'End':
        if (e.ctrlKey) {
          e.preventDefault();
          setActive(last);
        }
        break;
      case 'Enter':
        e.preventDefault();
        pick(activePerson);
        break;
      case 'Escape':
        e.preventDefault();
        e.stopPropagation();
        onCancel();
        break;
    }
  };

  return (
    <div className="picker" data-testid="assign-picker">
      <label htmlFor={inputId} className="picker__label">
        Assign to
      </label>
      <input
        id={inputId}
        ref={inputRef}
        className="picker__search"
        type="text"
        role="combobox"
        aria-expanded={matches.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activePerson ? optionId(activePerson) : undefined}
        aria-describedby={`${inputId}-hint`}
        autoComplete="off"
        placeholder="Search by name"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        data-testid="assign-search"
      />
      <p className="form__hint" id={`${inputId}-hint`}>
        Up and Down choose, Enter assigns, Escape closes.
      </p>
      {people.isPending && <p className="muted">Loading the board’s people…</p>}
      {people.isError && (
        <ProblemAlert
          problem={describeProblem(people.error, 'The people could not be loaded')}
          testId="assign-people-error"
          onRetry={() => void people.refetch()}
        />
      )}
      {matches.length > 0 && (
      <ul id={listId} role="listbox" aria-label="People on the board" className="picker__list" data-testid="assign-options">
        {matches.map((person, index) => {
          const isActive = index === activeIndex;
          const isCurrent = person.id === currentId;
          return (
            <li
              key={person.id}
              id={optionId(person)}
              role="option"
              aria-selected={isActive}
              className={`picker__option${isActive ? ' picker__option--active' : ''}`}
              // Keep the focus in the search field: the click picks, the field keeps the keyboard.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(person)}
              data-testid={`assign-option-${person.id}`}
              data-current={isCurrent ? 'true' : undefined}
            >
              <span className="picker__name">{person.displayName}</span>
              <span className="picker__meta">
                {roleLabel(person.role)}
                {isCurrent ? ' · assigned now' : ''}
              </span>
            </li>
          );
        })}
      </ul>
      )}
      {people.isSuccess && matches.length === 0 && (
        <p className="muted" data-testid="assign-no-match">
          {(people.data ?? []).length === 0 ? 'Nobody on this board can be assigned.' : `Nobody matches “${query.trim()}”.`}
        </p>
      )}
      <p>
        <button type="button" className="button button--small" onClick={onCancel} data-testid="assign-cancel">
          Cancel
        </button>
      </p>
    </div>
  );
}
