import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { LIMITS } from '../../api/contract/limits';
import { describeProblem } from '../../api/problems';
import type { BoardSettings } from '../../api/types';
import {
  draftToSettingsRequest,
  fieldErrors,
  otherFieldErrors,
  SETTINGS_FIELDS,
  settingsToDraft,
  type SettingsDraft,
  type SettingsField,
} from './settingsForm';
import { useUpdateSettings } from './useSettings';

interface NumberFieldSpec {
  field: Exclude<SettingsField, 'fillerWords'>;
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
];

const LABELS: Record<SettingsField, string> = {
  personalWipLimit: 'Personal WIP limit',
  stopLineThreshold: 'Stop-the-line threshold',
  staleDays: 'Stale after',
  maxEstimateDays: 'Largest estimate',
  duplicateThreshold: 'Duplicate threshold',
  fillerWords: 'Filler words',
};

/** The board's thresholds and filler words; the server's 400 messages appear beside their fields. */
export function BoardSettingsForm({ boardId, settings, canEdit }: { boardId: string; settings: BoardSettings; canEdit: boolean }) {
  const save = useUpdateSettings(boardId);
  // null while untouched, so the form follows the server until someone edits it.
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [badInput, setBadInput] = useState<SettingsField[]>([]);
  const [status, setStatus] = useState('');
  const id = useId();

  const shown = draft ?? settingsToDraft(settings);
  const edit = (field: SettingsField, value: string) => {
    setStatus('');
    setBadInput((list) => list.filter((f) => f !== field));
    setDraft({ ...shown, [field]: value });
  };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const bad = SETTINGS_FIELDS.filter((field) => {
      const input = form.elements.namedItem(field);
      return input instanceof HTMLInputElement && input.validity.badInput;
    });
    setBadInput(bad);
    if (bad.length > 0) {
      setStatus('');
      const first = form.elements.namedItem(bad[0]!);
      if (first instanceof HTMLElement) first.focus();
      return;
    }
    setStatus('');
    save.mutate(draftToSettingsRequest(shown), {
      onSuccess: () => {
        setDraft(null);
        setStatus('Settings saved.');
      },
    });
  };

  const errorsOf = (field: SettingsField): string[] =>
    badInput.includes(field) ? ['Enter a number.'] : fieldErrors(save.error, field);
  const anyFieldError = SETTINGS_FIELDS.some((f) => errorsOf(f).length > 0);
  const rest = otherFieldErrors(save.error, SETTINGS_FIELDS);
  const problem = save.error && !anyFieldError ? describeProblem(save.error, 'The settings were not saved') : null;

  return (
    <form className="form settings-form" onSubmit={submit} noValidate data-testid="settings-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Board settings</h2>
      {(problem || rest.length > 0 || anyFieldError) && (
        <div className="alert" role="alert" data-testid="settings-error">
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
                <strong>The settings were not saved.</strong> Check{' '}
                {SETTINGS_FIELDS.filter((f) => errorsOf(f).length > 0)
                  .map((f) => LABELS[f])
                  .join(', ')}
                .
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
      {NUMBER_FIELDS.map((spec) => {
        const errors = errorsOf(spec.field);
        const inputId = `${id}-${spec.field}`;
        return (
          <div className="form__field" key={spec.field}>
            <label htmlFor={inputId}>{spec.label}</label>
            <input
              id={inputId}
              name={spec.field}
              type="number"
              inputMode={spec.step < 1 ? 'decimal' : 'numeric'}
              min={spec.min}
              max={spec.max}
              step={spec.step}
              placeholder={spec.placeholder?.(settings)}
              value={shown[spec.field]}
              disabled={!canEdit}
              onChange={(e) => edit(spec.field, e.target.value)}
              aria-invalid={errors.length > 0 || undefined}
              aria-describedby={`${inputId}-hint${errors.length > 0 ? ` ${inputId}-error` : ''}`}
              data-testid={`settings-${spec.field}`}
            />
            <p className="form__hint" id={`${inputId}-hint`}>
              {spec.hint(settings)}
            </p>
            {errors.length > 0 && (
              <p className="form__error" id={`${inputId}-error`} data-testid={`field-error-${spec.field}`}>
                {errors.join(' ')}
              </p>
            )}
          </div>
        );
      })}
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
          One word or phrase a line, up to {LIMITS.fillerWordMaxLength} characters; blank lines and repeats are dropped. A
          definition of done that uses one (&ldquo;works&rdquo;, &ldquo;as expected&rdquo;…) is refused as untestable.
        </p>
        {errorsOf('fillerWords').length > 0 && (
          <p className="form__error" id={`${id}-fillerWords-error`} data-testid="field-error-fillerWords">
            {errorsOf('fillerWords').join(' ')}
          </p>
        )}
      </div>
      {canEdit && (
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={save.isPending} data-testid="settings-save">
            {save.isPending ? 'Saving…' : 'Save settings'}
          </button>
          {draft && (
            <button
              type="button"
              className="button"
              onClick={() => {
                setDraft(null);
                setBadInput([]);
                save.reset();
              }}
            >
              Discard changes
            </button>
          )}
        </div>
      )}
      <p className="form__saved" role="status" aria-live="polite" data-testid="settings-status">
        {status}
      </p>
    </form>
  );
}
