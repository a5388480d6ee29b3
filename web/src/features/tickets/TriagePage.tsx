import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { failingGates } from '../../api/gates';
import { describeProblem, type ProblemMessage } from '../../api/problems';
import type { Board, Ticket } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useCurrentUser } from '../auth/AuthProvider';
import { BoardSubpageHeader, WithBoard } from '../board/BoardSubpage';
import { classLabel } from '../board/cardLabels';
import { permissionsFor, useBoardPermissions } from '../board/permissions';
import { AccessRevokedNotice } from '../board/AccessRevokedNotice';
import { useBoardHub } from '../board/useBoardHub';
import { GateList } from './GateLine';
import { DuplicateCandidates, PROMPTS, TriageActions, TriagePrompt, WaitingOnSubmitter, type PromptKind } from './TriageParts';
import { isSubmitter } from './ticketForm';
import { isTypingTarget, resolveOriginal, uniqueCandidates, type MergeCandidate } from './triage';
import { UndoNotice } from './TriageParts';
import { useTriage, useTriageCommand, useUndoTriage, type TriageAction } from './useTickets';

export function TriagePage() {
  const { boardId = '' } = useParams();
  return (
    <WithBoard boardId={boardId} title="Triage">
      {(board) => <TriageView board={board} />}
    </WithBoard>
  );
}

/** How long a decision can be undone from the inbox (the server allows 30 s). */
export const UNDO_MS = 10_000;
/** The server allows an undo for 30 s from the decision; a second less here, for the round trip. */
export const UNDO_LIMIT_MS = 29_000;

/** The decisions that can be undone. */
const UNDOABLE: ReadonlySet<TriageAction['kind']> = new Set(['accept', 'send-back', 'reject']);

/** What was done, in words: "PAY-12 accepted to the top of the backlog", "PAY-13 merged into PAY-4". */
function doneText(action: TriageAction, key: string, originalKey?: string): string {
  if (action.kind === 'accept') return `${key} accepted to the ${action.toTop ? 'top' : 'end'} of the backlog`;
  if (action.kind === 'merge' && originalKey) return `${key} merged into ${originalKey}`;
  return `${key} ${DONE[action.kind]}`;
}

const DONE: Record<TriageAction['kind'], string> = {
  accept: 'accepted into the backlog',
  'send-back': 'sent back to its submitter',
  reject: 'rejected',
  merge: 'merged',
  'mark-distinct': 'marked distinct',
};

const FAILED: Record<TriageAction['kind'], string> = {
  accept: 'could not be accepted',
  'send-back': 'could not be sent back',
  reject: 'could not be rejected',
  merge: 'could not be merged',
  'mark-distinct': 'could not be marked distinct',
};

function gateSummary(ticket: Ticket): string {
  const failing = failingGates(ticket.gates).length;
  if (ticket.gates.length === 0) return 'gates not checked';
  return failing === 0 ? 'all gates pass' : `${failing} ${failing === 1 ? 'gate fails' : 'gates fail'}`;
}

export interface TriageViewProps {
  board: Board;
  /** Follow the board live (the hub); tests turn it off. */
  live?: boolean;
}

/**
 * The triage inbox. Product owners decide from the keyboard: j/k select, a accepts, s sends back,
 * r rejects and m merges (asking the comment, reason or original inline: Enter sends, Escape
 * cancels), d marks a likely duplicate distinct. Others see it read-only. Live: ticket events
 * refetch it.
 */
