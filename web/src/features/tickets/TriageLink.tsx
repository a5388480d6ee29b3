import { Link } from 'react-router-dom';
import { useTriage } from './useTickets';

/** "Triage (N)": the tickets waiting for a product owner's decision (sent-back ones wait on their submitters). */
export function TriageLink({ boardId }: { boardId: string }) {
  const triage = useTriage(boardId);
  const count = triage.data?.filter((t) => t.state === 'Triage').length;
  return (
    <Link to={`/boards/${boardId}/triage`} data-testid="triage-link" data-count={count ?? undefined}>
      Triage{count !== undefined ? ` (${count})` : ''}
    </Link>
  );
}
