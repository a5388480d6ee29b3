import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { isApiError } from '../api/http';
import { describeProblem, type ProblemMessage } from '../api/problems';

export interface TextPromptDialogProps {
  open: boolean;
  /** Called when the dialog closes: Escape, Cancel, or after a successful submit. */
  onClose: () => void;
  title: string;
  /** A line under the title saying what happens. */
  description?: ReactNode;
  label: string;
  /** The request body's field name, to show the server's 400 errors for it beside the input. */
  field: string;
  /** Shown when the text is empty on submit. */
  requiredMessage: string;
  submitLabel: string;
  pendingLabel: string;
  maxLength?: number;
  /** Sends the text (trimmed); rejecting with an ApiError shows it in the dialog. */
  onSubmit: (text: string) => Promise<unknown>;
  /** Test ids: `{testId}` on the dialog, `{testId}-input`, `{testId}-field-error`, `{testId}-error`; `submitTestId` on submit. */
  testId: string;
  submitTestId: string;
  /** Test id of the text box (default `{testId}-input`). */
  inputTestId?: string;
  /** `danger` for a red submit button (stopping the line). */
  tone?: 'danger' | 'primary';
  /** Where focus goes on close when the element that opened the dialog is gone (it may hide once the command is done). */
  fallbackFocus?: () => HTMLElement | null | undefined;
}

function openModal(dialog: HTMLDialogElement) {
  if (dialog.open) return;
  if (typeof dialog.showModal === 'function') {
    try {
      dialog.showModal();
      return;
    } catch {
      // Not connected or not supported: fall back to a non-modal open.
    }
  }
  dialog.setAttribute('open', '');
}

/**
 * A small modal (native <dialog>: focus is trapped, Escape cancels, the page behind is inert) that
 * asks for one required piece of text, sends it, and shows the server's refusal if there is one.
 * Focus goes to the text box on open and back to whatever opened the dialog on close.
 */
export function TextPromptDialog(props: TextPromptDialogProps) {
  const { open, onClose, onSubmit } = props;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const returnFocusRef = useRef<Element | null>(null);
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open) {
      returnFocusRef.current = document.activeElement;
      setText('');
      setMissing(false);
      setError(null);
      setPending(false);
      openModal(dialog);
      inputRef.current?.focus();
    } else if (dialog.open) {
      dialog.close();
    }
  }, [open]);

  const fallbackFocus = props.fallbackFocus;
  const restoreFocus = () => {
    const target = returnFocusRef.current;
    returnFocusRef.current = null;
    // After the page has re-rendered: a successful command may have replaced the opener.
    setTimeout(() => {
      if (target instanceof HTMLElement && target.isConnected && target !== document.body) target.focus();
      else fallbackFocus?.()?.focus();
    }, 50);
  };

  const handleClose = () => {
    restoreFocus();
    onClose();
  };

  const close = () => {
    const dialog = dialogRef.current;
    if (dialog?.open) dialog.close(); // fires `close`, which calls handleClose
    else handleClose();
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (pending) return;
    const value = text.trim();
    if (!value) {
      setMissing(true);
      setError(null);
      inputRef.current?.focus();
      return;
    }
    setMissing(false);
    setError(null);
    setPending(true);
    try {
      await onSubmit(value);
      setPending(false);
      close();
    } catch (err) {
      setPending(false);
      setError(err);
      inputRef.current?.focus();
    }
  };

  const fieldErrors = isApiError(error) ? error.errorsFor(props.field) : [];
  const shownFieldErrors = missing ? [props.requiredMessage] : fieldErrors;
  const general: ProblemMessage | null = error && fieldErrors.length === 0 ? describeProblem(error) : null;
  const titleId = `${id}-title`;
  const descriptionId = `${id}-description`;
  const errorId = `${id}-field-error`;

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={props.description ? descriptionId : undefined}
      data-testid={props.testId}
      onClose={handleClose}
    >
      {open && (
        <form className="dialog__form" onSubmit={(e) => void submit(e)} noValidate>
          <h2 id={titleId} className="dialog__title">
            {props.title}
          </h2>
          {props.description && (
            <p id={descriptionId} className="dialog__description">
              {props.description}
            </p>
          )}
          {general && (
            <div className="alert" role="alert" data-testid={`${props.testId}-error`}>
              <div>
                <p className="alert__text">
                  <strong>{general.title}</strong>
                </p>
                {general.detail && <p className="alert__text">{general.detail}</p>}
              </div>
            </div>
          )}
          <div className="form__field">
            <label htmlFor={`${id}-input`}>{props.label}</label>
            <textarea
              id={`${id}-input`}
              ref={inputRef}
              name={props.field}
              rows={3}
              required
              maxLength={props.maxLength}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                if (missing && e.target.value.trim()) setMissing(false);
              }}
              aria-invalid={shownFieldErrors.length > 0 || undefined}
              aria-describedby={shownFieldErrors.length > 0 ? errorId : undefined}
              data-testid={props.inputTestId ?? `${props.testId}-input`}
            />
            {shownFieldErrors.length > 0 && (
              <p className="form__error" id={errorId} role="alert" data-testid={`${props.testId}-field-error`}>
                {shownFieldErrors.join(' ')}
              </p>
            )}
          </div>
          <div className="dialog__actions">
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
            <button
              type="submit"
              className={`button ${props.tone === 'danger' ? 'button--danger' : 'button--primary'}`}
              disabled={pending}
              aria-disabled={pending || undefined}
              data-testid={props.submitTestId}
            >
              {pending ? props.pendingLabel : props.submitLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
