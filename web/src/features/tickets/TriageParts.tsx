import { useEffect, useRef, type FormEvent, type RefObject } from 'react';
import { Link } from 'react-router-dom';
import type { DuplicateCandidate, Ticket } from '../../api/types';
import { candidateStateWords, excerptText, matchWords, scorePercent } from './duplicates';
import type { MergeCandidate } from './triage';

export type PromptKind = 'send-back' | 'reject' | 'merge';

export const PROMPTS: Record<PromptKind, { label: string; submit: string; required: string }> = {
  'send-back': {
    label: 'Comment for the submitter: what should change?',
    submit: 'Send back',
    required: 'Say what the submitter should change.',
  },
  reject: { label: 'Why is it rejected?', submit: 'Reject', required: 'Give the reason for rejecting it.' },
  merge: {
    label: 'Duplicate of which ticket? Its key, e.g. PAY-12',
    submit: 'Merge',
    required: 'Type or choose the key of the original ticket.',
  },
};

/** The product owner's decisions on the selected ticket, each with its key. */
export function TriageActions({
  ticket,
  pending,
  onAccept,
  onPrompt,
  onMarkDistinct,
}: {
  ticket: Ticket;
  pending: boolean;
  onAccept: (toTop: boolean) => void;
  onPrompt: (kind: PromptKind) => void;
  onMarkDistinct: () => void;
}) {
  return (
    <div className="triage__actions" role="group" aria-label={`Decide on ${ticket.key}`}>
      <button
        type="button"
        className="button button--primary"
        onClick={() => onAccept(false)}
        disabled={pending}
        aria-keyshortcuts="a"
        data-testid="triage-accept"
      >
        Accept <kbd aria-hidden="true">a</kbd>
      </button>
      <button
        type="button"
        className="button"
        onClick={() => onAccept(true)}
        disabled={pending}
        aria-keyshortcuts="Shift+A"
        data-testid="triage-accept-top"
      >
        Accept to top <kbd aria-hidden="true">A</kbd>
      </button>
      <button type="button" className="button" onClick={() => onPrompt('send-back')} aria-keyshortcuts="s" data-testid="triage-send-back">
        Send back <kbd aria-hidden="true">s</kbd>
      </button>
      <button type="button" className="button" onClick={() => onPrompt('reject')} aria-keyshortcuts="r" data-testid="triage-reject">
        Reject <kbd aria-hidden="true">r</kbd>
      </button>
      <button type="button" className="button" onClick={() => onPrompt('merge')} aria-keyshortcuts="m" data-testid="triage-merge">
        Merge <kbd aria-hidden="true">m</kbd>
      </button>
      {ticket.likelyDuplicateOf && (
        <button
          type="button"
          className="button"
          onClick={onMarkDistinct}
          disabled={pending}
          aria-keyshortcuts="d"
          data-testid="triage-mark-distinct"
        >
          Mark distinct <kbd aria-hidden="true">d</kbd>
        </button>
      )}
    </div>
  );
}

