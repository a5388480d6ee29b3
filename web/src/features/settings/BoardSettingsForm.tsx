import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { LIMITS } from '../../api/contract/limits';
import { describeProblem } from '../../api/problems';
import type { BoardSettings } from '../../api/types';
import {
  BOARD_FIELDS,
  draftDiffers,
  fieldErrors,
  GATE_FIELDS,
  STATUS_FIELDS,
  otherFieldErrors,
  settingsRequestFor,
  settingsToDraft,
  type SettingsDraft,
  type SettingsField,
} from './settingsForm';
import { UnsavedMarker, useUnsavedChanges } from './unsavedChanges';
import { useUpdateSettings } from './useSettings';

interface NumberFieldSpec {
  field: Exclude<SettingsField, 'fillerWords' | 'targetDate' | 'lineStopSound'>;
  label: string;
  hint: (settings: BoardSettings) => ReactNode;
  min: number;
  max: number;
  step: number;
  placeholder?: (settings: BoardSettings) => string;
}

/** "1–20": a range of the server's limits, as the hints show it. */
function range(limit: { readonly min: number; readonly max: number }): string {
  return `${limit.min}–${limit.max}`;
}

const NUMBER_FIELDS: NumberFieldSpec[] = [
  {
    field: 'personalWipLimit',
    label: 'Personal WIP limit',
    hint: () => `Cards one person may hold in active lanes at once (${range(LIMITS.personalWipLimit)}). Finish before starting.`,
    min: LIMITS.personalWipLimit.min,
    max: LIMITS.personalWipLimit.max,
    step: 1,
  },
  {
    field: 'stopLineThreshold',
    label: 'Stop-the-line threshold',
    hint: (s) =>
      s.effectiveStopLineThreshold > 0
        ? `Untested cards at which the line stops (${range(LIMITS.stopLineThreshold)}). Empty: automatic (${s.effectiveStopLineThreshold}), the sum of the untested lanes' limits.`
        : `Untested cards at which the line stops (${range(LIMITS.stopLineThreshold)}). Empty: automatic, the sum of the untested lanes' limits (none now, so the line never stops by itself).`,
    min: LIMITS.stopLineThreshold.min,
    max: LIMITS.stopLineThreshold.max,
    step: 1,
    placeholder: (s) => `automatic (${s.effectiveStopLineThreshold})`,
  },
  {
    field: 'staleDays',
    label: 'Stale after (working days)',
    hint: () => `A card in a queue or active lane that has not moved or changed for this long is an outlier (${range(LIMITS.staleDays)}).`,
    min: LIMITS.staleDays.min,
    max: LIMITS.staleDays.max,
    step: 1,
  },
  {
    field: 'cycleTimeWindowDays',
    label: 'Cycle times from the last (days)',
    hint: () =>
      `The cards done in this many days make the board's cycle time percentiles, which say when a card is taking unusually long (${range(LIMITS.cycleTimeWindowDays)}).`,
    min: LIMITS.cycleTimeWindowDays.min,
    max: LIMITS.cycleTimeWindowDays.max,
    step: 1,
  },
  {
    field: 'maxEstimateDays',
    label: 'Largest estimate (days)',
    hint: () => `Tickets estimated above this must be split (${range(LIMITS.maxEstimateDays)}).`,
    min: LIMITS.maxEstimateDays.min,
    max: LIMITS.maxEstimateDays.max,
    step: 0.5,
  },
  {
    field: 'duplicateThreshold',
    label: 'Duplicate threshold',
    hint: () => `Similarity (${range(LIMITS.duplicateThreshold)}) at or above which a submitted ticket is marked a likely duplicate.`,
    min: LIMITS.duplicateThreshold.min,
    max: LIMITS.duplicateThreshold.max,
    step: 0.05,
  },
  {
    field: 'duplicateWindowDays',
    label: 'Closed tickets compared for (days)',
    hint: () =>
      `How long after a ticket is rejected or done a new ticket is still compared with it for duplicates (${range(LIMITS.duplicateWindowDays)}). Open tickets are always compared.`,
    min: LIMITS.duplicateWindowDays.min,
    max: LIMITS.duplicateWindowDays.max,
    step: 1,
  },
  {
    field: 'forecastWeeks',
    label: 'Forecast from the last (weeks)',
    hint: () =>
      `The forecast samples the daily throughput of this many weeks, 10,000 times, for its 50/85/95% dates (${range(LIMITS.forecastWeeks)}).`,
    min: LIMITS.forecastWeeks.min,
    max: LIMITS.forecastWeeks.max,
    step: 1,
  },
  {
    field: 'stoppedRedPercent',
    label: 'Red when the line was stopped more than (% of this week)',
    hint: () =>
      `The status is red when the line was stopped more than this share of this week's working time (${range(LIMITS.stoppedRedPercent)} %).`,
    min: LIMITS.stoppedRedPercent.min,
    max: LIMITS.stoppedRedPercent.max,
    step: 1,
  },
];

