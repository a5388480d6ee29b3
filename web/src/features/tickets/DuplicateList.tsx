import { Link } from 'react-router-dom';
import type { DuplicateCandidate } from '../../api/types';

/** Likely duplicates with their similarity; each links to its ticket. Renders nothing when empty. */
export function DuplicateList({ duplicates, testId = 'ticket-duplicates' }: { duplicates: readonly DuplicateCandidate[]; testId?: string }) {
  if (duplicates.length === 0) return null;
  return (
    <ul className="duplicates" data-testid={testId} aria-label="Possible duplicates">
      {duplicates.map((d) => (
        <li key={d.ticketId} className="duplicates__item" data-testid={`duplicate-${d.key}`}>
          <Link to={`/tickets/${encodeURIComponent(d.ticketId)}`}>
            <span className="duplicates__key">{d.key}</span> {d.title}
          </Link>{' '}
          <span className="duplicates__score">{Math.round(d.score * 100)}% alike</span>
        </li>
      ))}
    </ul>
  );
}