/** The comment, reason or original asked inline: Enter sends, Escape cancels. */
export function TriagePrompt({
  idPrefix,
  kind,
  text,
  error,
  pending,
  candidates,
  inputRef,
  onText,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  kind: PromptKind;
  text: string;
  error: string | null;
  pending: boolean;
  candidates: MergeCandidate[];
  inputRef: RefObject<HTMLInputElement | null>;
  onText: (value: string) => void;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
}) {
  const inputId = `${idPrefix}-prompt`;
  return (
    <form className="triage__prompt" onSubmit={onSubmit} data-testid="triage-prompt" data-kind={kind} noValidate>
      <label htmlFor={inputId}>{PROMPTS[kind].label}</label>
      <div className="triage__prompt-row">
        <input
          id={inputId}
          ref={inputRef}
          value={text}
          onChange={(e) => onText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              onCancel();
            }
          }}
          list={kind === 'merge' ? `${idPrefix}-originals` : undefined}
          autoComplete="off"
          maxLength={2000}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${inputId}-hint${error ? ` ${inputId}-error` : ''}`}
          data-testid="triage-comment-input"
        />
        <button type="submit" className="button button--primary" disabled={pending} data-testid="triage-prompt-submit">
          {PROMPTS[kind].submit}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {kind === 'merge' && (
        <datalist id={`${idPrefix}-originals`}>
          {candidates.map((c) => (
            <option key={c.id} value={c.key}>
              {c.title}
            </option>
          ))}
        </datalist>
      )}
      <p className="form__hint" id={`${inputId}-hint`}>
        Enter sends, Escape cancels.
      </p>
      {error && (
        <p className="form__error" id={`${inputId}-error`} role="alert" data-testid="triage-prompt-error">
          {error}
        </p>
      )}
    </form>
  );
}

/** Tickets sent back: waiting on their submitters, not on the product owner. */
export function WaitingOnSubmitter({
  idPrefix,
  tickets,
  isMine,
}: {
  idPrefix: string;
  tickets: Ticket[];
  isMine: (ticket: Ticket) => boolean;
}) {
  return (
    <section className="panel triage__waiting" aria-labelledby={`${idPrefix}-waiting-title`} data-testid="triage-sent-back-section">
      <h2 id={`${idPrefix}-waiting-title`}>Waiting on the submitter ({tickets.length})</h2>
      {tickets.length === 0 ? (
        <p className="muted">No ticket is sent back.</p>
      ) : (
        <ul className="triage__waiting-list">
          {tickets.map((t) => (
            <li key={t.id} data-testid={`triage-sent-back-${t.key}`}>
              <Link to={`/tickets/${encodeURIComponent(t.id)}`}>
                <span className="triage__item-key">{t.key}</span> {t.title}
              </Link>{' '}
              <span className="muted">
                {t.submittedByName ?? 'someone'}
                {isMine(t) ? ' (yours)' : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * What the last decision did, said at once (a live region) and shown, with an Undo button while
 * it can be undone (`undoKey`; the `z` key does the same). After `timeoutMs` the notice and its
 * undo go (`onExpire`); while the button has the focus it waits, so a keyboard user on it is
 * never left on a control that vanished, but not past `limitMs`, when the server would refuse the
 * undo: then it goes anyway, and `onExpire` is told the focus was on it (to move it on).
 */
export function UndoNotice({
  status,
  undoKey,
  pending,
  timeoutMs,
  limitMs,
  onUndo,
  onExpire,
}: {
  status: string;
  /** The ticket whose decision can be undone, or null. */
  undoKey: string | null;
  pending: boolean;
  timeoutMs: number;
  /** How long the server allows an undo: the button goes then, focused or not. */
  limitMs: number;
  onUndo: () => void;
  onExpire: (hadFocus: boolean) => void;
}) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  const expireRef = useRef(onExpire);
  expireRef.current = onExpire;

  useEffect(() => {
    if (!status) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const button = buttonRef.current;
    const expire = () => {
      if (button && document.activeElement === button) return; // waits for the blur
      expireRef.current(false);
    };
    const onBlur = () => {
      if (!timer) expireRef.current(false);
    };
    timer = setTimeout(() => {
      timer = undefined;
      expire();
    }, timeoutMs);
    const limit = button
      ? setTimeout(() => {
          button.removeEventListener('blur', onBlur);
          expireRef.current(document.activeElement === button);
        }, limitMs)
      : undefined;
    button?.addEventListener('blur', onBlur);
    return () => {
      if (timer) clearTimeout(timer);
      if (limit) clearTimeout(limit);
      button?.removeEventListener('blur', onBlur);
    };
  }, [undoKey, status, timeoutMs, limitMs]);

  return (
    <div className={`triage__done${status ? ' triage__done--shown' : ''}`} data-testid="triage-done">
      <p className="triage__done-text" role="status" aria-live="polite">
        <span data-testid="triage-status">{status}</span>
        {undoKey && status && <span className="sr-only"> Press z to undo it.</span>}
      </p>
      {undoKey && status && (
        <button
          ref={buttonRef}
          type="button"
          className="button button--small"
          onClick={onUndo}
          disabled={pending}
          aria-keyshortcuts="z"
          data-testid="triage-undo"
        >
          Undo<span className="sr-only">: put {undoKey} back in triage</span> <kbd aria-hidden="true">z</kbd>
        </button>
      )}
    </div>
  );
}

/**
 * The selected ticket's duplicate candidates, best first, to read beside its own text: each with
 * its key (a link), title, the match in words, where it stands and the start of its description.
 * A product owner merges the ticket into one of them with its "Merge into KEY" button, in one action
 * (not into a rejected one, which the server refuses: that says so instead).
 */
export function DuplicateCandidates({
  idPrefix,
  ticket,
  canMerge,
  pending,
  onMerge,
}: {
  idPrefix: string;
  ticket: Ticket;
  canMerge: boolean;
  pending: boolean;
  onMerge: (candidate: DuplicateCandidate) => void;
}) {
  if (ticket.duplicates.length === 0) {
    return (
      <p className="muted" data-testid="triage-no-duplicates">
        No similar tickets found.
      </p>
    );
  }
  return (
    <ol className="candidates" data-testid="triage-duplicates" aria-label={`Possible duplicates of ${ticket.key}`}>
      {ticket.duplicates.map((d) => {
        const flagged = ticket.likelyDuplicateOf != null && d.ticketId.toLowerCase() === ticket.likelyDuplicateOf.toLowerCase();
        const titleId = `${idPrefix}-candidate-${d.ticketId}`;
        const excerpt = excerptText(d.excerpt);
        return (
          <li
            key={d.ticketId}
            className={`candidate${flagged ? ' candidate--flagged' : ''}`}
            data-testid={`triage-candidate-${d.key}`}
            data-match={d.match}
          >
            <h4 className="candidate__title" id={titleId}>
              <Link to={`/tickets/${encodeURIComponent(d.ticketId)}`} data-testid={`triage-candidate-link-${d.key}`}>
                <span className="duplicates__key">{d.key}</span> {d.title}
              </Link>
            </h4>
            <p className="candidate__meta">
              <span className={`duplicates__match duplicates__match--${d.match}`} data-testid={`triage-candidate-match-${d.key}`}>
                {matchWords(d.match)}
              </span>
              <span className="duplicates__score">{scorePercent(d.score)} alike</span>
              <span className="candidate__state" data-testid={`triage-candidate-state-${d.key}`}>
                {candidateStateWords(d)}
              </span>
              {flagged && <span className="candidate__flag">flagged as the likely original</span>}
            </p>
            {excerpt ? (
              <p className="candidate__excerpt ticket-text" data-testid={`triage-candidate-excerpt-${d.key}`}>
                {excerpt}
              </p>
            ) : (
              <p className="candidate__excerpt muted">No description.</p>
            )}
            {canMerge && d.state === 'Rejected' && (
              <p className="candidate__note muted" data-testid={`triage-cannot-merge-${d.key}`}>
                A rejected ticket cannot be merged into.
              </p>
            )}
            {canMerge && d.state !== 'Rejected' && (
              <div className="candidate__actions">
                <button
                  type="button"
                  className="button"
                  onClick={() => onMerge(d)}
                  disabled={pending}
                  data-testid={`triage-merge-into-${d.key}`}
                >
                  Merge into {d.key}
                </button>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
