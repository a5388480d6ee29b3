import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { boardsApi, queryKeys } from '../../api/boards';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../api/http';
import { describeProblem } from '../../api/problems';
import { shareToken } from '../../api/share';
import type { DateRange, ForecastQuery, StatusResponse } from '../../api/status';
import { PageLoading, useDocumentTitle } from '../../components/PageState';
import { useCurrentUser } from '../auth/AuthProvider';
import { useBoardHub } from '../board/useBoardHub';
import { AgingChart, CfdChart, CycleScatterChart } from './StatusCharts';
import {
  BlockedSection,
  FlowSection,
  ForecastSection,
  LanesAtLimitSection,
  LineSection,
  NotesPanel,
  OutliersSection,
  RagPanel,
} from './StatusParts';
import { clock, isoDay } from './statusText';
import { useAddNote, useCfd, useChosenForecast, useCycleTimes, useDebouncedStatusRefresh, useStatus, useThroughput } from './useStatus';
import './status.css';

/** Events that change no board version but do change the status. */
const STATUS_EVENTS = ['StatusNoteAdded'] as const;

/** The charts' default range: the last 90 days. */
export function defaultRange(now = new Date()): DateRange {
  return { from: isoDay(-90, now), to: isoDay(0, now) };
}

/**
 * The honest status of a board (`/status/:boardId`): the colour with its reasons first, the product
 * owners' notes beside it, then the evidence and the forecast. Opened by a Viewer+ or from a status
 * share link without signing in; live through the board hub; printable.
 */
export default function StatusPage() {
  const { boardId = '' } = useParams();
  const shared = shareToken() !== null;
  const status = useStatus(boardId);
  const refresh = useDebouncedStatusRefresh(boardId);
  // On while there is a status to keep current: a failed refetch keeps the status shown, and the link.
  const live = useBoardHub(boardId, status.data !== undefined, { onEvent: refresh, extraEvents: STATUS_EVENTS });

  // The colour leads the title: a tab, a bookmark and a printed PDF say it first.
  useDocumentTitle(status.data ? `${status.data.rag} · Status · ${status.data.boardName} · Kanban` : 'Status · Kanban');

  // The link was revoked or the person removed while the page is open: the status goes away.
  if (live.state === 'revoked') {
    if (shared) {
      return (
        <div className="page-state" data-testid="status-link-invalid">
          <h1>This link is no longer shared</h1>
          <p>{live.revokedReason ?? 'The link was revoked.'} Ask whoever sent it for a new status link.</p>
        </div>
      );
    }
    return (
      <div className="page-state" data-testid="status-not-found">
        <h1>You no longer have access to this board</h1>
        <p>{live.revokedReason ?? 'Your access was removed.'}</p>
        <p>
          <Link to="/">Back to boards</Link>
        </p>
      </div>
    );
  }
  if (status.isPending) return <PageLoading heading="Loading the status…" testId="status-loading" />;
  if (status.isError && !status.data) {
    const refused = isApiError(status.error) && [401, 403, 404].includes(status.error.status);
    if (refused && shared) {
      return (
        <div className="page-state" data-testid="status-link-invalid">
          <h1>This link is not valid or was revoked</h1>
          <p>Ask whoever sent it for a new status link.</p>
        </div>
      );
    }
    if (refused) {
      return (
        <div className="page-state" data-testid="status-not-found">
          <h1>Board not found</h1>
          <p>There is no board here, or you do not have access to it.</p>
          <p>
            <Link to="/">Back to boards</Link>
          </p>
        </div>
      );
    }
    const problem = describeProblem(status.error, 'The status could not be loaded');
    return (
      <div className="page-state" data-testid="status-error">
        <h1>{problem.title}</h1>
        {problem.detail && <p>{problem.detail}</p>}
        <p className="page-state__actions">
          <button type="button" className="button" onClick={() => void status.refetch()}>
            Try again
          </button>
        </p>
      </div>
    );
  }
  return <StatusView status={status.data!} shared={shared} connected={live.state === 'connected' && !status.isError} updatedAt={status.dataUpdatedAt} />;
}

