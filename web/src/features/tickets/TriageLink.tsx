import { Link } from 'react-router-dom';
import { useTriageCount } from './useTickets';

/** "Triage (N)": the tickets waiting for a product owner's decision (sent-back ones wait on their submitters). */
export function TriageLink({ boardId }: { boardId: string }) {
  const count = useTriageCount(boardId).data?.waiting;
  return (
    <Link to={`/boards/${boardId}/triage`} data-testid="triage-link" data-count={count ?? undefined}>
      Triage{count !== undefined ? ` (${count})` : ''}
    </Link>
  );
}
