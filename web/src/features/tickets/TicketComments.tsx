import { useId, useRef, useState, type FormEvent } from 'react';
import { describeProblem, type ProblemMessage } from '../../api/problems';
import type { TicketComment } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatLocalTime, relativeTime } from '../../lib/time';
import { useAddComment } from './useTickets';

/** The most a comment may hold (the server refuses longer). */
export const COMMENT_MAX = 5000;

const COMMENT_LABELS: Record<string, string> = {
  Comment: 'Comment',
  SentBack: 'Sent back',
  Rejected: 'Rejected',
  MergedDuplicate: 'Merged duplicate',
};

export interface TicketCommentsProps {
  ticketId: string;
  ticketKey: string;
  comments: readonly TicketComment[];
  /** The form to add one is offered (a member, with access). */
  canComment: boolean;
  now: number;
  announce: (text: string) => void;
}

/**
 * The ticket's comments, oldest first, each with who and when (as text, never as markup), and for
 * members a form to add one. New comments from others arrive live (the page refetches on
 * `TicketCommented`).
 */
export function TicketComments({ ticketId, ticketKey, comments, canComment, now, announce }: TicketCommentsProps) {
  const id = useId();
  const add = useAddComment(ticketId);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<ProblemMessage | null>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (add.isPending) return;
    const value = text.trim();
    if (!value) {
      setError('Write the comment first.');
      inputRef.current?.focus();
      return;
    }
    setError(null);
    setProblem(null);
    add.mutate(value, {
      onSuccess: () => {
        setText('');
        announce(`Comment added to ${ticketKey}.`);
        inputRef.current?.focus();
      },
      onError: (err) => setProblem(describeProblem(err, 'The comment was not added')),
    });
  };

  const inputId = `${id}-text`;
  const remaining = COMMENT_MAX - text.length;

  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="ticket-comments-section">
      <h2 id={`${id}-title`}>Comments ({comments.length})</h2>
      {comments.length > 0 ? (
        <ul className="ticket-comments" data-testid="ticket-comments">
          {comments.map((c) => (
            <li key={c.id} className="ticket-comments__item" data-kind={c.kind} data-testid="ticket-comment">
              <p className="ticket-comments__meta">
                <strong>{COMMENT_LABELS[c.kind] ?? c.kind}</strong> by{' '}
                <span data-testid="ticket-comment-by">{c.byName ?? 'someone'}</span>,{' '}
                <time dateTime={c.at} title={formatLocalTime(c.at, now)}>
                  {relativeTime(c.at, now)}
                </time>
              </p>
              <p className="ticket-text" data-testid="ticket-comment-text">
                {c.text}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted" data-testid="ticket-no-comments">
          No comments yet.
        </p>
      )}

      {canComment && (
        <form className="form ticket-comments__form" onSubmit={submit} noValidate data-testid="ticket-comment-form">
          <div className="form__field">
            <label htmlFor={inputId}>Add a comment</label>
            <textarea
              id={inputId}
              ref={inputRef}
              rows={3}
              value={text}
              maxLength={COMMENT_MAX}
              onChange={(e) => {
                setText(e.target.value);
                if (error && e.target.value.trim()) setError(null);
              }}
              onKeyDown={(e) => {
                // Ctrl+Enter (or Cmd+Enter) sends, as in most trackers; Enter alone is a new line.
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  e.currentTarget.form?.requestSubmit();
                }
              }}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${inputId}-hint${error ? ` ${inputId}-error` : ''}`}
              data-testid="ticket-comment-input"
            />
            <p className="form__hint" id={`${inputId}-hint`}>
              Plain text. Ctrl+Enter sends.{remaining < 500 ? ` ${remaining} characters left.` : ''}
            </p>
            {error && (
              <p className="form__error" id={`${inputId}-error`} role="alert" data-testid="ticket-comment-error">
                {error}
              </p>
            )}
          </div>
          {problem && <ProblemAlert problem={problem} testId="ticket-comment-problem" onDismiss={() => setProblem(null)} />}
          <p>
            <button type="submit" className="button button--primary" disabled={add.isPending} data-testid="ticket-comment-submit">
              {add.isPending ? 'Adding…' : 'Add comment'}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}
