import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { describeProblem } from '../../api/problems';
import type { AssignablePerson } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { initials } from './cardLabels';
import { roleLabel } from './permissions';
import { useAssignablePeople } from './useCardCommands';

/** Lower case, accents off: "José" is found by "jose". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** The people whose name contains every word typed, in the server's order (by name). */
export function matchPeople<T extends { displayName: string }>(people: readonly T[], query: string): T[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...people];
  return people.filter((p) => {
    const name = fold(p.displayName);
    return words.every((w) => name.includes(w));
  });
}

const sameId = (a: string | null | undefined, b: string | null | undefined) =>
  a != null && b != null && a.toLowerCase() === b.toLowerCase();

export interface AssigneePickerProps {
  boardId: string;
  /** Who holds the card now (marked; choosing them again changes nothing). */
  currentId: string | null;
  /** A command is running: the field keeps the focus, but nothing more is picked. */
  pending: boolean;
  onPick: (person: AssignablePerson) => void;
  /** Escape, or the current assignee chosen again: closes without a change. */
  onCancel: () => void;
}

/**
 * Picks whom to assign a card to, on the board (in the card's actions) and on the ticket page: a
 * search field over the board's people (a combobox whose list shows while anyone matches). Typing
 * filters (case and accents do not matter); Up and Down move through the list, Enter assigns the
 * one marked, Escape closes without a change. Clicking a name assigns it too. The focus stays in
 * the field throughout, also while the assignment is sent and after a refusal.
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
  const optionId = (index: number) => `${id}-person-${index}`;
  const listId = `${id}-people`;
  const inputId = `${id}-search`;

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  const pick = (person: AssignablePerson | undefined) => {
    if (!person || pending) return;
    if (sameId(person.id, currentId)) onCancel();
    else onPick(person);
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
        // Ours, not the enclosing dialog's: the caller closes (and puts the focus back).
        e.preventDefault();
        e.stopPropagation();
        onCancel();
        break;
    }
  };

  return (
    <div className="assignee-picker" aria-busy={pending || undefined}>
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
        aria-activedescendant={activePerson ? optionId(activeIndex) : undefined}
        aria-describedby={`${inputId}-hint`}
        autoComplete="off"
        placeholder="Search by name"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        data-testid="assignee-search"
      />
      <p className="form__hint" id={`${inputId}-hint`}>
        Up and Down choose, Enter assigns, Escape closes.
      </p>
      {people.isPending && <p className="muted">Loading the board’s people…</p>}
      {people.isError && (
        <ProblemAlert
          problem={describeProblem(people.error, 'The people could not be loaded')}
          testId="assignee-people-error"
          onRetry={() => void people.refetch()}
        />
      )}
      {matches.length > 0 && (
        <ul id={listId} role="listbox" aria-label="People on the board" className="picker__list" data-testid="assignee-options">
          {matches.map((person, index) => {
            const isActive = index === activeIndex;
            const isCurrent = sameId(person.id, currentId);
            return (
              <li
                key={person.id}
                id={optionId(index)}
                role="option"
                aria-selected={isActive}
                className={`picker__option${isActive ? ' picker__option--active' : ''}`}
                // Keep the focus in the search field: the click picks, the field keeps the keyboard.
                onMouseDown={(e) => e.preventDefault()}
                onMouseMove={() => index !== activeIndex && setActive(index)}
                onClick={() => pick(person)}
                data-testid={`assignee-option-${person.id}`}
                data-current={isCurrent ? 'true' : undefined}
              >
                <span className="avatar" aria-hidden="true">
                  {initials(person.displayName)}
                </span>
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
        <p className="muted" data-testid="assignee-no-match">
          {people.data.length === 0 ? 'Nobody on this board can be assigned.' : `Nobody matches “${query.trim()}”.`}
        </p>
      )}
    </div>
  );
}
