import type { ProblemMessage } from '../api/problems';

/**
 * A refusal in words: its title, each failure once (as a list, when there are several), the
 * server's detail (what to do), and optional Try again and Dismiss buttons.
 */
export function ProblemAlert({
  problem,
  testId,
  onDismiss,
  onRetry,
  showItems = true,
}: {
  problem: ProblemMessage;
  testId: string;
  onDismiss?: () => void;
  onRetry?: () => void;
  /** False where the page already shows each failure next to what it is about (the ticket form's gates). */
  showItems?: boolean;
}) {
  const items = showItems ? (problem.items ?? []) : [];
  // A detail that only says the title again is said once.
  const detail = problem.detail && problem.detail.trim() !== problem.title.trim() ? problem.detail : '';
  return (
    <div className="alert" role="alert" data-testid={testId} data-problem={problem.name}>
      <div>
        <p className="alert__text">
          <strong>{problem.title}</strong>
        </p>
        {items.length > 0 && (
          <ul className="alert__list" data-testid={`${testId}-items`}>
            {items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        )}
        {detail && <p className="alert__text">{detail}</p>}
      </div>
      {onRetry && (
        <button type="button" className="alert__dismiss" onClick={onRetry} data-testid={`${testId}-retry`}>
          Try again
        </button>
      )}
      {onDismiss && (
        <button type="button" className="alert__dismiss" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
