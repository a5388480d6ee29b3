import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { Board, Ticket } from '../../api/types';
import { BoardSubpageHeader, WithBoard } from '../board/BoardSubpage';
import { useBoardPermissions } from '../board/permissions';
import { TicketForm } from './TicketForm';
import { useSubmitTicket } from './useTickets';

export function NewTicketPage() {
  const { boardId = '' } = useParams();
  return (
    <WithBoard boardId={boardId} title="New ticket">
      {(board) => <NewTicketView board={board} />}
    </WithBoard>
  );
}

/** Submits a ticket into the board's triage inbox (Member+), then says it is waiting for triage. */
export function NewTicketView({ board, checkDelay }: { board: Board; checkDelay?: number }) {
  const can = useBoardPermissions(board);
  const submit = useSubmitTicket(board.id);
  const [submitted, setSubmitted] = useState<Ticket | null>(null);
  const [formKey, setFormKey] = useState(0);
  const doneRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (submitted) doneRef.current?.focus();
  }, [submitted]);

  return (
    <div className="subpage ticket-new" data-testid="new-ticket-page">
      <BoardSubpageHeader board={board} title="New ticket" />
      {!can.canSubmit ? (
        <p className="muted" data-testid="ticket-submit-not-allowed">
          Viewers cannot submit tickets. Ask a product owner of {board.name} to make you a member.
        </p>
      ) : submitted ? (
        <section className="panel ticket-submitted" data-testid="ticket-submitted" aria-labelledby="ticket-submitted-title">
          <h2 id="ticket-submitted-title" ref={doneRef} tabIndex={-1}>
            {submitted.key} is waiting for triage
          </h2>
          <p>
            “{submitted.title}” is in the triage inbox. It reaches the board when a product owner accepts it; if they send
            it back, their comment will be on the ticket’s page.
          </p>
          <p className="page-state__actions">
            <Link to={`/tickets/${encodeURIComponent(submitted.id)}`} data-testid="ticket-submitted-link">
              See {submitted.key}
            </Link>
            <button
              type="button"
              className="button"
              onClick={() => {
                setSubmitted(null);
                setFormKey((k) => k + 1);
              }}
            >
              Submit another ticket
            </button>
            <Link to={`/boards/${board.id}`}>Back to the board</Link>
          </p>
        </section>
      ) : (
        <section className="panel">
          <p className="muted">
            A ticket goes into the triage inbox, not onto the board. It needs a clear title, a description of what needs
            doing, checkable criteria and an estimate the team can finish; the gates below say what is missing.
          </p>
          <TicketForm
            key={formKey}
            boardId={board.id}
            readyLabel="Submit for triage"
            pendingLabel="Submitting…"
            checkDelay={checkDelay}
            onSubmit={async (body) => setSubmitted(await submit.mutateAsync(body))}
          />
        </section>
      )}
    </div>
  );
}
