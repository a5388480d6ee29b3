import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { describeProblem, type ProblemMessage } from '../../api/problems';
import type { AssignablePerson, Card, Person } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { initials } from './cardLabels';
import { useAssignablePeople, useCardCommands } from './useCardCommands';

export interface CardActionsDialogProps {
  boardId: string;
  /** The card whose actions are open; null: closed. */
  card: Card | null;
  assigneeName?: string;
  /** The button that opened the dialog: it sits beside it, and focus goes back to it on close. */
  anchor: HTMLElement | null;
  onClose: () => void;
  /** "Block…": the board asks for the reason (the dialog has closed, focus is back on the anchor). */
  onBlock: (card: Card) => void;
}

const GAP = 6;
const MARGIN = 8;

/** Puts the (modal, top-layer) dialog under its button, or above it when there is no room below, inside the window. */
function placeNear(dialog: HTMLDialogElement, anchor: HTMLElement | null) {
  if (!anchor?.isConnected || typeof dialog.getBoundingClientRect !== 'function') return;
  const a = anchor.getBoundingClientRect();
  const d = dialog.getBoundingClientRect();
  const width = d.width || 320;
  const height = d.height || 0;
  const left = Math.max(MARGIN, Math.min(a.right - width, window.innerWidth - width - MARGIN));
  let top = a.bottom + GAP;
  if (top + height > window.innerHeight - MARGIN) top = Math.max(MARGIN, a.top - GAP - height);
  dialog.style.left = `${Math.round(left)}px`;
  dialog.style.top = `${Math.round(top)}px`;
}

function openModal(dialog: HTMLDialogElement) {
  if (dialog.open) return;
  try {
    dialog.showModal();
  } catch {
    dialog.setAttribute('open', '');
  }
}

/** People whose name holds the text (case-insensitive), in the server's order (by name). */
export function filterPeople<T extends Person>(people: readonly T[], text: string): T[] {
  const q = text.trim().toLocaleLowerCase();
  return q ? people.filter((p) => p.displayName.toLocaleLowerCase().includes(q)) : [...people];
}

/**
 * A card's actions, beside its "⋯" button: assign it (a search box over the board's people: type to
 * filter, arrows to choose, Enter to assign), unassign it, block it (the board asks why) or unblock
 * it. A native modal <dialog>: focus stays inside, Escape closes, focus goes back to the button. A
 * refusal (the assignee's personal WIP limit) is shown in the dialog, which stays open.
 */
