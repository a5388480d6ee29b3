import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type ScreenReaderInstructions,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type FormEvent } from 'react';
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
import { UnsavedMarker, useUnsavedChanges } from './unsavedChanges';
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

/** Which control of a lane moved it, so focus can return to it once the lane is in its new place. */
type MoveControl = 'earlier' | 'later' | 'handle';

interface LaneRowProps {
  boardId: string;
  lane: Lane;
  index: number;
  total: number;
  canEdit: boolean;
  /** A reorder is on its way to the server: no other may start. */
  reordering: boolean;
  /** Why the server refused this lane's last reorder, if it did. */
  moveError: unknown;
  onDismissMoveError: () => void;
  onMove: (lane: Lane, order: number, control: MoveControl) => void;
  announce: (message: string) => void;
}

/** One lane: its fields edited and saved together, moved earlier or later, or deleted after a confirmation. */
function LaneRow({ boardId, lane, index, total, canEdit, reordering, moveError, onDismissMoveError, onMove, announce }: LaneRowProps) {
  const { update, remove } = useLaneCommands(boardId);
  // null while untouched, so the row follows the server (another tab, the hub) until it is edited.
  const [draft, setDraft] = useState<LaneDraft | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [ownError, setError] = useState<unknown>(null);
  const [badLimit, setBadLimit] = useState(false);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  const backlog = lane.kind === 'Backlog';
  const sortable = useSortable({ id: lane.id, disabled: backlog || !canEdit || reordering });

  const shown = draft ?? laneToDraft(lane);
  const dirty = draft !== null && !sameLaneDraft(draft, laneToDraft(lane));
  useUnsavedChanges(`lanes:${lane.id}`, canEdit && dirty);
  const busy = update.isPending || remove.isPending;
  const edit = (patch: Partial<LaneDraft>) => setDraft({ ...shown, ...patch });
  const error = ownError ?? moveError;

  const limitValue = shown.wipLimit.trim() === '' ? null : Number(shown.wipLimit);
  const belowCount = limitValue != null && Number.isFinite(limitValue) && limitValue > 0 && limitValue < lane.count;

  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const limitInput = e.currentTarget.elements.namedItem('wipLimit');
    if (limitInput instanceof HTMLInputElement && limitInput.validity.badInput) {
      setBadLimit(true);
      return;
    }
    setBadLimit(false);
    setError(null);
    onDismissMoveError();
    try {
      await update.mutateAsync({ laneId: lane.id, body: { ...draftToLaneRequest(shown), order: index } });
      announce(`Lane ${shown.name.trim() || lane.name} saved.`);
      setDraft(null);
    } catch (err) {
      setError(err);
    }
  };

  const doDelete = async () => {
    setError(null);
    onDismissMoveError();
    try {
      await remove.mutateAsync(lane.id);
      announce(`Lane ${lane.name} deleted.`);
    } catch (e) {
      setConfirmDelete(false);
      setError(e);
      setTimeout(() => deleteRef.current?.focus(), 0);
    }
  };

  // Moves stay focusable while unavailable (aria-disabled, not disabled): a lane moved to an end keeps
  // focus on the button that moved it instead of dropping it on the page.
  const canMoveEarlier = !backlog && index > 1;
  const canMoveLater = !backlog && index < total - 1;
  const move = (order: number, control: MoveControl, allowed: boolean) => {
    if (!allowed || reordering || busy) return;
    setError(null);
    onMove(lane, order, control);
  };

  const nameErrors = fieldErrors(error, 'name');
  const kindErrors = fieldErrors(error, 'kind');
  const limitErrors = badLimit ? ['Enter a whole number, or leave it empty for no limit.'] : fieldErrors(error, 'wipLimit');
  const rest = otherFieldErrors(error, LANE_FIELDS);
  const problem =
    error && nameErrors.length + kindErrors.length + limitErrors.length + rest.length === 0
      ? describeProblem(error, `${lane.name} was not changed`)
      : null;
  const markerId = `${id}-unsaved`;

  return (
    <li
      ref={sortable.setNodeRef}
      style={{ transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition }}
      className={`lane-row${dirty ? ' lane-row--dirty' : ''}${sortable.isDragging ? ' lane-row--dragging' : ''}`}
      data-testid={`lane-row-${lane.id}`}
      data-lane-id={lane.id}
    >
      <form className="lane-row__form" onSubmit={(e) => void save(e)} noValidate aria-label={`Lane ${lane.name}`}>
        <div className="lane-row__handle">
          {canEdit && !backlog && (
            <button
              type="button"
              ref={sortable.setActivatorNodeRef}
              className="button button--icon lane-row__drag"
              {...sortable.attributes}
              {...sortable.listeners}
              aria-disabled={reordering || undefined}
              aria-label={`Reorder ${lane.name}, position ${index + 1} of ${total}`}
              title="Drag to reorder, or press Space and use the arrow keys"
              data-lane-control="handle"
              data-testid={`lane-drag-${lane.id}`}
            >
              <span aria-hidden="true">⠿</span>
            </button>
          )}
        </div>
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
              aria-describedby={dirty ? markerId : undefined}
              data-testid={`lane-save-${lane.id}`}
            >
              {update.isPending && !reordering ? 'Saving…' : 'Save'}
              <span className="sr-only"> {lane.name}</span>
            </button>
            {!backlog && (
              <>
                <button
                  type="button"
                  className="button button--icon"
                  onClick={() => move(index - 1, 'earlier', canMoveEarlier)}
                  aria-disabled={!canMoveEarlier || reordering || busy || undefined}
                  aria-label={`Move ${lane.name} earlier (one place left on the board)`}
                  title="Move earlier (left on the board)"
                  data-lane-control="earlier"
                  data-testid={`lane-up-${lane.id}`}
                >
                  <span aria-hidden="true">↑</span>
                </button>
                <button
                  type="button"
                  className="button button--icon"
                  onClick={() => move(index + 1, 'later', canMoveLater)}
                  aria-disabled={!canMoveLater || reordering || busy || undefined}
                  aria-label={`Move ${lane.name} later (one place right on the board)`}
                  title="Move later (right on the board)"
                  data-lane-control="later"
                  data-testid={`lane-down-${lane.id}`}
                >
                  <span aria-hidden="true">↓</span>
                </button>
              </>
            )}
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
                    onDismissMoveError();
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
      {canEdit && dirty && (
        <p className="lane-row__unsaved">
          <UnsavedMarker id={markerId} testId={`lane-unsaved-${lane.id}`} />
          <span className="muted"> Save {lane.name} to keep them.</span>
        </p>
      )}
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
          <button
            type="button"
            className="alert__dismiss"
            onClick={() => {
              setError(null);
              onDismissMoveError();
            }}
          >
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
  const dirty = !sameLaneDraft(draft, emptyNewLane) || position !== 'end';
  useUnsavedChanges('lanes:new', dirty);

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
      <div className="settings-section__header">
        <h3 id={`${id}-title`}>Add a lane</h3>
        {dirty && <UnsavedMarker testId="add-lane-unsaved" />}
      </div>
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

const screenReaderInstructions: ScreenReaderInstructions = {
  draggable:
    'To reorder a lane, press Space or Enter on its handle, move it with the up and down arrow keys, then press Space or Enter to drop it, or Escape to cancel. The Move earlier and Move later buttons move it one place.',
};

/** The lanes in `ids`' order (an order waiting for the server), or as the server ordered them. */
function inOrder(lanes: readonly Lane[], ids: readonly string[] | null): Lane[] {
  const sorted = sortLanes(lanes);
  if (!ids || ids.length !== sorted.length) return sorted;
  const byId = new Map(sorted.map((l) => [l.id, l]));
  const out = ids.map((laneId) => byId.get(laneId)).filter((l): l is Lane => l !== undefined);
  return out.length === sorted.length ? out : sorted;
}

function moved(ids: readonly string[], laneId: string, order: number): string[] {
  const out = ids.filter((x) => x !== laneId);
  out.splice(order, 0, laneId);
  return out;
}

/**
 * The board's lanes in flow order, each editable in place, reordered by drag, by the keyboard on a
 * lane's handle, or by its Move buttons; and a form to add one. A reorder shows at once and is undone
 * if the server refuses it, with the server's reason on the lane.
 */
export function LanesEditor({ boardId, lanes, canEdit }: { boardId: string; lanes: Lane[]; canEdit: boolean }) {
  const [status, setStatus] = useState('');
  const { update } = useLaneCommands(boardId);
  // The order shown while a reorder is on its way; dropped once the server's lanes arrive.
  const [pending, setPending] = useState<{ ids: string[]; base: Lane[] } | null>(null);
  const [reordering, setReordering] = useState(false);
  const [moveError, setMoveError] = useState<{ laneId: string; error: unknown } | null>(null);
  const focusAfterMove = useRef<{ laneId: string; control: MoveControl } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  const ordered = useMemo(() => inOrder(lanes, pending && pending.base === lanes ? pending.ids : null), [lanes, pending]);
  const orderedRef = useRef(ordered);
  orderedRef.current = ordered;

  useEffect(() => {
    setPending((p) => (p && p.base !== lanes ? null : p));
  }, [lanes]);

  // A lane that moved is put back in the list elsewhere, and the browser drops the focus it held: give it back.
  useLayoutEffect(() => {
    const wanted = focusAfterMove.current;
    if (!wanted || !listRef.current) return;
    const target = listRef.current.querySelector<HTMLElement>(
      `[data-lane-id="${CSS_escape(wanted.laneId)}"] [data-lane-control="${wanted.control}"]`,
    );
    const active = document.activeElement;
    if (target && active !== target && (active == null || active === document.body || !listRef.current.contains(active))) {
      target.focus();
    }
  });

  const reorder = async (lane: Lane, order: number, control: MoveControl) => {
    const current = orderedRef.current;
    const from = current.findIndex((l) => l.id === lane.id);
    const to = Math.max(current[0]?.kind === 'Backlog' ? 1 : 0, Math.min(order, current.length - 1));
    if (reordering || from < 0 || from === to) return;
    setMoveError(null);
    setStatus('');
    focusAfterMove.current = { laneId: lane.id, control };
    setPending({ ids: moved(current.map((l) => l.id), lane.id, to), base: lanes });
    setReordering(true);
    try {
      await update.mutateAsync({ laneId: lane.id, body: { ...draftToLaneRequest(laneToDraft(lane)), order: to } });
      setStatus(`${lane.name} moved to position ${to + 1} of ${current.length}.`);
    } catch (error) {
      setPending(null);
      setMoveError({ laneId: lane.id, error });
      setStatus(`${lane.name} was not moved.`);
    } finally {
      setReordering(false);
    }
  };

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const nameOf = (laneId: UniqueIdentifier | undefined) => orderedRef.current.find((l) => l.id === laneId)?.name ?? 'The lane';
  const positionOf = (laneId: UniqueIdentifier | undefined) => orderedRef.current.findIndex((l) => l.id === laneId) + 1;
  const announcements = useMemo<Announcements>(
    () => ({
      onDragStart: ({ active }) =>
        `Picked up ${nameOf(active.id)}, position ${positionOf(active.id)} of ${orderedRef.current.length}.`,
      // Over its own place (as at the pick-up) says nothing, so the pick-up is heard.
      onDragOver: ({ active, over }) =>
        over && over.id !== active.id
          ? `${nameOf(active.id)} is over position ${positionOf(over.id)} of ${orderedRef.current.length}.`
          : undefined,
      onDragEnd: ({ active, over }) =>
        over && over.id !== active.id
          ? `${nameOf(active.id)} dropped at position ${positionOf(over.id)} of ${orderedRef.current.length}.`
          : `${nameOf(active.id)} was dropped where it was.`,
      onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled. It is back where it was.`,
    }),
    // nameOf and positionOf read the current order through a ref.
    [],
  );

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || over.id === active.id) return;
    const lane = orderedRef.current.find((l) => l.id === active.id);
    const to = orderedRef.current.findIndex((l) => l.id === over.id);
    if (lane && to >= 0) void reorder(lane, to, 'handle');
  };

  const movable = ordered.filter((l) => l.kind !== 'Backlog').map((l) => l.id);

  return (
    <div className="lanes-editor">
      <p className="muted lanes-editor__intro">
        Lanes in flow order: top to bottom here is left to right on the board. Drag a lane by its handle, or use the
        arrows, to reorder it. The backlog stays first; a board keeps at least one done lane. A queue holds work waiting
        to be pulled, an active lane work being done; untested lanes hold work built but not yet verified, and count
        toward stopping the line. Lowering a WIP limit below a lane&rsquo;s count moves no card out, but nothing enters
        until it is under.
      </p>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        accessibility={{ announcements, screenReaderInstructions }}
        onDragEnd={onDragEnd}
      >
        <SortableContext items={movable} strategy={verticalListSortingStrategy}>
          <ol className="lane-rows" data-testid="lane-rows" ref={listRef} aria-busy={reordering || undefined}>
            {ordered.map((lane, index) => (
              <LaneRow
                key={lane.id}
                boardId={boardId}
                lane={lane}
                index={index}
                total={ordered.length}
                canEdit={canEdit}
                reordering={reordering}
                moveError={moveError?.laneId === lane.id ? moveError.error : null}
                onDismissMoveError={() => setMoveError((m) => (m?.laneId === lane.id ? null : m))}
                onMove={(l, order, control) => void reorder(l, order, control)}
                announce={setStatus}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <p className="form__saved" role="status" aria-live="polite" data-testid="lanes-status">
        {status}
      </p>
      {canEdit && <AddLaneForm boardId={boardId} lanes={ordered} announce={setStatus} />}
    </div>
  );
}

/** CSS.escape where the browser has it (ids are GUIDs, so a plain fallback is safe). */
function CSS_escape(value: string): string {
  return typeof window.CSS?.escape === 'function' ? window.CSS.escape(value) : value.replace(/["\\]/g, '\\$&');
}