export function TriageView({ board, live = true }: TriageViewProps) {
  const hub = useBoardHub(board.id, live);
  const roleCan = useBoardPermissions(board);
  // Once the server has ended this screen's access, no decision here would be allowed.
  const can = hub.state === 'revoked' ? permissionsFor(null) : roleCan;
  const me = useCurrentUser();
  const triage = useTriage(board.id);
  const command = useTriageCommand(board.id);
  const undo = useUndoTriage(board.id);
  const id = useId();

  const tickets = useMemo(() => triage.data ?? [], [triage.data]);
  const inbox = useMemo(() => tickets.filter((t) => t.state === 'Triage'), [tickets]);
  const waiting = useMemo(() => tickets.filter((t) => t.state === 'SentBack'), [tickets]);

  // The selection: a ticket, and where it was (when it leaves the inbox, its neighbour takes its place).
  const [selection, setSelection] = useState<{ id: string | null; index: number }>({ id: null, index: 0 });
  const selected =
    inbox.find((t) => t.id === selection.id) ?? inbox[Math.min(selection.index, inbox.length - 1)] ?? null;
  const selectedIndex = selected ? inbox.indexOf(selected) : -1;

  const [prompt, setPrompt] = useState<{ kind: PromptKind; ticketId: string } | null>(null);
  const [text, setText] = useState('');
  const [promptError, setPromptError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, ProblemMessage>>({});
  const [status, setStatus] = useState('');
  // The last decision, while it can still be undone (UNDO_MS), and a refused undo's reason.
  const [undoable, setUndoable] = useState<{ ticketId: string; key: string } | null>(null);
  const [undoError, setUndoError] = useState<ProblemMessage | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const activePrompt = prompt && selected && prompt.ticketId === selected.id ? prompt : null;

  const select = (index: number) => {
    const ticket = inbox[Math.max(0, Math.min(index, inbox.length - 1))];
    if (!ticket) return;
    setSelection({ id: ticket.id, index: inbox.indexOf(ticket) });
    document.getElementById(optionId(ticket))?.scrollIntoView?.({ block: 'nearest' });
  };
  const optionId = (ticket: Ticket) => `${id}-option-${ticket.id}`;

  const closePrompt = () => {
    setPrompt(null);
    setText('');
    setPromptError(null);
    listRef.current?.focus();
  };

  const run = (action: TriageAction) => {
    if (command.isPending) return;
    const { ticket } = action;
    setErrors(({ [ticket.id]: _dropped, ...rest }) => rest);
    setStatus('');
    setUndoable(null);
    setUndoError(null);
    const originalKey = action.kind === 'merge' ? mergeCandidates.find((c) => c.id === action.originalId)?.key : undefined;
    command.mutate(action, {
      onSuccess: (updated) => {
        const key = updated.key ?? ticket.key;
        setStatus(`${doneText(action, key, originalKey)}.`);
        if (UNDOABLE.has(action.kind)) setUndoable({ ticketId: updated.id ?? ticket.id, key });
        if (action.kind !== 'accept' && action.kind !== 'mark-distinct') closePrompt();
      },
      onError: (error) => {
        setErrors((prev) => ({ ...prev, [ticket.id]: describeProblem(error, `${ticket.key} ${FAILED[action.kind]}`) }));
      },
    });
  };

  /** Takes the last decision back: the ticket returns to the inbox, selected. */
  const runUndo = () => {
    if (!undoable || undo.isPending || command.isPending) return;
    const { ticketId, key } = undoable;
    setUndoError(null);
    undo.mutate(ticketId, {
      onSuccess: (ticket) => {
        setUndoable(null);
        setStatus(`Undone: ${ticket.key ?? key} is back in triage.`);
        setSelection({ id: ticket.id, index: 0 });
        listRef.current?.focus();
      },
      onError: (error) => {
        setUndoable(null);
        setUndoError(describeProblem(error, `The decision on ${key} could not be undone`));
        // The Undo button goes: the focus must not go with it.
        listRef.current?.focus();
      },
    });
  };

  const openPrompt = (kind: PromptKind) => {
    if (!selected) return;
    setPrompt({ kind, ticketId: selected.id });
    // Merging: the likely original (or the closest candidate) is proposed, ready to confirm with Enter.
    const likely = selected.duplicates.find((d) => d.ticketId === selected.likelyDuplicateOf) ?? selected.duplicates[0];
    setText(kind === 'merge' && likely ? likely.key : '');
    setPromptError(null);
  };

  useEffect(() => {
    if (activePrompt) inputRef.current?.focus();
  }, [activePrompt?.kind, activePrompt?.ticketId]);

  const mergeCandidates = useMemo<MergeCandidate[]>(
    () =>
      uniqueCandidates([
        selected?.duplicates.map((d) => ({ id: d.ticketId, key: d.key, title: d.title })) ?? [],
        board.cards.map((c) => ({ id: c.id, key: c.key, title: c.title })),
        tickets.map((t) => ({ id: t.id, key: t.key, title: t.title })),
      ]).filter((c) => c.id !== selected?.id),
    [board.cards, tickets, selected],
  );

  const submitPrompt = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!activePrompt || !selected) return;
    const value = text.trim();
    if (!value) {
      setPromptError(PROMPTS[activePrompt.kind].required);
      inputRef.current?.focus();
      return;
    }
    setPromptError(null);
    if (activePrompt.kind === 'send-back') run({ kind: 'send-back', ticket: selected, comment: value });
    else if (activePrompt.kind === 'reject') run({ kind: 'reject', ticket: selected, reason: value });
    else {
      const original = resolveOriginal(value, mergeCandidates, selected.id);
      if (!original) {
        setPromptError(`There is no ticket ${value.split(/\s+/)[0]} on ${board.name} to merge into. Type or choose its key.`);
        inputRef.current?.focus();
        return;
      }
      run({ kind: 'merge', ticket: selected, originalId: original.id });
    }
  };

  // The shortcuts, on the whole page; never while typing, never with a modifier, never under a dialog.
  const onShortcut = (e: KeyboardEvent) => {
    // A held key repeats: it must not decide on ticket after ticket.
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
    if (isTypingTarget(e.target)) return;
    if (document.querySelector('dialog[open]')) return;
    switch (e.key) {
      case 'j':
        e.preventDefault();
        select(selectedIndex + 1);
        return;
      case 'k':
        e.preventDefault();
        select(selectedIndex - 1);
        return;
      case 'z':
        if (can.canTriage && undoable) {
          e.preventDefault();
          runUndo();
        }
        return;
    }
    // While a comment, reason or original is being asked, only Enter and Escape decide.
    if (!can.canTriage || !selected || command.isPending || activePrompt) return;
    // By the key, not the character: Caps Lock must not turn "accept" into "accept to the top".
    switch (e.code === 'KeyA' ? 'a' : e.key) {
      case 'a':
        e.preventDefault();
        run({ kind: 'accept', ticket: selected, toTop: e.shiftKey });
        return;
      case 's':
        e.preventDefault();
        openPrompt('send-back');
        return;
      case 'r':
        e.preventDefault();
        openPrompt('reject');
        return;
      case 'm':
        e.preventDefault();
        openPrompt('merge');
        return;
      case 'd':
        if (selected.likelyDuplicateOf) {
          e.preventDefault();
          run({ kind: 'mark-distinct', ticket: selected });
        }
        return;
    }
  };
  const shortcutRef = useRef(onShortcut);
  shortcutRef.current = onShortcut;
  useEffect(() => {
    const listener = (e: KeyboardEvent) => shortcutRef.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const onListKey = (e: ReactKeyboardEvent<HTMLUListElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      select(selectedIndex + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      select(selectedIndex - 1);
    } else if (e.key === 'Home') {
      e.preventDefault();
      select(0);
    } else if (e.key === 'End') {
      e.preventDefault();
      select(inbox.length - 1);
    }
  };

  const isMine = (t: Ticket) => isSubmitter(t, me?.id);
  const error = selected ? errors[selected.id] : undefined;

  return (
    <div className="subpage triage-page" data-testid="triage-inbox">
      <BoardSubpageHeader board={board} title="Triage" />
      <AccessRevokedNotice status={hub} boardId={board.id} />

      <UndoNotice
        status={status}
        undoKey={can.canTriage ? (undoable?.key ?? null) : null}
        pending={undo.isPending}
        timeoutMs={UNDO_MS}
        limitMs={UNDO_LIMIT_MS}
        onUndo={runUndo}
        onExpire={(hadFocus) => {
          setUndoable(null);
          setStatus('');
          if (hadFocus) listRef.current?.focus();
        }}
      />
      {undoError && <ProblemAlert problem={undoError} testId="triage-undo-error" onDismiss={() => setUndoError(null)} />}

      {can.canTriage ? (
        <p className="muted triage__keys" id={`${id}-keys`}>
          Keys: <kbd>j</kbd>/<kbd>k</kbd> select, <kbd>a</kbd> accept to the end of the backlog,{' '}
          <kbd>Shift</kbd>+<kbd>a</kbd> to its top, <kbd>s</kbd> send back, <kbd>r</kbd> reject,{' '}
          <kbd>m</kbd> merge into another ticket, <kbd>d</kbd> mark a likely duplicate distinct, <kbd>z</kbd> undo the
          last accept, send back or reject (for {UNDO_MS / 1000} seconds).
        </p>
      ) : (
        <p className="muted" data-testid="triage-read-only">
          Only a product owner can accept, send back, merge or reject tickets. You can follow the inbox here;
          {can.canSubmit ? ' your own tickets are marked “yours”.' : ''}
        </p>
      )}

      {triage.isPending && (
        <p className="muted" aria-busy="true" data-testid="triage-loading">
          Loading the inbox…
        </p>
      )}
      {triage.isError && (
        <ProblemAlert problem={describeProblem(triage.error, 'The inbox could not be loaded')} testId="triage-load-error" />
      )}

      {triage.isSuccess && (
        <div className="triage">
          <section className="panel triage__inbox" aria-labelledby={`${id}-inbox-title`}>
            <h2 id={`${id}-inbox-title`}>Waiting for triage ({inbox.length})</h2>
            {inbox.length === 0 ? (
              <p className="muted" data-testid="triage-empty">
                Nothing is waiting for triage.
              </p>
            ) : (
              <ul
                ref={listRef}
                role="listbox"
                aria-label="Tickets waiting for triage"
                aria-describedby={can.canTriage ? `${id}-keys` : undefined}
                aria-activedescendant={selected ? optionId(selected) : undefined}
                tabIndex={0}
                className="triage__list"
                data-testid="triage-list"
                onKeyDown={onListKey}
              >
                {inbox.map((t) => {
                  const isSelected = t.id === selected?.id;
                  return (
                    <li
                      key={t.id}
                      id={optionId(t)}
                      role="option"
                      aria-selected={isSelected}
                      className={`triage__item${isSelected ? ' triage__item--selected' : ''}`}
                      data-testid={`triage-item-${t.key}`}
                      data-selected={isSelected ? 'true' : 'false'}
                      onClick={() => setSelection({ id: t.id, index: inbox.indexOf(t) })}
                    >
                      <span className="triage__item-key">{t.key}</span>
                      <span className="triage__item-title">{t.title}</span>
                      <span className="triage__item-meta">
                        {t.submittedByName ?? 'someone'}
                        {isMine(t) ? ' (yours)' : ''} · {gateSummary(t)}
                        {t.likelyDuplicateOf ? ' · likely duplicate' : ''}
                      </span>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>

          {selected && (
            <section className="panel triage__detail" aria-labelledby={`${id}-detail-title`} data-testid="triage-detail" data-ticket={selected.key}>
              <h2 id={`${id}-detail-title`}>
                <span className="triage__item-key">{selected.key}</span> {selected.title}
              </h2>
              <p className="muted">
                {classLabel(selected.class)} ·{' '}
                {selected.estimateDays == null ? 'no estimate' : `${selected.estimateDays} ${selected.estimateDays === 1 ? 'day' : 'days'}`} ·
                submitted by {selected.submittedByName ?? 'someone unknown'}
                {isMine(selected) ? ' (you)' : ''} ·{' '}
                <Link to={`/tickets/${encodeURIComponent(selected.id)}`} data-testid="triage-ticket-link">
                  Open {selected.key}
                </Link>
              </p>

              {error && (
                <ProblemAlert
                  problem={error}
                  testId="triage-error"
                  onDismiss={() => setErrors(({ [selected.id]: _dropped, ...rest }) => rest)}
                />
              )}

              {can.canTriage && (
                <TriageActions
                  ticket={selected}
                  pending={command.isPending}
                  onAccept={(toTop) => run({ kind: 'accept', ticket: selected, toTop })}
                  onPrompt={openPrompt}
                  onMarkDistinct={() => run({ kind: 'mark-distinct', ticket: selected })}
                />
              )}

              {can.canTriage && activePrompt && (
                <TriagePrompt
                  idPrefix={id}
                  kind={activePrompt.kind}
                  text={text}
                  error={promptError}
                  pending={command.isPending}
                  candidates={mergeCandidates}
                  inputRef={inputRef}
                  onText={(value) => {
                    setText(value);
                    if (promptError && value.trim()) setPromptError(null);
                  }}
                  onSubmit={submitPrompt}
                  onCancel={closePrompt}
                />
              )}

              {/* The ticket's own text beside its duplicate candidates, to compare them line by line. */}
              <div className="triage__compare" data-testid="triage-compare">
                <div className="triage__own" data-testid="triage-ticket-text">
                  <h3>Description</h3>
                  <p className="ticket-text">{selected.description}</p>
                  <h3>Definition of done</h3>
                  {selected.definitionOfDone.length > 0 ? (
                    <ol className="ticket-dod">
                      {selected.definitionOfDone.map((c, i) => (
                        <li key={i}>{c}</li>
                      ))}
                    </ol>
                  ) : (
                    <p className="muted">No criteria.</p>
                  )}
                  <section aria-labelledby={`${id}-gates-title`}>
                    <h3 id={`${id}-gates-title`}>Quality gates</h3>
                    <GateList gates={selected.gates} label={`Quality gates of ${selected.key}`} />
                  </section>
                </div>
                <section className="triage__candidates" aria-labelledby={`${id}-dups-title`} data-testid="triage-candidates">
                  <h3 id={`${id}-dups-title`}>Duplicate candidates</h3>
                  <DuplicateCandidates
                    idPrefix={id}
                    ticket={selected}
                    canMerge={can.canTriage}
                    pending={command.isPending}
                    onMerge={(candidate) => run({ kind: 'merge', ticket: selected, originalId: candidate.ticketId })}
                  />
                </section>
              </div>
            </section>
          )}

          <WaitingOnSubmitter idPrefix={id} tickets={waiting} isMine={isMine} />
        </div>
      )}
    </div>
  );
}
