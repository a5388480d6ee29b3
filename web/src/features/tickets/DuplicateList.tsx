import { Link } from 'react-router-dom';
import type { DuplicateCandidate } from '../../api/types';
import { matchWords, scorePercent } from './duplicates';

/**
 * Possible duplicates, best first: each links to its ticket, says how close it is in words and
 * gives the similarity as a percentage. Renders nothing when empty. `newTab` opens the links in a
 * new tab (from a form being filled in, so the draft is not lost).
 */
export function DuplicateList({
  duplicates,
  testId = 'ticket-duplicates',
  newTab = false,
}: {
  duplicates: readonly DuplicateCandidate[];
  testId?: string;
  newTab?: boolean;
}) {
  if (duplicates.length === 0) return null;
  return (
    <ul className="duplicates" data-testid={testId} aria-label="Possible duplicates">
      {duplicates.map((d) => (
        <li key={d.ticketId} className="duplicates__item" data-testid={`duplicate-${d.key}`} data-match={d.match}>
          <Link
            to={`/tickets/${encodeURIComponent(d.ticketId)}`}
            {...(newTab ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
          >
            <span className="duplicates__key">{d.key}</span> {d.title}
            {newTab && <span className="sr-only"> (opens in a new tab)</span>}
          </Link>
          <span className="duplicates__meta">
            <span className={`duplicates__match duplicates__match--${d.match}`} data-testid={`duplicate-match-${d.key}`}>
              {matchWords(d.match)}
            </span>{' '}
            <span className="duplicates__score">{scorePercent(d.score)} alike</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * "Is it one of these?": the tickets the draft resembles, under the submit form, updated as the
 * user types. The live region is always there (so that what appears in it is announced, politely);
 * the section shows only while there are candidates.
 */
export function DuplicateSuggestions({ duplicates, headingId }: { duplicates: readonly DuplicateCandidate[]; headingId: string }) {
  return (
    <div className="duplicate-suggestions" aria-live="polite" data-testid="ticket-suggestions-region">
      {duplicates.length > 0 && (
        <section className="duplicate-suggestions__panel" aria-labelledby={headingId} data-testid="ticket-suggestions">
          <h3 id={headingId}>Is it one of these?</h3>
          <p className="duplicate-suggestions__hint">
            Tickets that read like this one. If yours is already among them, open it instead of submitting it again.
          </p>
          <DuplicateList duplicates={duplicates} newTab />
        </section>
      )}
    </div>
  );
}
