import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { PageLoadError, PageLoading, useDocumentTitle } from '../../components/PageState';
import type { Board, TicketComment, TicketDetail, TicketHistoryEntry } from '../../api/types';
import { formatLocalTime, relativeTime, useNow } from '../../lib/time';
import { useCurrentUser } from '../auth/AuthProvider';
import { classLabel } from '../board/cardLabels';
import { permissionsFor, useBoardPermissions } from '../board/permissions';
import { useBoard } from '../board/useBoard';
import { AccessRevokedNotice } from '../board/AccessRevokedNotice';
import { useBoardHub } from '../board/useBoardHub';
import { DuplicateList } from './DuplicateList';
import { GateList } from './GateLine';
import { TicketComments } from './TicketComments';
import { TicketForm } from './TicketForm';
import { TicketWork } from './TicketWork';
import { canEditTicket, draftFromTicket, isSubmitter, ticketStateLabel } from './ticketForm';
import { useTicket, useUpdateTicket } from './useTickets';

export function TicketPage() {
  const { ticketId = '' } = useParams();
  const query = useTicket(ticketId);

  useDocumentTitle(query.data ? `${query.data.key} · Kanban` : 'Ticket · Kanban');

  if (query.isPending) return <PageLoading heading="Loading ticket…" testId="ticket-loading" />;
  if (query.isError) {
    return <PageLoadError what="ticket" error={query.error} retry={() => void query.refetch()} />;
  }
  return <TicketPageWithBoard ticket={query.data} />;
}

/** Loads the ticket's board (for the caller's role and the way back) and follows it live. */
function TicketPageWithBoard({ ticket }: { ticket: TicketDetail }) {
  const board = useBoard(ticket.boardId);
  const live = useBoardHub(ticket.boardId, board.isSuccess);
  return (
    <>
      <AccessRevokedNotice status={live} boardId={ticket.boardId} />
      <TicketView ticket={ticket} board={board.data} readOnly={live.state === 'revoked'} liveState={live.state} />
    </>
  );
}

/** The latest comment of a kind (the one that explains the ticket's state). */
function latestComment(ticket: TicketDetail, kind: string): TicketComment | undefined {
  return [...(ticket.comments ?? [])].reverse().find((c) => c.kind === kind);
}

/** Who made a history entry: their name; "someone" when unknown, "imported" when none is recorded. */
export function historyBy(entry: Pick<TicketHistoryEntry, 'by' | 'byName'>): string {
  return entry.byName ?? (entry.by ? 'someone' : 'imported');
}

export interface TicketViewProps {
  ticket: TicketDetail;
  /** The ticket's board, once loaded: its role decides what the caller may do. */
  board: Board | undefined;
  /** Nothing may be changed (the server ended this screen's access to the board). */
  readOnly?: boolean;
  /** The board's live link (`connected`: others' comments and changes arrive by themselves). */
  liveState?: string;
  checkDelay?: number;
}

/**
 * A ticket: its state, text, gates, comments and history. The submitter or a product owner may
 * edit it while it is in triage or sent back (the same form, gates live); saving a sent-back ticket
 * resubmits it for triage. On the board, members assign, block and unblock it; members comment on
 * it in any state. A viewer (the ticket's `role`, or the board's) reads it all, with no control.
 */
