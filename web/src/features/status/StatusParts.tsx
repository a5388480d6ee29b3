// The status page's sections, each from the status answer alone (no fetching here): unit-tested.
import { useId, useState, type FormEvent } from 'react';
import { LIMITS } from '../../api/contract/limits';
import { describeProblem } from '../../api/problems';
import type { Forecast, ForecastQuery, StatusNote, StatusReason, StatusResponse, ThroughputResponse } from '../../api/status';
import { classLabels } from '../board/cardLabels';
import { days, hours, instant, localDate, percent, percentilesText, ragMeaning } from './statusText';

const RULE_NAMES: Record<string, string> = {
  'line-stopped-now': 'The line is stopped',
  'line-stopped-this-week': 'The line was stopped too long this week',
  'forecast-after-target': 'The forecast is after the target date',
  outliers: 'Outliers',
  'blocked-over-a-day': 'Blocked for more than a day',
  'lane-over-limit': 'A lane over its limit',
};

export function ruleName(rule: string): string {
  return RULE_NAMES[rule] ?? rule;
}

/** The colour, as a word and a colour, with every rule that set it. */
export function RagPanel({ status }: { status: Pick<StatusResponse, 'rag' | 'reasons' | 'generatedAt'> }) {
  return (
    <section className={`status-rag status-rag--${status.rag.toLowerCase()}`} aria-labelledby="status-rag-title" data-testid="status-rag" data-rag={status.rag}>
      <h2 id="status-rag-title" className="status-rag__title">
        <span className="status-rag__label">Status: </span>
        <span className="status-rag__word" data-testid="status-rag-word">
          <span className="status-rag__swatch" aria-hidden="true" />
          {status.rag}
        </span>
      </h2>
      <p className="status-rag__meaning">{ragMeaning(status)}</p>
      {status.reasons.length > 0 && (
        <ul className="status-reasons" data-testid="status-reasons">
          {status.reasons.map((reason, i) => (
            <ReasonItem reason={reason} key={`${reason.rule}-${i}`} />
          ))}
        </ul>
      )}
      <p className="muted status-rag__rules">
        Computed from the board and its history by the published rules (docs/status-rules.md) at {instant(status.generatedAt)}; no one can set
        the colour.
      </p>
    </section>
  );
}

function ReasonItem({ reason }: { reason: StatusReason }) {
  return (
    <li className={`status-reason status-reason--${reason.rag.toLowerCase()}`} data-testid="status-reason" data-rule={reason.rule} data-rag={reason.rag}>
      <span className="status-reason__rag">{reason.rag}</span>{' '}
      <span className="status-reason__rule">{ruleName(reason.rule)}:</span> <span data-testid="status-reason-text">{reason.text}</span>
    </li>
  );
}

