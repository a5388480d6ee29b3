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

/** What a screen reader hears of the suggestions: how many, and the closest in words. */
export function suggestionsSummary(duplicates: readonly DuplicateCandidate[]): string {
  const closest = duplicates[0];
  if (!closest) return '';
  const count = duplicates.length === 1 ? '1 ticket reads' : `${duplicates.length} tickets read`;
  return `${count} like this one; the closest is ${closest.key} ${closest.title}: ${matchWords(closest.match).toLowerCase()}.`;
}

/**
 * "Is it one of these?": the tickets the draft resembles, under the submit form, updated as the
 * user types. Only a one-line summary is in the polite live region (always there, so what appears
 * in it is announced): it changes when the closest ticket or its match does, not with every score,
 * so a pause in typing does not read the whole list out again.
 */
export function DuplicateSuggestions({ duplicates, headingId }: { duplicates: readonly DuplicateCandidate[]; headingId: string }) {
  return (
    <div className="duplicate-suggestions" data-testid="ticket-suggestions-region">
      <p className="sr-only" role="status" aria-live="polite" data-testid="ticket-suggestions-status">
        {suggestionsSummary(duplicates)}
      </p>
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