export function CardActionsDialog({ boardId, card, assigneeName, anchor, onClose, onBlock }: CardActionsDialogProps) {
  const open = card != null;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const people = useAssignablePeople(boardId, open);
  const { assign, unblock } = useCardCommands(boardId);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [error, setError] = useState<ProblemMessage | null>(null);
  const [pending, setPending] = useState(false);
  const id = useId();
  const titleId = `${id}-title`;
  const listId = `${id}-people`;
  const optionId = (i: number) => `${id}-person-${i}`;
  // Keep the card the dialog opened for while it closes (the parent clears it).
  const shown = useRef<Card | null>(card);
  if (card) shown.current = card;
  const current = card ?? shown.current;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open) {
      setText('');
      setActive(0);
      setError(null);
      setPending(false);
      openModal(dialog);
      placeNear(dialog, anchor);
      inputRef.current?.focus();
    } else if (dialog.open) {
      dialog.close();
    }
  }, [open, card?.id]);

  useLayoutEffect(() => {
    if (open && dialogRef.current) placeNear(dialogRef.current, anchor);
  });

  const matches = useMemo(() => filterPeople<AssignablePerson>(people.data ?? [], text), [people.data, text]);
  const activeIndex = Math.min(active, Math.max(0, matches.length - 1));

  // Back to the button, unless focus has gone on meanwhile (to the block dialog this one handed over to).
  const restoreFocus = () => {
    const at = document.activeElement;
    const lost = !at || at === document.body || dialogRef.current?.contains(at);
    if (lost && anchor?.isConnected) anchor.focus();
  };

  const close = () => {
    dialogRef.current?.close();
  };

  // Every way of closing (Escape, Close, a done command) ends here.
  const handleClose = () => {
    restoreFocus();
    onClose();
  };

  const run = async (what: () => Promise<unknown>, failure: string) => {
    setPending(true);
    setError(null);
    try {
      await what();
      close();
    } catch (e) {
      setError(describeProblem(e, failure));
      setPending(false);
    }
  };

  const choose = (person: Person | null) => {
    if (!current || pending) return;
    if ((person?.id.toLowerCase() ?? null) === (current.assigneeId?.toLowerCase() ?? null)) {
      close(); // already so: nothing to change
      return;
    }
    void run(
      () => assign.mutateAsync({ cardId: current.id, person }),
      person ? `${current.key} could not be assigned to ${person.displayName}` : `${current.key} could not be unassigned`,
    );
  };

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive(Math.min(activeIndex + 1, matches.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(Math.max(activeIndex - 1, 0));
    } else if (event.key === 'Home' && matches.length > 0) {
      setActive(0);
    } else if (event.key === 'End' && matches.length > 0) {
      setActive(matches.length - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const person = matches[activeIndex];
      if (person) choose(person);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog dialog--popover card-actions"
      aria-labelledby={titleId}
      data-testid="card-actions-dialog"
      onClose={handleClose}
    >
      {open && current && (
        <div className="card-actions__body">
          <div className="card-actions__heading">
            <h2 id={titleId} className="card-actions__title">
              {current.key}
              <span className="sr-only">: assign or block</span>
            </h2>
            <button type="button" className="card-actions__close" onClick={close} aria-label="Close" data-testid="card-actions-close">
              <span aria-hidden="true">×</span>
            </button>
          </div>
          <p className="card-actions__card">{current.title}</p>
          <p className="card-actions__assignee" data-testid="card-actions-assignee">
            {current.assigneeId ? `Assigned to ${assigneeName ?? 'someone'}` : 'Not assigned'}
          </p>

          {error && <ProblemAlert problem={error} testId="card-action-error" onDismiss={() => setError(null)} />}

          <div className="form__field">
            <label htmlFor={`${id}-search`}>Assign to</label>
            <input
              id={`${id}-search`}
              ref={inputRef}
              type="text"
              role="combobox"
              autoComplete="off"
              placeholder="Type a name"
              aria-autocomplete="list"
              aria-expanded={matches.length > 0}
              aria-controls={listId}
              aria-activedescendant={matches.length > 0 ? optionId(activeIndex) : undefined}
              aria-describedby={`${id}-hint`}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setActive(0);
              }}
              onKeyDown={onSearchKeyDown}
              disabled={pending}
              data-testid="assignee-search"
            />
            <p id={`${id}-hint`} className="form__hint">
              Up and down arrows choose, Enter assigns.
            </p>
          </div>
          {people.isPending && <p className="muted card-actions__status">Loading people…</p>}
          {people.isError && (
            <ProblemAlert
              problem={describeProblem(people.error, 'The people could not be loaded')}
              testId="assignee-people-error"
              onRetry={() => void people.refetch()}
            />
          )}
          <ul id={listId} role="listbox" aria-label="People" className="person-list" data-testid="assignee-options">
            {matches.map((person, i) => {
              const assigned = person.id.toLowerCase() === current.assigneeId?.toLowerCase();
              return (
                <li
                  key={person.id}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === activeIndex}
                  className={`person-list__option${i === activeIndex ? ' person-list__option--active' : ''}`}
                  data-testid={`assignee-option-${person.id}`}
                  onClick={() => choose(person)}
                  onMouseMove={() => i !== activeIndex && setActive(i)}
                >
                  <span className="avatar" aria-hidden="true">
                    {initials(person.displayName)}
                  </span>
                  <span className="person-list__name">{person.displayName}</span>
                  {assigned && <span className="person-list__current">assigned</span>}
                </li>
              );
            })}
          </ul>
          {people.isSuccess && matches.length === 0 && (
            <p className="muted card-actions__status" data-testid="assignee-no-match">
              {people.data.length === 0 ? 'Nobody on this board can take cards.' : `Nobody is called “${text.trim()}”.`}
            </p>
          )}

          <div className="card-actions__buttons">
            {current.assigneeId && (
              <button type="button" className="button" onClick={() => choose(null)} disabled={pending} data-testid="card-unassign">
                Unassign
              </button>
            )}
            {current.blocked ? (
              <button
                type="button"
                className="button"
                onClick={() => void run(() => unblock.mutateAsync({ cardId: current.id }), `${current.key} could not be unblocked`)}
                disabled={pending}
                data-testid="card-unblock"
              >
                Unblock
              </button>
            ) : (
              <button
                type="button"
                className="button"
                onClick={() => {
                  const target = current;
                  close();
                  onBlock(target);
                }}
                disabled={pending}
                data-testid="card-block"
              >
                Block…
              </button>
            )}
          </div>
        </div>
      )}
    </dialog>
  );
}
