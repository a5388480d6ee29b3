import { useId, useRef, useState, type FormEvent } from 'react';
import { LIMITS } from '../../api/contract/limits';
import { describeProblem } from '../../api/problems';
import type { Lane, LaneKind } from '../../api/types';
import { sortLanes } from '../board/boardState';
import {
  draftToLaneRequest,
  fieldErrors,
  laneToDraft,
  otherFieldErrors,
  sameLaneDraft,
  type LaneDraft,
} from './settingsForm';
import { useLaneCommands } from './useSettings';

const KIND_LABELS: Record<LaneKind, string> = {
  Backlog: 'Backlog',
  Queue: 'Queue',
  Active: 'Active',
  Done: 'Done',
};

const EDITABLE_KINDS: LaneKind[] = ['Queue', 'Active', 'Done'];
const LANE_FIELDS = ['name', 'kind', 'wipLimit', 'untested', 'order'] as const;

function FieldError({ id, messages, testId }: { id: string; messages: string[]; testId?: string }) {
  if (messages.length === 0) return null;
  return (
    <p className="form__error" id={id} data-testid={testId}>
      {messages.join(' ')}
    </p>
  );
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

interface LaneRowProps {
  boardId: string;
  lane: Lane;
  index: number;
  total: number;
  canEdit: boolean;
  announce: (message: string) => void;
}

/** One lane: its fields edited and saved together, moved up or down, or deleted after a confirmation. */
function LaneRow({ boardId, lane, index, total, canEdit, announce }: LaneRowProps) {
  const { update, remove } = useLaneCommands(boardId);
  // null while untouched, so the row follows the server (another tab, the hub) until it is edited.
  const [draft, setDraft] = useState<LaneDraft | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [badLimit, setBadLimit] = useState(false);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const id = useId();

  const shown = draft ?? laneToDraft(lane);
  const dirty = draft !== null && !sameLaneDraft(draft, laneToDraft(lane));
  const backlog = lane.kind === 'Backlog';
  const busy = update.isPending || remove.isPending;
  const edit = (patch: Partial<LaneDraft>) => setDraft({ ...shown, ...patch });

  const limitValue = shown.wipLimit.trim() === '' ? null : Number(shown.wipLimit);
  const belowCount = limitValue != null && Number.isFinite(limitValue) && limitValue > 0 && limitValue < lane.count;

  const send = async (body: LaneDraft, order: number, done: string) => {
    setError(null);
    try {
      await update.mutateAsync({ laneId: lane.id, body: { ...draftToLaneRequest(body), order } });
      announce(done);
      return true;
    } catch (e) {
      setError(e);
      return false;
    }
  };

  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const limitInput = e.currentTarget.elements.namedItem('wipLimit');
    if (limitInput instanceof HTMLInputElement && limitInput.validity.badInput) {
      setBadLimit(true);
      return;
    }
    setBadLimit(false);
    if (await send(shown, index, `Lane ${shown.name.trim() || lane.name} saved.`)) setDraft(null);
  };

  const moveTo = (order: number) =>
    void send(laneToDraft(lane), order, `${lane.name} moved to position ${order + 1} of ${total}.`);

  const doDelete = async () => {
    setError(null);
    try {
      await remove.mutateAsync(lane.id);
      announce(`Lane ${lane.name} deleted.`);
    } catch (e) {
      setConfirmDelete(false);
      setError(e);
      setTimeout(() => deleteRef.current?.focus(), 0);
    }
  };

  const nameErrors = fieldErrors(error, 'name');
  const kindErrors = fieldErrors(error, 'kind');
  const limitErrors = badLimit ? ['Enter a whole number, or leave it empty for no limit.'] : fieldErrors(error, 'wipLimit');
  const rest = otherFieldErrors(error, LANE_FIELDS);
  const problem = error && nameErrors.length + kindErrors.length + limitErrors.length === 0 ? describeProblem(error) : null;

  return (
    <li className={`lane-row${dirty ? ' lane-row--dirty' : ''}`} data-testid={`lane-row-${lane.id}`}>
      <form className="lane-row__form" onSubmit={(e) => void save(e)} noValidate aria-label={`Lane ${lane.name}`}>
        <span className="lane-row__position" aria-hidden="true">
          {index + 1}
        </span>
        <div className="form__field lane-row__name">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            name="name"
            type="text"
            value={shown.name}
            maxLength={LIMITS.laneNameMaxLength}
            disabled={!canEdit}
            onChange={(e) => edit({ name: e.target.value })}
            aria-invalid={nameErrors.length > 0 || undefined}
            aria-describedby={describedBy(nameErrors.length > 0 && `${id}-name-error`)}
            data-testid={`lane-name-${lane.id}`}
          />
          <FieldError id={`${id}-name-error`} messages={nameErrors} />
        </div>
        <div className="form__field lane-row__kind">
          {backlog ? (
            <>
              <span className="form__label">Kind</span>
              <span className="lane-row__fixed">
                Backlog <span className="muted">(always first)</span>
              </span>
            </>
          ) : (
            <>
              <label htmlFor={`${id}-kind`}>Kind</label>
              <select
                id={`${id}-kind`}
                name="kind"
                value={shown.kind}
                disabled={!canEdit}
                onChange={(e) => edit({ kind: e.target.value as LaneKind })}
                aria-invalid={kindErrors.length > 0 || undefined}
                aria-describedby={describedBy(kindErrors.length > 0 && `${id}-kind-error`)}
                data-testid={`lane-kind-${lane.id}`}
              >
                {EDITABLE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            </>
          )}
          <FieldError id={`${id}-kind-error`} messages={kindErrors} />
        </div>
        <div className="form__field lane-row__limit">
          <label htmlFor={`${id}-limit`}>WIP limit</label>
          <input
            id={`${id}-limit`}
            name="wipLimit"
            type="number"
            inputMode="numeric"
            min={LIMITS.wipLimit.min}
            max={LIMITS.wipLimit.max}
            step={1}
            placeholder="none"
            value={shown.wipLimit}
            disabled={!canEdit}
            onChange={(e) => {
              setBadLimit(false);
              edit({ wipLimit: e.target.value });
            }}
            aria-invalid={limitErrors.length > 0 || undefined}
            aria-describedby={describedBy(
              `${id}-count`,
              belowCount && `${id}-below`,
              limitErrors.length > 0 && `${id}-limit-error`,
            )}
            data-testid={`lane-limit-${lane.id}`}
          />
          <p className="form__hint" id={`${id}-count`}>
            Holds {lane.count} {lane.count === 1 ? 'card' : 'cards'}
            {shown.wipLimit.trim() === '' ? '; empty: no limit' : ''}
          </p>
          {belowCount && (
            <p className="form__hint form__hint--warn" id={`${id}-below`} data-testid={`lane-below-count-${lane.id}`}>
              Below its count: nothing enters until it is under.
            </p>
          )}
          <FieldError id={`${id}-limit-error`} messages={limitErrors} testId={`lane-limit-error-${lane.id}`} />
        </div>
        <div className="lane-row__untested">
          {!backlog && (
            <>
              <input
                id={`${id}-untested`}
                name="untested"
                type="checkbox"
                checked={shown.untested}
                disabled={!canEdit}
                onChange={(e) => edit({ untested: e.target.checked })}
                aria-describedby={`${id}-untested-hint`}
                data-testid={`lane-untested-${lane.id}`}
              />
              <label htmlFor={`${id}-untested`}>Untested</label>
              <span className="sr-only" id={`${id}-untested-hint`}>
                Work here is built but not yet verified; it counts toward stopping the line.
              </span>
            </>
          )}
        </div>
        {canEdit && (
          <div className="lane-row__actions">
            <button
              type="submit"
              className={`button${dirty ? ' button--primary' : ''}`}
              disabled={busy}
              data-testid={`lane-save-${lane.id}`}
            >
              {update.isPending ? 'Saving…' : 'Save'}
              <span className="sr-only"> {lane.name}</span>
            </button>
            <button
              type="button"
              className="button button--icon"
              onClick={() => moveTo(index - 1)}
              disabled={busy || backlog || index <= 1}
              aria-label={`Move ${lane.name} up (earlier in the flow)`}
              data-testid={`lane-up-${lane.id}`}
            >
              <span aria-hidden="true">↑</span>
            </button>
            <button
              type="button"
              className="button button--icon"
              onClick={() => moveTo(index + 1)}
              disabled={busy || backlog || index >= total - 1}
              aria-label={`Move ${lane.name} down (later in the flow)`}
              data-testid={`lane-down-${lane.id}`}
            >
              <span aria-hidden="true">↓</span>
            </button>
            {!backlog &&
              (confirmDelete ? (
                <span className="lane-row__confirm" role="group" aria-label={`Confirm deleting ${lane.name}`}>
                  <button
                    type="button"
                    className="button button--danger"
                    onClick={() => void doDelete()}
                    disabled={busy}
                    data-testid={`lane-delete-confirm-${lane.id}`}
                    autoFocus
                  >
                    {remove.isPending ? 'Deleting…' : `Delete ${lane.name}`}
                  </button>
                  <button
                    type="button"
                    className="button"
                    onClick={() => {
                      setConfirmDelete(false);
                      setTimeout(() => deleteRef.current?.focus(), 0);
                    }}
                  >
                    Keep it
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  ref={deleteRef}
                  className="button"
                  onClick={() => {
                    setError(null);
                    setConfirmDelete(true);
                  }}
                  disabled={busy}
                  data-testid={`lane-delete-${lane.id}`}
                >
                  Delete<span className="sr-only"> {lane.name}</span>
                </button>
              ))}
          </div>
        )}
      </form>
      {(problem || rest.length > 0) && (
        <div className="alert lane-row__error" role="alert" data-testid={`lane-error-${lane.id}`}>
          <div>
            {problem && (
              <>
                <p className="alert__text">
                  <strong>{problem.title}</strong>
                </p>
                {problem.detail && <p className="alert__text">{problem.detail}</p>}
              </>
            )}
            {rest.map((m) => (
              <p className="alert__text" key={m}>
                {m}
              </p>
            ))}
          </div>
          <button type="button" className="alert__dismiss" onClick={() => setError(null)}>
            Dismiss
          </button>
        </div>
      )}
    </li>
  );
}

const emptyNewLane: LaneDraft = { name: '', kind: 'Queue', wipLimit: '', untested: false };

function AddLaneForm({ boardId, lanes, announce }: { boardId: string; lanes: Lane[]; announce: (m: string) => void }) {
  const { add } = useLaneCommands(boardId);
  const [draft, setDraft] = useState<LaneDraft>(emptyNewLane);
  const [position, setPosition] = useState('end');
  const [badLimit, setBadLimit] = useState(false);
  const id = useId();

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const limitInput = e.currentTarget.elements.namedItem('wipLimit');
    if (limitInput instanceof HTMLInputElement && limitInput.validity.badInput) {
      setBadLimit(true);
      return;
    }
    setBadLimit(false);
    const request = draftToLaneRequest(draft);
    add.mutate(position === 'end' ? request : { ...request, order: Number(position) }, {
      onSuccess: (lane) => {
        announce(`Lane ${lane.name} added.`);
        setDraft(emptyNewLane);
        setPosition('end');
      },
    });
  };

  const error = add.error;
  const nameErrors = fieldErrors(error, 'name');
  const kindErrors = fieldErrors(error, 'kind');
  const limitErrors = badLimit ? ['Enter a whole number, or leave it empty for no limit.'] : fieldErrors(error, 'wipLimit');
  const rest = otherFieldErrors(error, LANE_FIELDS);
  const problem = error && nameErrors.length + kindErrors.length + limitErrors.length === 0 ? describeProblem(error) : null;

  return (
    <form className="add-lane" onSubmit={submit} noValidate aria-labelledby={`${id}-title`} data-testid="add-lane-form">
      <h3 id={`${id}-title`}>Add a lane</h3>
      {(problem || rest.length > 0) && (
        <div className="alert" role="alert" data-testid="add-lane-error">
          <div>
            {problem && (
              <>
                <p className="alert__text">
                  <strong>{problem.title}</strong>
                </p>
                {problem.detail && <p className="alert__text">{problem.detail}</p>}
              </>
            )}
            {rest.map((m) => (
              <p className="alert__text" key={m}>
                {m}
              </p>
            ))}
          </div>
        </div>
      )}
      <div className="add-lane__fields">
        <div className="form__field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            name="name"
            type="text"
            maxLength={LIMITS.laneNameMaxLength}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            aria-invalid={nameErrors.length > 0 || undefined}
            aria-describedby={describedBy(nameErrors.length > 0 && `${id}-name-error`)}
            data-testid="add-lane-name"
          />
          <FieldError id={`${id}-name-error`} messages={nameErrors} />
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select
            id={`${id}-kind`}
            name="kind"
            value={draft.kind}
            onChange={(e) => setDraft({ ...draft, kind: e.target.value as LaneKind })}
            aria-invalid={kindErrors.length > 0 || undefined}
            aria-describedby={describedBy(kindErrors.length > 0 && `${id}-kind-error`)}
            data-testid="add-lane-kind"
          >
            {EDITABLE_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-kind-error`} messages={kindErrors} />
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-limit`}>WIP limit</label>
          <input
            id={`${id}-limit`}
            name="wipLimit"
            type="number"
            inputMode="numeric"
            min={LIMITS.wipLimit.min}
            max={LIMITS.wipLimit.max}
            step={1}
            placeholder="none"
            value={draft.wipLimit}
            onChange={(e) => {
              setBadLimit(false);
              setDraft({ ...draft, wipLimit: e.target.value });
            }}
            aria-invalid={limitErrors.length > 0 || undefined}
            aria-describedby={describedBy(`${id}-limit-hint`, limitErrors.length > 0 && `${id}-limit-error`)}
            data-testid="add-lane-limit"
          />
          <p className="form__hint" id={`${id}-limit-hint`}>
            Empty: no limit
          </p>
          <FieldError id={`${id}-limit-error`} messages={limitErrors} />
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-position`}>Position</label>
          <select
            id={`${id}-position`}
            name="order"
            value={position}
            onChange={(e) => setPosition(e.target.value)}
            data-testid="add-lane-position"
          >
            <option value="end">At the end</option>
            {lanes
              .filter((l) => l.kind !== 'Backlog')
              .map((l, i) => (
                <option key={l.id} value={String(i + 1)}>
                  Before {l.name}
                </option>
              ))}
          </select>
        </div>
        <div className="lane-row__untested add-lane__untested">
          <input
            id={`${id}-untested`}
            name="untested"
            type="checkbox"
            checked={draft.untested}
            onChange={(e) => setDraft({ ...draft, untested: e.target.checked })}
            data-testid="add-lane-untested"
          />
          <label htmlFor={`${id}-untested`}>Untested</label>
        </div>
        <div>
          <button type="submit" className="button button--primary" disabled={add.isPending} data-testid="add-lane-submit">
            {add.isPending ? 'Adding…' : 'Add lane'}
          </button>
        </div>
      </div>
    </form>
  );
}

/** The board's lanes in flow order, each editable in place, and a form to add one. */
export function LanesEditor({ boardId, lanes, canEdit }: { boardId: string; lanes: Lane[]; canEdit: boolean }) {
  const [status, setStatus] = useState('');
  const ordered = sortLanes(lanes);

  return (
    <div className="lanes-editor">
      <p className="muted lanes-editor__intro">
        Lanes in flow order, left to right on the board. The backlog stays first; a board keeps at least one done
        lane. A queue holds work waiting to be pulled, an active lane work being done; untested lanes hold work built
        but not yet verified, and count toward stopping the line. Lowering a WIP limit below a lane&rsquo;s count moves
        no card out, but nothing enters until it is under.
      </p>
      <ol className="lane-rows" data-testid="lane-rows">
        {ordered.map((lane, index) => (
          <LaneRow
            key={lane.id}
            boardId={boardId}
            lane={lane}
            index={index}
            total={ordered.length}
            canEdit={canEdit}
            announce={setStatus}
          />
        ))}
      </ol>
      <p className="form__saved" role="status" aria-live="polite" data-testid="lanes-status">
        {status}
      </p>
      {canEdit && <AddLaneForm boardId={boardId} lanes={ordered} announce={setStatus} />}
    </div>
  );
}