export function StatusView({
  status,
  shared,
  connected,
  updatedAt,
}: {
  status: StatusResponse;
  shared: boolean;
  connected: boolean;
  updatedAt: number;
}) {
  const boardId = status.boardId;
  const user = useCurrentUser();
  // Who may add a note: the person's role on this board (a share link has none, and asks nothing).
  const boards = useQuery({
    queryKey: queryKeys.boards,
    queryFn: ({ signal }) => boardsApi.list(signal),
    enabled: !shared && user !== undefined,
  });
  const role = shared || !user ? null : (boards.data?.find((b) => b.id === boardId)?.role ?? null);
  const addNote = useAddNote(boardId);

  const [range, setRange] = useState<DateRange>(() => defaultRange());
  const cfd = useCfd(boardId, range, true);
  const cycle = useCycleTimes(boardId, range, true);
  const throughput = useThroughput(boardId, range, true);
  const [chosenQuery, setChosenQuery] = useState<ForecastQuery | null>(null);
  const chosen = useChosenForecast(boardId, chosenQuery);

  return (
    <div className="status-page" data-testid="status-page" data-version={status.version} data-live={connected ? 'live' : 'stale'}>
      <header className="status-page__header">
        <div>
          {!shared && user && (
            <p className="subpage__board no-print">
              <Link to={`/boards/${boardId}`} data-testid="board-page-link">
                <span aria-hidden="true">← </span>
                {status.boardName}
              </Link>
            </p>
          )}
          <h1>
            Status of {status.boardName} <span className="board__key">{status.boardKey}</span>
          </h1>
        </div>
        <div className="status-page__tools">
          <p className={`connection connection--${connected ? 'connected' : 'disconnected'}`} data-testid="status-live" data-state={connected ? 'live' : 'stale'}>
            <span className="connection__dot" aria-hidden="true" />
            {connected ? 'Live' : `Not live, as of ${clock(updatedAt)}`}
          </p>
          <button type="button" className="button no-print" onClick={() => window.print()} data-testid="status-print">
            Print
          </button>
        </div>
      </header>
      <p className="print-only status-page__printed">
        Printed {new Date().toLocaleString('en-GB')}; the status as of {clock(updatedAt)}.
      </p>

      <div className="status-overview">
        <RagPanel status={status} />
        <NotesPanel notes={status.notes} canAdd={role === 'ProductOwner'} onAdd={(text) => addNote.mutateAsync(text)} />
      </div>

      <div className="status-evidence">
        <LineSection line={status.line} />
        <LanesAtLimitSection lanes={status.lanesAtLimit} />
        <OutliersSection outliers={status.outliers} />
        <BlockedSection blocked={status.blocked} />
        <FlowSection status={status} throughput={throughput.data} />
      </div>

      <div className="status-charts">
        <RangeForm range={range} onChange={setRange} error={cfd.error ?? cycle.error ?? throughput.error} />
        {cfd.data ? <CfdChart cfd={cfd.data} /> : <ChartPlaceholder title="Cumulative flow" pending={cfd.isPending} />}
        <AgingChart status={status} />
        {cycle.data ? <CycleScatterChart cycle={cycle.data} /> : <ChartPlaceholder title="Cycle time of completed cards" pending={cycle.isPending} />}
      </div>

      <ForecastSection
        status={status}
        chosen={chosen.data}
        chosenError={chosen.error}
        chosenPending={chosen.isFetching}
        onChoose={(q) => setChosenQuery(q)}
      />
    </div>
  );
}

function ChartPlaceholder({ title, pending }: { title: string; pending: boolean }) {
  return (
    <section className="status-section status-chart" aria-label={title}>
      <h2>{title}</h2>
      <p className="muted">{pending ? 'Loading…' : 'Could not be loaded.'}</p>
    </section>
  );
}

/** The charts' date range (default the last 90 days), applied when sent. */
export function RangeForm({ range, onChange, error }: { range: DateRange; onChange: (range: DateRange) => void; error?: Error | null }) {
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const [mistake, setMistake] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!from || !to) return setMistake('Enter both days.');
    if (from > to) return setMistake('The first day must be on or before the last.');
    setMistake(null);
    onChange({ from, to });
  };
  const server = error && isApiError(error) && error.status === 400 ? describeProblem(error, 'The range was refused') : null;
  const message = mistake ?? (server ? [server.title, server.detail].filter(Boolean).join(': ') : null);
  return (
    <form className="status-range no-print" onSubmit={submit} aria-label="Date range of the charts" data-testid="status-range">
      <div className="form__field">
        <label htmlFor="status-range-from">Charts from</label>
        <input id="status-range-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="status-range-from" />
      </div>
      <div className="form__field">
        <label htmlFor="status-range-to">Charts to</label>
        <input id="status-range-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="status-range-to" />
      </div>
      <button type="submit" className="button" data-testid="status-range-apply">
        Show
      </button>
      {message && (
        <p className="form__error" role="alert" data-testid="status-range-error">
          {message}
        </p>
      )}
    </form>
  );
}
