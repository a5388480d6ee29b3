import { useId, useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../../api/http';
import { describeProblem } from '../../api/problems';
import type { GateResult, TicketRequest } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { classLabel } from '../board/cardLabels';
import { DuplicateSuggestions } from './DuplicateList';
import { otherCandidates } from './duplicates';
import { GateLine } from './GateLine';
import { CLASSES, emptyDraft, submitState, toTicketRequest, type TicketDraft } from './ticketForm';
import { useGateCheck } from './useGateCheck';

export interface TicketFormProps {
  boardId: string;
  /** The ticket's current text when editing; an empty draft otherwise. */
  initial?: TicketDraft;
  /** What the button says once every gate passes: "Submit for triage", "Resubmit for triage", "Save changes". */
  readyLabel: string;
  pendingLabel: string;
  /** Sends the body; rejecting with an ApiError shows it in the form (400 errors beside their fields). */
  onSubmit: (body: TicketRequest) => Promise<unknown>;
  onCancel?: () => void;
  /** Milliseconds of quiet before the gates are checked (tests may shorten it). */
  checkDelay?: number;
  /** The ticket being edited: never suggested as a duplicate of itself. */
  ticketId?: string;
}

/** The fields a gate judges, by the gate's name. */
const GATED_FIELDS = ['title', 'description', 'definition-of-done', 'estimate'];

/** The server's 400 messages for a field, also those keyed by its items (`definitionOfDone[1]`). */
function errorsFor(error: unknown, field: string): string[] {
  if (!isApiError(error)) return [];
  const wanted = field.toLowerCase();
  return Object.entries(error.fieldErrors)
    .filter(([name]) => {
      const n = name.toLowerCase().replace(/^\$\./, '');
      return n === wanted || n.startsWith(`${wanted}[`);
    })
    .flatMap(([, messages]) => messages);
}

/**
 * Title, description, definition of done (a list of criteria), estimate and class, with each
 * quality gate's result beside its field as the user types (debounced POST /api/tickets/check).
 * The button says what is still missing and stays disabled while a gate fails. Under the form,
 * "Is it one of these?" lists the tickets the check found alike, as the title or description changes.
 */
export function TicketForm({ boardId, initial, readyLabel, pendingLabel, onSubmit, onCancel, checkDelay, ticketId }: TicketFormProps) {
  const id = useId();
  const [draft, setDraft] = useState<TicketDraft>(() => initial ?? emptyDraft());
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const check = useGateCheck(boardId, draft, checkDelay, ticketId);
  const focusCriterion = useRef<number | null>(null);
  // A field is marked invalid once its text has been worked on (or was there already, when editing):
  // an empty new form is not a list of mistakes.
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set(initial ? GATED_FIELDS : []));
  const touch = (gateName: string) => setTouched((t) => (t.has(gateName) ? t : new Set([...t, gateName])));

  const gates = check.result?.gates;
  const gate = (name: string): GateResult | undefined => gates?.find((g) => g.gate === name);
  const state = submitState({
    gates,
    stale: check.stale,
    pending,
    checkFailed: !!check.error,
    readyLabel,
    pendingLabel,
  });
  const passed = gates?.filter((g) => g.passed).length ?? 0;

  const set = <K extends keyof TicketDraft>(field: K, value: TicketDraft[K]) => {
    touch(field);
    setDraft((d) => ({ ...d, [field]: value }));
  };
  const setCriterion = (index: number, value: string) => {
    touch('definition-of-done');
    setDraft((d) => ({ ...d, definitionOfDone: d.definitionOfDone.map((c, i) => (i === index ? value : c)) }));
  };
  const addCriterion = () => {
    focusCriterion.current = draft.definitionOfDone.length;
    setDraft((d) => ({ ...d, definitionOfDone: [...d.definitionOfDone, ''] }));
  };
  const removeCriterion = (index: number) => {
    focusCriterion.current = Math.max(0, index - 1);
    setDraft((d) => {
      const rest = d.definitionOfDone.filter((_, i) => i !== index);
      return { ...d, definitionOfDone: rest.length > 0 ? rest : [''] };
    });
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (state.disabled) return;
    setError(null);
    setPending(true);
    try {
      await onSubmit(toTicketRequest(draft));
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };

  const fieldIds = {
    title: `${id}-title`,
    description: `${id}-description`,
    dod: `${id}-dod`,
    estimate: `${id}-estimate`,
    class: `${id}-class`,
  };
  const gateId = (name: string) => `${id}-gate-${name}`;
  const errorId = (name: string) => `${id}-error-${name}`;
  const describedBy = (name: string, errors: string[]) =>
    [gate(name) ? gateId(name) : '', errors.length > 0 ? errorId(name) : ''].filter(Boolean).join(' ') || undefined;
  const invalid = (name: string, errors: string[]) => errors.length > 0 || (touched.has(name) && gate(name)?.passed === false) || undefined;

  const titleErrors = errorsFor(error, 'title');
  const descriptionErrors = errorsFor(error, 'description');
  const dodErrors = errorsFor(error, 'definitionOfDone');
  const estimateErrors = errorsFor(error, 'estimateDays');
  const classErrors = errorsFor(error, 'class');
  const anyFieldErrors = [titleErrors, descriptionErrors, dodErrors, estimateErrors, classErrors].some((l) => l.length > 0);
  const general = error && !anyFieldErrors ? describeProblem(error, 'The ticket could not be saved') : null;
  const checkProblem = check.error ? describeProblem(check.error, 'The gates could not be checked') : null;

  const fieldError = (name: string, errors: string[], testField: string) =>
    errors.length > 0 && (
      <p className="form__error" id={errorId(name)} data-testid={`field-error-${testField}`}>
        {errors.join(' ')}
      </p>
    );

  return (
    <form className="form ticket-form" onSubmit={(e) => void submit(e)} noValidate data-testid="ticket-form" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="sr-only">
        Ticket
      </h2>
      <section className="ticket-form__gates" aria-label="Quality gates" aria-live="polite" data-testid="ticket-gates">
        <p className="ticket-form__summary">
          {gates
            ? passed === gates.length
              ? `All ${gates.length} quality gates pass.`
              : `${passed} of ${gates.length} quality gates pass.`
            : 'The quality gates are checked as you type.'}
        </p>
        <GateLine gate={gate('duplicate')} id={gateId('duplicate')} showName />
        {checkProblem && <ProblemAlert problem={checkProblem} testId="ticket-check-error" onRetry={check.retry} />}
      </section>

      {general && (
        <ProblemAlert
          problem={general}
          testId="ticket-form-error"
          onDismiss={() => setError(null)}
          // Failing gates already show at their fields: the alert does not list them again.
          showItems={!(general.name === 'quality-gate-failed' && gates && passed < gates.length)}
        />
      )}

      <div className="form__field">
        <label htmlFor={fieldIds.title}>Title</label>
        <input
          id={fieldIds.title}
          name="title"
          value={draft.title}
          onChange={(e) => set('title', e.target.value)}
          autoComplete="off"
          aria-invalid={invalid('title', titleErrors)}
          aria-describedby={describedBy('title', titleErrors)}
          data-testid="ticket-title"
        />
        <GateLine gate={gate('title')} id={gateId('title')} />
        {fieldError('title', titleErrors, 'title')}
      </div>

      <div className="form__field">
        <label htmlFor={fieldIds.description}>Description: what needs doing</label>
        <textarea
          id={fieldIds.description}
          name="description"
          rows={5}
          value={draft.description}
          onChange={(e) => set('description', e.target.value)}
          aria-invalid={invalid('description', descriptionErrors)}
          aria-describedby={describedBy('description', descriptionErrors)}
          data-testid="ticket-description"
        />
        <GateLine gate={gate('description')} id={gateId('description')} />
        {fieldError('description', descriptionErrors, 'description')}
      </div>

      <fieldset className="form__fieldset ticket-form__dod" aria-describedby={describedBy('definition-of-done', dodErrors)}>
        <legend>Definition of done</legend>
        <p className="form__hint">One checkable criterion per row.</p>
        <ol className="ticket-form__criteria">
          {draft.definitionOfDone.map((criterion, index) => (
            <li key={index} className="ticket-form__criterion">
              <label htmlFor={`${fieldIds.dod}-${index}`} className="sr-only">
                Criterion {index + 1}
              </label>
              <input
                id={`${fieldIds.dod}-${index}`}
                ref={(el) => {
                  if (el && focusCriterion.current === index) {
                    focusCriterion.current = null;
                    el.focus();
                  }
                }}
                value={criterion}
                onChange={(e) => setCriterion(index, e.target.value)}
                autoComplete="off"
                aria-invalid={invalid('definition-of-done', dodErrors)}
                data-testid={`ticket-dod-${index}`}
              />
              <button
                type="button"
                className="button button--icon"
                onClick={() => removeCriterion(index)}
                aria-label={`Remove criterion ${index + 1}`}
                data-testid={`ticket-dod-remove-${index}`}
                disabled={draft.definitionOfDone.length === 1 && !criterion}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ol>
        <button type="button" className="button" onClick={addCriterion} data-testid="ticket-dod-add">
          Add a criterion
        </button>
        <GateLine gate={gate('definition-of-done')} id={gateId('definition-of-done')} />
        {fieldError('definition-of-done', dodErrors, 'definitionOfDone')}
      </fieldset>

      <div className="ticket-form__row">
        <div className="form__field">
          <label htmlFor={fieldIds.estimate}>Estimate (working days)</label>
          <input
            id={fieldIds.estimate}
            name="estimateDays"
            type="number"
            inputMode="decimal"
            min={0.5}
            step={0.5}
            value={draft.estimate}
            onChange={(e) => set('estimate', e.target.value)}
            aria-invalid={invalid('estimate', estimateErrors)}
            aria-describedby={describedBy('estimate', estimateErrors)}
            data-testid="ticket-estimate"
          />
          <GateLine gate={gate('estimate')} id={gateId('estimate')} />
          {fieldError('estimate', estimateErrors, 'estimateDays')}
        </div>
        <div className="form__field">
          <label htmlFor={fieldIds.class}>Class</label>
          <select
            id={fieldIds.class}
            name="class"
            value={draft.class}
            onChange={(e) => set('class', e.target.value as TicketDraft['class'])}
            aria-invalid={classErrors.length > 0 || undefined}
            aria-describedby={classErrors.length > 0 ? errorId('class') : undefined}
            data-testid="ticket-class"
          >
            {CLASSES.map((c) => (
              <option key={c} value={c}>
                {classLabel(c)}
              </option>
            ))}
          </select>
          {fieldError('class', classErrors, 'class')}
        </div>
      </div>

      <div className="form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={state.disabled}
          aria-describedby={state.missing.length > 0 ? `${id}-missing` : undefined}
          data-testid="ticket-submit"
        >
          {state.label}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel} data-testid="ticket-cancel">
            Cancel
          </button>
        )}
      </div>
      {state.missing.length > 0 && (
        <p className="form__hint" id={`${id}-missing`} data-testid="ticket-missing">
          Still to fix: {state.missing.join(', ')}.
        </p>
      )}

      <DuplicateSuggestions duplicates={otherCandidates(check.result?.duplicates ?? [], ticketId)} headingId={`${id}-suggestions`} />
    </form>
  );
}