/** The product owners' dated notes, beside the colour; a product owner may add one. */
export function NotesPanel({
  notes,
  canAdd,
  onAdd,
}: {
  notes: StatusNote[];
  canAdd: boolean;
  onAdd?: (text: string) => Promise<unknown>;
}) {
  return (
    <aside className="status-notes" aria-labelledby="status-notes-title" data-testid="status-notes">
      <h2 id="status-notes-title">Notes from the product owner</h2>
      <p className="muted status-notes__intro">Beside the status, never instead of it: a note does not change the colour.</p>
      {notes.length === 0 ? (
        <p className="muted" data-testid="status-notes-empty">
          No notes.
        </p>
      ) : (
        <ol className="status-notes__list">
          {notes.map((note) => (
            <li key={note.id} className="status-note" data-testid="status-note">
              <p className="status-note__text">{note.text}</p>
              <p className="status-note__meta muted">
                {note.by || 'A former member'}, <time dateTime={note.at}>{instant(note.at)}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
      {canAdd && onAdd && <NoteForm onAdd={onAdd} />}
    </aside>
  );
}

function NoteForm({ onAdd }: { onAdd: (text: string) => Promise<unknown> }) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved('');
    if (text.trim() === '') {
      setError('Write the note first.');
      return;
    }
    setPending(true);
    setError(null);
    try {
      await onAdd(text);
      setText('');
      setSaved('Note added.');
    } catch (err) {
      const problem = describeProblem(err, 'The note was not added');
      setError([problem.title, problem.detail].filter(Boolean).join(': '));
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="form status-note-form no-print" onSubmit={submit} noValidate data-testid="status-note-form">
      <div className="form__field">
        <label htmlFor={`${id}-text`}>Add a dated note</label>
        <textarea
          id={`${id}-text`}
          rows={3}
          maxLength={LIMITS.statusNoteMaxLength}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          data-testid="status-note-text"
        />
        <p className="form__hint" id={`${id}-hint`}>
          Plain text, up to {LIMITS.statusNoteMaxLength} characters; kept with your name and the time.
        </p>
        {error && (
          <p className="form__error" id={`${id}-error`} data-testid="status-note-error">
            {error}
          </p>
        )}
      </div>
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending} data-testid="status-note-add">
          {pending ? 'Adding…' : 'Add note'}
        </button>
        <span role="status" className="form__saved">
          {saved}
        </span>
      </div>
    </form>
  );
}

export function LineSection({ line }: { line: StatusResponse['line'] }) {
  return (
    <section className="status-section" aria-labelledby="status-line-title" data-testid="status-line">
      <h2 id="status-line-title">The line</h2>
      <dl className="status-figures">
        <div>
          <dt>Stopped now</dt>
          <dd data-testid="status-line-now">
            {line.stopped && line.current
              ? `Yes, since ${instant(line.current.stoppedAt)} (${line.current.kind === 'Auto' ? 'automatically' : 'by hand'}): ${line.current.reason}`
              : line.stopped
                ? 'Yes'
                : 'No'}
          </dd>
        </div>
        <div>
          <dt>Stopped this week</dt>
          <dd data-testid="status-line-week">{percent(line.stoppedShareThisWeek)} of the working time so far</dd>
        </div>
      </dl>
      {line.weeks.length > 0 && (
        <table className="status-table status-table--compact" data-testid="status-line-weeks">
          <caption>Stopped time per week (working time)</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col">Stopped</th>
              <th scope="col">Share</th>
            </tr>
          </thead>
          <tbody>
            {line.weeks.map((week) => (
              <tr key={week.weekStart}>
                <th scope="row">{week.weekStart}</th>
                <td>{hours(week.stoppedHours)}</td>
                <td>{percent(week.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Last stops</h3>
      {line.history.length === 0 ? (
        <p className="muted">The line has not stopped.</p>
      ) : (
        <ul className="status-list" data-testid="status-line-history">
          {line.history.map((stop) => (
            <li key={stop.stoppedAt}>
              <strong>{instant(stop.stoppedAt)}</strong>, {stop.kind === 'Auto' ? 'automatic' : 'by hand'}
              {stop.stoppedBy ? ` (${stop.stoppedBy})` : ''}: {stop.reason}.{' '}
              {stop.resumedAt ? `Resumed ${instant(stop.resumedAt)}${stop.resumedBy ? ` by ${stop.resumedBy}` : ''}, ${hours(stop.hours)} stopped.` : `Still stopped, ${hours(stop.hours)} so far.`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function LanesAtLimitSection({ lanes }: { lanes: StatusResponse['lanesAtLimit'] }) {
  return (
    <section className="status-section" aria-labelledby="status-lanes-title" data-testid="status-lanes">
      <h2 id="status-lanes-title">Lanes at their limit</h2>
      {lanes.length === 0 ? (
        <p className="muted">No lane is at its limit.</p>
      ) : (
        <ul className="status-list">
          {lanes.map((lane) => (
            <li key={lane.laneId} data-testid="status-lane">
              <strong>{lane.name}</strong>: {lane.count} of {lane.limit}, {lane.over ? 'over its limit' : 'at its limit'}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function OutliersSection({ outliers }: { outliers: StatusResponse['outliers'] }) {
  return (
    <section className="status-section" aria-labelledby="status-outliers-title" data-testid="status-outliers">
      <h2 id="status-outliers-title">Outliers</h2>
      {outliers.length === 0 ? (
        <p className="muted">No card is an outlier.</p>
      ) : (
        <ul className="status-list">
          {outliers.map((card) => (
            <li key={card.cardId} data-testid="status-outlier">
              <span className="card__key">{card.key}</span> <span className="status-list__title">{card.title}</span> in {card.laneName},{' '}
              {days(card.ageDays)} old (threshold {days(card.thresholdDays)}){card.words.length > 0 ? `: ${card.words.join('; ')}` : ''}
              {card.assignee ? `. ${card.assignee}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function BlockedSection({ blocked }: { blocked: StatusResponse['blocked'] }) {
  return (
    <section className="status-section" aria-labelledby="status-blocked-title" data-testid="status-blocked">
      <h2 id="status-blocked-title">Blocked cards</h2>
      {blocked.length === 0 ? (
        <p className="muted">No card is blocked.</p>
      ) : (
        <ul className="status-list">
          {blocked.map((card) => (
            <li key={card.cardId} data-testid="status-blocked-card">
              <span className="card__key">{card.key}</span> <span className="status-list__title">{card.title}</span> in {card.laneName},
              blocked {days(card.blockedDays)} since {instant(card.since)}: {card.reason}
              {card.assignee ? `. ${card.assignee}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function FlowSection({ status, throughput }: { status: StatusResponse; throughput?: ThroughputResponse }) {
  const weeks = throughput?.perWeek.slice(-8) ?? [];
  return (
    <section className="status-section" aria-labelledby="status-flow-title" data-testid="status-flow">
      <h2 id="status-flow-title">Throughput and cycle time</h2>
      <dl className="status-figures">
        <div>
          <dt>Throughput</dt>
          <dd data-testid="status-throughput">
            {Math.round(status.throughputPerWeek * 10) / 10} cards a week (mean of the last {status.forecast.weeks} weeks)
          </dd>
        </div>
        <div>
          <dt>Cycle time</dt>
          <dd data-testid="status-cycle-time">
            {status.cycleTimeDays.count === 0 ? 'No completed cards yet.' : `${percentilesText(status.cycleTimeDays)} (${status.cycleTimeDays.count} cards)`}
          </dd>
        </div>
        <div>
          <dt>Flow efficiency</dt>
          <dd>{status.flowEfficiency == null ? '—' : `${percent(status.flowEfficiency)} of the cycle time in active lanes`}</dd>
        </div>
      </dl>
      {weeks.length > 0 && (
        <table className="status-table status-table--compact" data-testid="status-throughput-weeks">
          <caption>Cards completed per week</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col">Completed</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week.weekStart}>
                <th scope="row">{week.weekStart}</th>
                <td>{week.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Three dates, or the reason there is none. */
export function ForecastFigures({ forecast, testId }: { forecast: Forecast; testId: string }) {
  if (!forecast.p50 || !forecast.p85 || !forecast.p95) {
    return (
      <p className="status-forecast__none" data-testid={`${testId}-none`}>
        No forecast: {forecast.reason ?? 'there is nothing to forecast from.'}
      </p>
    );
  }
  return (
    <dl className="status-figures status-forecast__dates" data-testid={`${testId}-dates`}>
      <div>
        <dt>50% likely by</dt>
        <dd data-testid={`${testId}-p50`}>{localDate(forecast.p50)}</dd>
      </div>
      <div>
        <dt>85% likely by</dt>
        <dd data-testid={`${testId}-p85`}>{localDate(forecast.p85)}</dd>
      </div>
      <div>
        <dt>95% likely by</dt>
        <dd data-testid={`${testId}-p95`}>{localDate(forecast.p95)}</dd>
      </div>
    </dl>
  );
}

export function ForecastSection({
  status,
  chosen,
  chosenError,
  chosenPending,
  onChoose,
}: {
  status: Pick<StatusResponse, 'forecast' | 'targetDate'>;
  chosen?: Forecast;
  chosenError?: Error | null;
  chosenPending?: boolean;
  onChoose: (query: ForecastQuery) => void;
}) {
  const { forecast } = status;
  return (
    <section className="status-section status-forecast" aria-labelledby="status-forecast-title" data-testid="status-forecast">
      <h2 id="status-forecast-title">Forecast</h2>
      <p>
        When the {forecast.remaining} remaining {forecast.remaining === 1 ? 'card' : 'cards'} (every card not done) will be done, from {forecast.trials.toLocaleString('en-GB')}{' '}
        trials of the last {forecast.weeks} weeks&rsquo; daily throughput.
        {status.targetDate ? ` Target date: ${localDate(status.targetDate)}.` : ' No target date is set.'}
      </p>
      <ForecastFigures forecast={forecast} testId="status-forecast" />
      <ChosenSetForm onChoose={onChoose} pending={chosenPending} error={chosenError} />
      {chosen && (
        <div className="status-forecast__chosen" data-testid="status-chosen" role="region" aria-label="Forecast of the chosen set">
          <p>
            Of the chosen set: {chosen.remaining} {chosen.remaining === 1 ? 'card' : 'cards'}.
          </p>
          <ForecastFigures forecast={chosen} testId="status-chosen" />
          {chosen.howManyBy && (
            <p data-testid="status-chosen-how-many">
              By {localDate(chosen.howManyBy.date)}: at least {chosen.howManyBy.p85} cards (85% likely); {chosen.howManyBy.p50} at 50%, {chosen.howManyBy.p95} at 95%.
            </p>
          )}
        </div>
      )}
    </section>
  );
}

/** "Which cards, and how many by when": a class of cards and/or a date. */
export function ChosenSetForm({
  onChoose,
  pending,
  error,
}: {
  onChoose: (query: ForecastQuery) => void;
  pending?: boolean;
  error?: Error | null;
}) {
  const id = useId();
  const [cls, setCls] = useState('');
  const [by, setBy] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChoose({ ...(cls ? { class: cls } : {}), ...(by ? { by } : {}) });
  };
  const problem = error ? describeProblem(error, 'The forecast could not be made') : null;
  return (
    <form className="status-chosen-form no-print" onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="status-chosen-form">
      <h3 id={`${id}-title`}>Forecast a chosen set</h3>
      <div className="status-chosen-form__fields">
        <div className="form__field">
          <label htmlFor={`${id}-class`}>Cards of class</label>
          <select id={`${id}-class`} value={cls} onChange={(e) => setCls(e.target.value)} data-testid="status-chosen-class">
            <option value="">Every class</option>
            {Object.entries(classLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-by`}>How many by (optional)</label>
          <input id={`${id}-by`} type="date" value={by} onChange={(e) => setBy(e.target.value)} data-testid="status-chosen-by" />
        </div>
        <button type="submit" className="button" disabled={pending} data-testid="status-chosen-submit">
          {pending ? 'Forecasting…' : 'Forecast'}
        </button>
      </div>
      {problem && (
        <p className="form__error" role="alert" data-testid="status-chosen-error">
          {problem.title}
          {problem.detail ? `: ${problem.detail}` : ''}
        </p>
      )}
    </form>
  );
}
