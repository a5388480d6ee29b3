import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { describeProblem, type ProblemMessage } from '../../api/problems';
import type { Board, TicketDetail } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDuration, formatLocalTime } from '../../lib/time';
import { AssigneePicker } from '../board/AssigneePicker';
import { useCardCommand, type CardAction } from '../board/useCardCommands';

export const BLOCK_REASON_MAX = 500;

export interface TicketWorkProps {
  ticket: TicketDetail;
  board: Board | undefined;
  /** Assign, unassign, block and unblock are offered (a member, with access). */
  canWork: boolean;
  now: number;
  /** Says what was done, for the page's status line (read out). */
  announce: (text: string) => void;
}

/**
 * A ticket on the board, as a card: its lane, who holds it and whether it is blocked (why, for how
 * long). Members assign (a picker with search), unassign, block with a reason and unblock; a
 * refusal (the assignee's personal WIP limit) says why.
 */
export function TicketWork({ ticket, board, canWork, now, announce }: TicketWorkProps) {
  const id = useId();
  const command = useCardCommand(ticket.boardId);
  const [picking, setPicking] = useState(false);
  const [blocking, setBlocking] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [problem, setProblem] = useState<ProblemMessage | null>(null);
  const assignRef = useRef<HTMLButtonElement>(null);
  const blockRef = useRef<HTMLButtonElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  // Where the focus goes once a command is done: its button is disabled while it runs, and a
  // disabled button cannot take the focus, so it moves after the button is enabled again.
  const focusNext = useRef<HTMLElement | null>(null);

  const lane = board?.lanes.find((l) => l.id === ticket.laneId);
  const blocked = !!ticket.blocked;
  const since = ticket.blockedSince ? Date.parse(ticket.blockedSince) : NaN;

  useEffect(() => {
    if (!canWork) {
      setPicking(false);
      setBlocking(false);
    }
  }, [canWork]);

  useEffect(() => {
    if (blocking) reasonRef.current?.focus();
  }, [blocking]);

  useEffect(() => {
    if (command.isPending || !focusNext.current) return;
    focusNext.current.focus();
    focusNext.current = null;
  });

  const focusAfter = (el: HTMLElement | null) => {
    focusNext.current = el;
  };

  const run = (action: CardAction, done: string, failed: string, after?: () => void) => {
    if (command.isPending) return;
    setProblem(null);
    command.mutate({ ...action, cardId: ticket.id }, {
      onSuccess: () => {
        announce(done);
        after?.();
      },
      onError: (error) => setProblem(describeProblem(error, failed)),
    });
  };

  const submitBlock = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const value = reason.trim();
    if (!value) {
      setReasonError('Say what blocks it, so others know what to chase.');
      reasonRef.current?.focus();
      return;
    }
    setReasonError(null);
    run({ kind: 'block', reason: value }, `${ticket.key} blocked.`, `${ticket.key} could not be blocked`, () => {
      setBlocking(false);
      setReason('');
      focusAfter(blockRef.current);
    });
  };

  const closePicker = () => {
    setPicking(false);
    assignRef.current?.focus();
  };

  const closeBlock = () => {
    setBlocking(false);
    setReason('');
    setReasonError(null);
    blockRef.current?.focus();
  };

  return (
    <section className="panel ticket-work" aria-labelledby={`${id}-title`} data-testid="ticket-work">
      <h2 id={`${id}-title`}>On the board</h2>
      <dl className="ticket-facts">
        <dt>Lane</dt>
        <dd data-testid="ticket-lane">{lane?.name ?? 'On the board'}</dd>
        <dt>Assignee</dt>
        <dd data-testid="ticket-assignee" data-assignee-id={ticket.assigneeId ?? ''}>
          {ticket.assigneeId ? (ticket.assigneeName ?? 'someone') : 'Nobody'}
        </dd>
      </dl>

      {blocked ? (
        <div className="callout callout--danger ticket-work__blocked" data-testid="ticket-blocked">
          <p>
            <strong>
              Blocked
              {!Number.isNaN(since) && (
                <>
                  {' for '}
                  <time dateTime={ticket.blockedSince!} title={formatLocalTime(ticket.blockedSince!, now)} data-testid="ticket-blocked-for">
                    {formatDuration(now - since)}
                  </time>
                </>
              )}
              :
            </strong>{' '}
            <span className="ticket-text" data-testid="ticket-blocked-reason">
              {ticket.blockedReason || 'no reason given'}
            </span>
          </p>
        </div>
      ) : (
        <p className="muted" data-testid="ticket-not-blocked">
          Not blocked.
        </p>
      )}

      {problem && <ProblemAlert problem={problem} testId="ticket-work-error" onDismiss={() => setProblem(null)} />}

      {canWork && (
        <>
          <div className="ticket-work__actions" role="group" aria-label={`Work on ${ticket.key}`}>
            <button
              ref={assignRef}
              type="button"
              className="button"
              aria-expanded={picking}
              onClick={() => {
                setPicking((p) => !p);
                setBlocking(false);
              }}
              disabled={command.isPending}
              data-testid="ticket-assign"
            >
              {ticket.assigneeId ? 'Reassign' : 'Assign'}
            </button>
            {ticket.assigneeId && (
              <button
                type="button"
                className="button"
                onClick={() =>
                  run({ kind: 'assign', person: null }, `${ticket.key} unassigned.`, `${ticket.key} could not be unassigned`, () =>
                    focusAfter(assignRef.current),
                  )
                }
                disabled={command.isPending}
                data-testid="ticket-unassign"
              >
                Unassign
              </button>
            )}
            <button
              ref={blockRef}
              type="button"
              className={blocked ? 'button' : 'button button--danger'}
              aria-expanded={blocked ? undefined : blocking}
              onClick={() => {
                setPicking(false);
                if (blocked)
                  run({ kind: 'unblock' }, `${ticket.key} unblocked.`, `${ticket.key} could not be unblocked`, () =>
                    focusAfter(blockRef.current),
                  );
                else setBlocking((b) => !b);
              }}
              disabled={command.isPending}
              data-testid={blocked ? 'ticket-unblock' : 'ticket-block'}
            >
              {blocked ? 'Unblock' : 'Block…'}
            </button>
          </div>

          {picking && (
            <div className="picker" data-testid="assign-picker">
              <AssigneePicker
                boardId={ticket.boardId}
                currentId={ticket.assigneeId ?? null}
                pending={command.isPending}
                onCancel={closePicker}
                onPick={(person) =>
                  run(
                    { kind: 'assign', person },
                    `${ticket.key} assigned to ${person.displayName}.`,
                    `${ticket.key} could not be assigned to ${person.displayName}`,
                    () => {
                      setPicking(false);
                      focusAfter(assignRef.current);
                    },
                  )
                }
              />
              <p>
                <button type="button" className="button button--small" onClick={closePicker} data-testid="assign-cancel">
                  Cancel
                </button>
              </p>
            </div>
          )}

          {blocking && !blocked && (
            <form className="triage__prompt ticket-work__block" onSubmit={submitBlock} noValidate data-testid="ticket-block-form">
              <label htmlFor={`${id}-reason`}>What blocks it?</label>
              <div className="triage__prompt-row">
                <input
                  id={`${id}-reason`}
                  ref={reasonRef}
                  value={reason}
                  onChange={(e) => {
                    setReason(e.target.value);
                    if (reasonError && e.target.value.trim()) setReasonError(null);
                  }}
                  onKeyDown={(e) => {
                    if (e.key === 'Escape') {
                      e.preventDefault();
                      closeBlock();
                    }
                  }}
                  maxLength={BLOCK_REASON_MAX}
                  autoComplete="off"
                  aria-invalid={reasonError ? true : undefined}
                  aria-describedby={reasonError ? `${id}-reason-error` : undefined}
                  data-testid="ticket-block-reason"
                />
                <button type="submit" className="button button--primary" disabled={command.isPending} data-testid="ticket-block-submit">
                  Block
                </button>
                <button type="button" className="button" onClick={closeBlock}>
                  Cancel
                </button>
              </div>
              {reasonError && (
                <p className="form__error" id={`${id}-reason-error`} role="alert" data-testid="ticket-block-error">
                  {reasonError}
                </p>
              )}
            </form>
          )}
        </>
      )}
    </section>
  );
}
