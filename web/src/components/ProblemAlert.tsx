import type { ProblemMessage } from '../api/problems';

/** A refusal in words: its title, the server's detail, and optional Try again and Dismiss buttons. */
export function ProblemAlert({
  problem,
  testId,
  onDismiss,
  onRetry,
}: {
  problem: ProblemMessage;
  testId: string;
  onDismiss?: () => void;
  onRetry?: () => void;
}) {
  return (
    <div className="alert" role="alert" data-testid={testId} data-problem={problem.name}>
      <div>
        <p className="alert__text">
          <strong>{problem.title}</strong>
        </p>
        {problem.detail && <p className="alert__text">{problem.detail}</p>}
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