export function TicketView({ ticket, board, readOnly = false, liveState, checkDelay }: TicketViewProps) {
  const me = useCurrentUser();
  // The board's role once it is loaded (it follows changes of members live), else the ticket's.
  const roleCan = useBoardPermissions({ role: board?.role ?? ticket.role ?? null });
  const can = readOnly ? permissionsFor(null) : roleCan;
  const update = useUpdateTicket(ticket.id);
  const [editing, setEditing] = useState(false);
  // The version being edited: saving over a newer one is refused, so nobody's change is lost unseen.
  const [editedVersion, setEditedVersion] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const now = useNow(30_000);

  const mayEdit = !readOnly && canEditTicket(ticket, me?.id, can.canTriage, can.canSubmit);
  const mine = isSubmitter(ticket, me?.id);
  // Members and product owners work on cards (assign, block) and comment; viewers only read.
  const canWork = can.canMove && ticket.state === 'OnBoard';
  const canComment = can.canSubmit;
  const sentBack = ticket.state === 'SentBack' ? latestComment(ticket, 'SentBack') : undefined;
  const rejected = ticket.state === 'Rejected' ? latestComment(ticket, 'Rejected') : undefined;

  useEffect(() => {
    if (!mayEdit) setEditing(false);
  }, [mayEdit]);

  return (
    <div className="subpage ticket-page" data-testid="ticket-page" data-ticket-id={ticket.id} data-live={liveState}>
      <div className="subpage__header">
        <div>
          {board && (
            <p className="subpage__board">
              <Link to={`/boards/${board.id}`} data-testid="board-page-link">
                <span aria-hidden="true">← </span>
                {board.name}
              </Link>
              {can.canSubmit && (
                <>
                  {' · '}
                  <Link to={`/boards/${board.id}/triage`} data-testid="ticket-triage-link">
                    Triage inbox
                  </Link>
                </>
              )}
            </p>
          )}
          <h1 ref={headingRef} tabIndex={-1}>
            <span className="ticket-page__key">{ticket.key}</span> {ticket.title}
          </h1>
        </div>
        <p className={`ticket-state ticket-state--${ticket.state.toLowerCase()}`} data-testid="ticket-state" data-state={ticket.state}>
          {ticketStateLabel(ticket.state)}
        </p>
      </div>

      <p className="sr-only" role="status" aria-live="polite" data-testid="ticket-status">
        {saved}
      </p>

      {sentBack && (
        <div className="callout callout--warn" data-testid="ticket-sent-back-comment">
          <p className="callout__title">
            <strong>
              Sent back by {sentBack.byName ?? 'the product owner'}:
            </strong>{' '}
            <span className="callout__text">{sentBack.text}</span>
          </p>
          {mine && <p className="callout__hint">Change the ticket as asked and resubmit it for triage.</p>}
        </div>
      )}
      {rejected && (
        <div className="callout callout--danger" data-testid="ticket-rejected-reason">
          <p className="callout__title">
            <strong>Rejected by {rejected.byName ?? 'the product owner'}:</strong>{' '}
            <span className="callout__text">{rejected.text}</span>
          </p>
        </div>
      )}

      {editing && board ? (
        <section className="panel" aria-labelledby="ticket-edit-title">
          <h2 id="ticket-edit-title">Edit {ticket.key}</h2>
          <TicketForm
            boardId={board.id}
            ticketId={ticket.id}
            initial={draftFromTicket(ticket)}
            readyLabel={ticket.state === 'SentBack' ? 'Resubmit for triage' : 'Save changes'}
            pendingLabel="Saving…"
            checkDelay={checkDelay}
            onCancel={() => {
              setEditing(false);
              headingRef.current?.focus();
            }}
            onSubmit={async (body) => {
              const wasSentBack = ticket.state === 'SentBack';
              const result = await update.mutateAsync({ ...body, expectedUpdatedAt: editedVersion ?? ticket.updatedAt });
              setEditing(false);
              setSaved(wasSentBack ? `${result.key} resubmitted for triage.` : `${result.key} saved.`);
              headingRef.current?.focus();
            }}
          />
        </section>
      ) : (
        <>
          {mayEdit && board && (
            <p>
              <button type="button" className="button button--primary" onClick={() => {
                  setEditedVersion(ticket.updatedAt);
                  setEditing(true);
                }}
                data-testid="ticket-edit">
                {ticket.state === 'SentBack' ? 'Edit and resubmit' : 'Edit'}
              </button>
            </p>
          )}
          <div className="ticket-page__columns">
            <section className="panel" aria-labelledby="ticket-text-title">
              <h2 id="ticket-text-title">The ticket</h2>
              <dl className="ticket-facts">
                <dt>Submitted by</dt>
                <dd data-testid="ticket-submitter">{ticket.submittedByName ?? (ticket.submittedBy ? 'someone' : 'imported')}</dd>
                <dt>Submitted</dt>
                <dd>
                  <time dateTime={ticket.createdAt} title={formatLocalTime(ticket.createdAt, now)}>
                    {relativeTime(ticket.createdAt, now)}
                  </time>
                </dd>
                <dt>Class</dt>
                <dd>{classLabel(ticket.class)}</dd>
                <dt>Estimate</dt>
                <dd>{ticket.estimateDays == null ? 'None' : `${ticket.estimateDays} ${ticket.estimateDays === 1 ? 'day' : 'days'}`}</dd>
              </dl>
              <h3>Description</h3>
              <p className="ticket-text" data-testid="ticket-description-text">
                {ticket.description}
              </p>
              <h3>Definition of done</h3>
              {ticket.definitionOfDone.length > 0 ? (
                <ol className="ticket-dod" data-testid="ticket-dod-list">
                  {ticket.definitionOfDone.map((c, i) => (
                    <li key={i}>{c}</li>
                  ))}
                </ol>
              ) : (
                <p className="muted">No criteria.</p>
              )}
            </section>
            {ticket.state === 'OnBoard' && (
              <TicketWork ticket={ticket} board={board} canWork={canWork} now={now} announce={setSaved} />
            )}
            <section className="panel" aria-labelledby="ticket-gates-title">
              <h2 id="ticket-gates-title">Quality gates</h2>
              <GateList gates={ticket.gates} label={`Quality gates of ${ticket.key}`} />
              {ticket.duplicates.length > 0 && (
                <>
                  <h3>Possible duplicates</h3>
                  <DuplicateList duplicates={ticket.duplicates} />
                </>
              )}
            </section>
          </div>
        </>
      )}

      <TicketComments
        ticketId={ticket.id}
        ticketKey={ticket.key}
        comments={ticket.comments ?? []}
        canComment={canComment}
        now={now}
        announce={setSaved}
      />

      {(ticket.history ?? []).length > 0 && (
        <section className="panel" aria-labelledby="ticket-history-title">
          <h2 id="ticket-history-title">History</h2>
          <ol className="activity" data-testid="ticket-history">
            {ticket.history.map((h) => (
              <li key={`${h.version}-${h.kind}`} className="activity__item" data-kind={h.kind}>
                <span className="activity__summary">
                  {h.summary}
                  <span className="activity__by" data-testid="ticket-history-by">
                    {' · '}
                    {historyBy(h)}
                  </span>
                </span>
                <time className="activity__time" dateTime={h.at} title={formatLocalTime(h.at, now)}>
                  {relativeTime(h.at, now)}
                </time>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