const LABELS: Record<SettingsField, string> = {
  personalWipLimit: 'Personal WIP limit',
  stopLineThreshold: 'Stop-the-line threshold',
  staleDays: 'Stale after',
  maxEstimateDays: 'Largest estimate',
  duplicateThreshold: 'Duplicate threshold',
  duplicateWindowDays: 'Closed tickets compared for',
  cycleTimeWindowDays: 'Cycle times from the last',
  fillerWords: 'Filler words',
  forecastWeeks: 'Forecast from the last',
  targetDate: 'Target date',
  stoppedRedPercent: 'Red when the line was stopped more than',
  lineStopSound: 'Sound when the line stops',
};

interface FormSpec {
  section: 'board' | 'gates' | 'status';
  title: string;
  intro: string;
  fields: readonly SettingsField[];
  saved: string;
  notSaved: string;
  saveLabel: string;
}

const FORMS: Record<FormSpec['section'], FormSpec> = {
  board: {
    section: 'board',
    title: 'Board',
    intro: 'How much work the board lets one person hold, when the line stops, and when a card counts as stale.',
    fields: BOARD_FIELDS,
    saved: 'Board settings saved.',
    notSaved: 'The board settings were not saved',
    saveLabel: 'Save board settings',
  },
  gates: {
    section: 'gates',
    title: 'Quality gates',
    intro: 'What a submitted ticket is checked against before a product owner can accept it onto the board.',
    fields: GATE_FIELDS,
    saved: 'Gate settings saved.',
    notSaved: 'The gate settings were not saved',
    saveLabel: 'Save gate settings',
  },
  status: {
    section: 'status',
    title: 'Status and wall',
    intro:
      'What the status page forecasts from and when it turns red, and whether the wall plays a sound when the line stops. No setting chooses the colour itself.',
    fields: STATUS_FIELDS,
    saved: 'Status and wall settings saved.',
    notSaved: 'The status and wall settings were not saved',
    saveLabel: 'Save status and wall settings',
  },
};

interface SettingsFormProps {
  boardId: string;
  settings: BoardSettings;
  canEdit: boolean;
  /** The id of the form's heading, which its section is labelled by. */
  headingId?: string;
}

/** The board's flow limits (personal WIP limit, stop-the-line threshold, stale days). */
export function BoardSettingsForm(props: SettingsFormProps) {
  return <SettingsForm spec={FORMS.board} {...props} />;
}

/** The quality gates' settings (largest estimate, duplicate threshold and window, filler words). */
export function GateSettingsForm(props: SettingsFormProps) {
  return <SettingsForm spec={FORMS.gates} {...props} />;
}

/** The status page's forecast window, red threshold and target date, and the wall's line-stop sound. */
export function StatusSettingsForm(props: SettingsFormProps) {
  return <SettingsForm spec={FORMS.status} {...props} />;
}

/**
 * One form of the settings, saved on its own. The PUT carries every setting, so the fields of the
 * other form go as last saved; the server's 400 messages appear beside their fields.
 */
