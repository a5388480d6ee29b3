import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { describeProblem, type ProblemMessage } from '../../api/problems';
import type { Card, Person } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { AssigneePicker } from './AssigneePicker';
import { useCardCommand } from './useCardCommands';

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
  /** Where focus goes on close when the button is gone (the card left the board meanwhile). */
  fallbackFocus?: () => HTMLElement | null | undefined;
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

/**
 * A card's actions, beside its "⋯" button: assign it (a search box over the board's people: type to
 * filter, arrows to choose, Enter to assign), unassign it, block it (the board asks why) or unblock
 * it. A native modal <dialog>: focus stays inside, Escape closes, focus goes back to the button. A
 * refusal (the assignee's personal WIP limit) is shown in the dialog, which stays open.
 */
export function CardActionsDialog({ boardId, card, assigneeName, anchor, onClose, onBlock, fallbackFocus }: CardActionsDialogProps) {
  const open = card != null;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const command = useCardCommand(boardId);
  const [error, setError] = useState<ProblemMessage | null>(null);
  const [pending, setPending] = useState(false);
  const id = useId();
  const titleId = `${id}-title`;
  // Keep the card the dialog opened for while it closes (the parent clears it).
  const shown = useRef<Card | null>(card);
  if (card) shown.current = card;
  const current = card ?? shown.current;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open) {
      setError(null);
      setPending(false);
      openModal(dialog);
      placeNear(dialog, anchor);
      // The picker is mounted before the dialog opens: the focus goes to its search field now.
      dialog.querySelector<HTMLElement>('[role="combobox"]')?.focus();
    } else if (dialog.open) {
      dialog.close();
    }
  }, [open, card?.id]);

  useLayoutEffect(() => {
    if (open && dialogRef.current) placeNear(dialogRef.current, anchor);
  });

  // Back to the button, unless focus has gone on meanwhile (to the block dialog this one handed over
  // to); when the button has gone with its card, to the fallback.
  const restoreFocus = () => {
    const at = document.activeElement;
    const lost = !at || at === document.body || dialogRef.current?.contains(at);
    if (!lost) return;
    if (anchor?.isConnected) anchor.focus();
    else fallbackFocus?.()?.focus();
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
    void run(
      () => command.mutateAsync({ cardId: current.id, kind: 'assign', person }),
      person ? `${current.key} could not be assigned to ${person.displayName}` : `${current.key} could not be unassigned`,
    );
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

          <AssigneePicker
            key={current.id}
            boardId={boardId}
            currentId={current.assigneeId ?? null}
            pending={pending}
            onPick={choose}
            onCancel={close}
          />

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
                onClick={() => void run(() => command.mutateAsync({ cardId: current.id, kind: 'unblock' }), `${current.key} could not be unblocked`)}
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
