import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { isApiError } from '../api/http';

/** Sets the page's title while it is shown, and puts the app's back when it goes. */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = title;
    return () => {
      document.title = 'Kanban';
    };
  }, [title]);
}

/** The neutral state of a page whose data is on its way. */
export function PageLoading({ heading, testId }: { heading: string; testId: string }) {
  return (
    <div className="page-state" aria-busy="true" data-testid={testId}>
      <h1>{heading}</h1>
    </div>
  );
}

/**
 * A page whose data could not be loaded: a 404 says there is nothing here for this person (test id
 * `{what}-not-found`), anything else offers to try again (`{what}-error`).
 */
export function PageLoadError({
  what,
  error,
  retry,
  showDetail = false,
}: {
  what: 'board' | 'ticket';
  error: Error;
  retry: () => void;
  /** Also show the server's own detail of a 404. */
  showDetail?: boolean;
}) {
  const notFound = isApiError(error) && error.status === 404;
  const Thing = what === 'board' ? 'Board' : 'Ticket';
  return (
    <div className="page-state" data-testid={notFound ? `${what}-not-found` : `${what}-error`}>
      <h1>{notFound ? `${Thing} not found` : `The ${what} could not be loaded`}</h1>
      <p>
        {notFound
          ? `There is no ${what} here, or you do not have access to ${what === 'board' ? 'it' : 'its board'}.`
          : error.message}
      </p>
      {showDetail && notFound && isApiError(error) && error.problem.detail && <p className="muted">{error.problem.detail}</p>}
      <p className="page-state__actions">
        {!notFound && (
          <button type="button" className="button" onClick={retry}>
            Try again
          </button>
        )}
        <Link to="/">Back to boards</Link>
      </p>
    </div>
  );
}