function SettingsForm({ spec, boardId, settings, canEdit, headingId }: SettingsFormProps & { spec: FormSpec }) {
  const save = useUpdateSettings(boardId);
  // null while untouched, so the form follows the server until someone edits it.
  const [draft, setDraft] = useState<Partial<SettingsDraft> | null>(null);
  const [badInput, setBadInput] = useState<SettingsField[]>([]);
  const [status, setStatus] = useState('');
  const id = useId();
  const titleId = headingId ?? `${id}-title`;
  const markerId = `${id}-unsaved`;
  const fields = spec.fields;

  const savedDraft = settingsToDraft(settings);
  const shown: SettingsDraft = { ...savedDraft, ...draft };
  const dirty = draftDiffers(settings, draft, fields);
  useUnsavedChanges(spec.section, canEdit && dirty);

  const edit = (field: SettingsField, value: string) => {
    setStatus('');
    setBadInput((list) => list.filter((f) => f !== field));
    setDraft((current) => ({ ...current, [field]: value }));
  };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const bad = fields.filter((field) => {
      const input = form.elements.namedItem(field);
      return input instanceof HTMLInputElement && input.validity.badInput;
    });
    setBadInput(bad);
    setStatus('');
    if (bad.length > 0) {
      const first = form.elements.namedItem(bad[0]!);
      if (first instanceof HTMLElement) first.focus();
      return;
    }
    save.mutate(settingsRequestFor(settings, draft, fields), {
      onSuccess: () => {
        setDraft(null);
        setStatus(spec.saved);
      },
    });
  };

  const errorsOf = (field: SettingsField): string[] =>
    badInput.includes(field) ? [field === 'targetDate' ? 'Enter a date.' : 'Enter a number.'] : fieldErrors(save.error, field);
  const anyFieldError = fields.some((f) => errorsOf(f).length > 0);
  const rest = otherFieldErrors(save.error, fields);
  const problem = save.error && !anyFieldError && rest.length === 0 ? describeProblem(save.error, spec.notSaved) : null;
  const numberFields = NUMBER_FIELDS.filter((f) => fields.includes(f.field));

  return (
    <form
      className="form settings-form"
      onSubmit={submit}
      noValidate
      data-testid={`settings-form-${spec.section}`}
      data-dirty={dirty || undefined}
      aria-labelledby={titleId}
    >
      <div className="settings-section__header">
        <h2 id={titleId} tabIndex={-1} className="settings-section__title">
          {spec.title}
        </h2>
        {canEdit && dirty && <UnsavedMarker id={markerId} testId={`settings-unsaved-${spec.section}`} />}
      </div>
      <p className="muted settings-section__intro">{spec.intro}</p>
      {(problem || rest.length > 0 || anyFieldError) && (
        <div className="alert" role="alert" data-testid={`settings-error-${spec.section}`}>
          <div>
            {problem ? (
              <>
                <p className="alert__text">
                  <strong>{problem.title}</strong>
                </p>
                {problem.detail && <p className="alert__text">{problem.detail}</p>}
              </>
            ) : (
              <p className="alert__text">
                <strong>{spec.notSaved}.</strong>
                {anyFieldError && (
                  <>
                    {' '}
                    Check{' '}
                    {fields
                      .filter((f) => errorsOf(f).length > 0)
                      .map((f) => LABELS[f])
                      .join(', ')}
                    .
                  </>
                )}
              </p>
            )}
            {rest.map((m) => (
              <p className="alert__text" key={m}>
                {m}
              </p>
            ))}
          </div>
        </div>
      )}
      {numberFields.map((numberField) => {
        const errors = errorsOf(numberField.field);
        const inputId = `${id}-${numberField.field}`;
        return (
          <div className="form__field" key={numberField.field}>
            <label htmlFor={inputId}>{numberField.label}</label>
            <input
              id={inputId}
              name={numberField.field}
              type="number"
              inputMode={numberField.step < 1 ? 'decimal' : 'numeric'}
              min={numberField.min}
              max={numberField.max}
              step={numberField.step}
              placeholder={numberField.placeholder?.(settings)}
              value={shown[numberField.field]}
              disabled={!canEdit}
              onChange={(e) => edit(numberField.field, e.target.value)}
              aria-invalid={errors.length > 0 || undefined}
              aria-describedby={`${inputId}-hint${errors.length > 0 ? ` ${inputId}-error` : ''}`}
              data-testid={`settings-${numberField.field}`}
            />
            <p className="form__hint" id={`${inputId}-hint`}>
              {numberField.hint(settings)}
            </p>
            {errors.length > 0 && (
              <p className="form__error" id={`${inputId}-error`} data-testid={`field-error-${numberField.field}`}>
                {errors.join(' ')}
              </p>
            )}
          </div>
        );
      })}
      {fields.includes('fillerWords') && (
        <div className="form__field">
          <label htmlFor={`${id}-fillerWords`}>Filler words</label>
          <textarea
            id={`${id}-fillerWords`}
            name="fillerWords"
            rows={8}
            value={shown.fillerWords}
            disabled={!canEdit}
            onChange={(e) => edit('fillerWords', e.target.value)}
            aria-invalid={errorsOf('fillerWords').length > 0 || undefined}
            aria-describedby={`${id}-fillerWords-hint${errorsOf('fillerWords').length > 0 ? ` ${id}-fillerWords-error` : ''}`}
            data-testid="settings-fillerWords"
            spellCheck={false}
          />
          <p className="form__hint" id={`${id}-fillerWords-hint`}>
            One word or phrase a line, up to {LIMITS.fillerWordMaxLength} characters; blank lines and repeats are dropped.
            A definition of done that uses one (&ldquo;works&rdquo;, &ldquo;as expected&rdquo;…) is refused as untestable.
          </p>
          {errorsOf('fillerWords').length > 0 && (
            <p className="form__error" id={`${id}-fillerWords-error`} data-testid="field-error-fillerWords">
              {errorsOf('fillerWords').join(' ')}
            </p>
          )}
        </div>
      )}
      {fields.includes('targetDate') && (
        <div className="form__field">
          <label htmlFor={`${id}-targetDate`}>Target date</label>
          <input
            id={`${id}-targetDate`}
            name="targetDate"
            type="date"
            min={LIMITS.targetDate.min}
            max={LIMITS.targetDate.max}
            value={shown.targetDate}
            disabled={!canEdit}
            onChange={(e) => edit('targetDate', e.target.value)}
            aria-invalid={errorsOf('targetDate').length > 0 || undefined}
            aria-describedby={`${id}-targetDate-hint${errorsOf('targetDate').length > 0 ? ` ${id}-targetDate-error` : ''}`}
            data-testid="settings-targetDate"
          />
          <p className="form__hint" id={`${id}-targetDate-hint`}>
            The status is red when the 85% forecast of the remaining work falls after this day. Empty: no target date.
          </p>
          {errorsOf('targetDate').length > 0 && (
            <p className="form__error" id={`${id}-targetDate-error`} data-testid="field-error-targetDate">
              {errorsOf('targetDate').join(' ')}
            </p>
          )}
        </div>
      )}
      {fields.includes('lineStopSound') && (
        <div className="form__field">
          <label className="form__check" htmlFor={`${id}-lineStopSound`}>
            <input
              id={`${id}-lineStopSound`}
              name="lineStopSound"
              type="checkbox"
              checked={shown.lineStopSound === 'true'}
              disabled={!canEdit}
              onChange={(e) => edit('lineStopSound', String(e.target.checked))}
              aria-invalid={errorsOf('lineStopSound').length > 0 || undefined}
              aria-describedby={`${id}-lineStopSound-hint${errorsOf('lineStopSound').length > 0 ? ` ${id}-lineStopSound-error` : ''}`}
              data-testid="settings-lineStopSound"
            />{' '}
            Sound when the line stops
          </label>
          <p className="form__hint" id={`${id}-lineStopSound-hint`}>
            The wall plays a short sound when the line stops, as well as showing it.
          </p>
          {errorsOf('lineStopSound').length > 0 && (
            <p className="form__error" id={`${id}-lineStopSound-error`} data-testid="field-error-lineStopSound">
              {errorsOf('lineStopSound').join(' ')}
            </p>
          )}
        </div>
      )}
      {canEdit && (
        <div className="form__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={save.isPending}
            aria-describedby={dirty ? markerId : undefined}
            data-testid={`settings-save-${spec.section}`}
          >
            {save.isPending ? 'Saving…' : spec.saveLabel}
          </button>
          {draft && (
            <button
              type="button"
              className="button"
              onClick={() => {
                setDraft(null);
                setBadInput([]);
                setStatus('');
                save.reset();
              }}
              data-testid={`settings-discard-${spec.section}`}
            >
              Discard changes
            </button>
          )}
        </div>
      )}
      <p className="form__saved" role="status" aria-live="polite" data-testid={`settings-status-${spec.section}`}>
        {status}
      </p>
    </form>
  );
}
