// Pure conversions for the ticket form: the draft as typed, the bodies it sends, and what the
// submit button says. No React, no I/O.
import { failingGates, gateLabel } from '../../api/gates';
import type { CardClass, CheckTicketRequest, GateResult, Ticket, TicketRequest, TicketState } from '../../api/types';

export interface TicketDraft {
  title: string;
  description: string;
  /** One entry per criterion row, as typed (blank rows are left out of what is sent). */
  definitionOfDone: string[];
  /** As typed: '' when empty. */
  estimate: string;
  class: CardClass;
}

export const CLASSES: readonly CardClass[] = ['Standard', 'Risk', 'TechnicalBlocker', 'BusinessBlocker'];

export function emptyDraft(): TicketDraft {
  return { title: '', description: '', definitionOfDone: [''], estimate: '', class: 'Standard' };
}

export function draftFromTicket(ticket: Pick<Ticket, 'title' | 'description' | 'definitionOfDone' | 'estimateDays' | 'class'>): TicketDraft {
  return {
    title: ticket.title,
    description: ticket.description,
    definitionOfDone: ticket.definitionOfDone.length > 0 ? [...ticket.definitionOfDone] : [''],
    estimate: ticket.estimateDays == null ? '' : String(ticket.estimateDays),
    class: ticket.class,
  };
}

/** The estimate in days, or null when empty or not a number. */
export function parseEstimate(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!trimmed) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

function criteria(draft: TicketDraft): string[] {
  return draft.definitionOfDone.map((c) => c.trim()).filter((c) => c.length > 0);
}

/** The submit (and edit) body: text as typed (the server keeps it as given), blank criteria left out. */
export function toTicketRequest(draft: TicketDraft): TicketRequest {
  return {
    title: draft.title,
    description: draft.description,
    definitionOfDone: criteria(draft),
    estimateDays: parseEstimate(draft.estimate),
    class: draft.class,
  };
}

/**
 * The check body. An empty estimate is sent as 0, which the estimate gate refuses with its range
 * (the check's `estimateDays` is a number, not optional).
 */
export function toCheckRequest(boardId: string, draft: TicketDraft, ticketId?: string): CheckTicketRequest {
  return {
    boardId,
    ...(ticketId ? { ticketId } : {}),
    title: draft.title,
    description: draft.description,
    // Every row as it stands, blank ones too: the gates number the criteria as the form does.
    definitionOfDone: draft.definitionOfDone,
    estimateDays: parseEstimate(draft.estimate) ?? 0,
  };
}

export interface SubmitState {
  label: string;
  disabled: boolean;
  /** The failing gates, in words, for the line under the button ("Still to fix: Title, Estimate"). */
  missing: string[];
}

/**
 * What the submit button says and whether it may be pressed. `gates` is the latest check's answer
 * (undefined before the first); `stale` is true while the draft differs from what was checked.
 */
export function submitState(options: {
  gates: readonly GateResult[] | undefined;
  stale: boolean;
  pending: boolean;
  checkFailed: boolean;
  readyLabel: string;
  pendingLabel: string;
}): SubmitState {
  const { gates, stale, pending, checkFailed } = options;
  if (pending) return { label: options.pendingLabel, disabled: true, missing: [] };
  if (checkFailed && !stale) return { label: 'The gates could not be checked', disabled: true, missing: [] };
  if (!gates) return { label: 'Checking the gates…', disabled: true, missing: [] };
  const failing = failingGates(gates);
  const missing = failing.map((g) => gateLabel(g.gate));
  if (failing.length > 0) {
    return { label: `Fix ${failing.length} ${failing.length === 1 ? 'gate' : 'gates'} to submit`, disabled: true, missing };
  }
  if (stale) return { label: 'Checking the gates…', disabled: true, missing: [] };
  return { label: options.readyLabel, disabled: false, missing: [] };
}

const STATE_LABELS: Record<TicketState, string> = {
  Triage: 'Waiting for triage',
  SentBack: 'Sent back',
  OnBoard: 'On the board',
  Rejected: 'Rejected',
  Merged: 'Merged',
};

export function ticketStateLabel(state: TicketState | string): string {
  return (STATE_LABELS as Record<string, string>)[state] ?? state;
}

/** Whether the signed-in person submitted the ticket (ids compared without regard to case). */
export function isSubmitter(ticket: Pick<Ticket, 'submittedBy'>, userId: string | undefined): boolean {
  return !!userId && !!ticket.submittedBy && ticket.submittedBy.toLowerCase() === userId.toLowerCase();
}

/**
 * The submitter or a product owner may edit a ticket still in triage or sent back; any member may
 * edit a card on the board (the server still requires it to pass the gates).
 */
export function canEditTicket(
  ticket: Pick<Ticket, 'state' | 'submittedBy'>,
  userId: string | undefined,
  canTriage: boolean,
  canSubmit = false,
): boolean {
  if (ticket.state === 'OnBoard') return canSubmit;
  if (ticket.state !== 'Triage' && ticket.state !== 'SentBack') return false;
  return canTriage || isSubmitter(ticket, userId);
}
