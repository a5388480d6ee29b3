// Turns an error from the API into words for the user: a short title naming what was refused, and
// the server's `detail` (what to do about it). Pure, so that every refusal reads the same everywhere.
import type { ProblemName } from './contract/problems';
import { failingGates, gateLabel, gatesFrom } from './gates';
import { ApiError, isApiError } from './http';

export interface ProblemMessage {
  /** The problem's short name (`wip-limit-reached`), when the server gave one of its catalogue. */
  name?: ProblemName;
  /** One line: what happened. */
  title: string;
  /** What to do about it: the server's `detail`, or a sentence built from the problem's figures. */
  detail: string;
  /**
   * Each failure once (the failing gates of a quality-gate refusal, the messages of a validation
   * refusal), when there are several to list; never repeated in `detail`.
   */
  items?: string[];
}

/** The strings without repeats (compared trimmed, case-insensitive), in their first order. */
function unique(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const v = value.trim();
    const k = v.toLowerCase();
    if (!v || seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out;
}

/**
 * The server's detail without the failures `items` already list: when it repeats them ("PAY-3
 * fails 2 gates: A. B. Send it back…"), only what follows the last one (what to do) is kept.
 */
function withoutRepeats(detail: string | undefined, messages: readonly string[]): string | undefined {
  if (!detail) return undefined;
  let end = -1;
  for (const m of messages) {
    const at = m ? detail.lastIndexOf(m.trim()) : -1;
    if (at >= 0) end = Math.max(end, at + m.trim().length);
  }
  if (end < 0) return detail;
  return detail.slice(end).trim() || undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** Joins a title and a detail into one sentence pair, for places that show a single string. */
export function problemText(message: ProblemMessage): string {
  const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
  const parts = [message.title, ...(message.items ?? []), message.detail].filter(Boolean);
  return parts.map((part, i) => (i < parts.length - 1 ? sentence(part) : part)).join(' ');
}

/**
 * The title and detail for an error. Flow refusals (409) get a title with their figures:
 * `wip-limit-reached` → "Testing is full (2 of 2)", `personal-wip-limit-reached`, `line-stopped`
 * (manual or automatic), `line-not-stopped`, `concurrency-conflict`, `lane-not-empty`. Triage
 * refusals: `quality-gate-failed` (lists the failing gates of its `gates` extension),
 * `likely-duplicate`, `ticket-not-in-triage`.
 */
export function describeProblem(error: unknown, fallbackTitle = 'That did not work'): ProblemMessage {
  if (!isApiError(error)) {
    const detail = error instanceof Error && error.message ? error.message : 'Something went wrong. Try again.';
    return { title: fallbackTitle, detail };
  }
  return describeApiError(error, fallbackTitle);
}

function describeApiError(error: ApiError, fallbackTitle: string): ProblemMessage {
  const p = error.problem;
  const name = error.problemName;
  const serverDetail = str(p.detail);
  const count = num(p.count);
  const limit = num(p.limit);

  switch (name) {
    case 'wip-limit-reached': {
      const laneName = str(p.laneName) ?? 'The lane';
      const over = count !== undefined && limit !== undefined && count > limit;
      const figures = count !== undefined && limit !== undefined ? ` (${count} of ${limit})` : '';
      return {
        name,
        title: over ? `${laneName} is over its WIP limit${figures}` : `${laneName} is full${figures}`,
        detail: serverDetail ?? `Finish or move a card out of ${laneName} to make room.`,
      };
    }
    case 'personal-wip-limit-reached': {
      const figures = count !== undefined && limit !== undefined ? ` (${count} of ${limit} active cards)` : '';
      return {
        name,
        title: `The assignee is at their personal WIP limit${figures}`,
        detail: serverDetail ?? 'Finish one of their cards first, or give this card to someone with room.',
      };
    }
    case 'line-stopped': {
      const kind = str(p.kind)?.toLowerCase();
      const untested = num(p.untestedCount);
      const threshold = num(p.threshold);
      let title: string;
      if (p.laneId === undefined) {
        // Refused stop or resume: "The line is already stopped", "The line stopped by itself".
        title = str(p.title) ?? 'The line is stopped';
      } else if (kind === 'manual') {
        title = `The line is stopped (andon cord): no pulls into ${str(p.laneName) ?? 'this lane'}`;
      } else {
        const figures = untested !== undefined && threshold !== undefined ? `: ${untested} untested cards, threshold ${threshold}` : '';
        title = `The line is stopped${figures}`;
      }
      return { name, title, detail: serverDetail ?? 'Help test or finish work downstream, then try again.' };
    }
    case 'line-not-stopped':
      return { name, title: 'The line is running', detail: serverDetail ?? 'There is nothing to resume.' };
    case 'concurrency-conflict':
      return {
        name,
        title: 'The board changed at the same moment',
        detail: serverDetail ?? 'Someone else changed the board just then. Reload and try again.',
      };
    case 'lane-not-empty':
      return {
        name,
        title: `${str(p.laneName) ?? 'The lane'} is not empty${count !== undefined ? ` (${count} ${count === 1 ? 'card' : 'cards'})` : ''}`,
        detail: serverDetail ?? 'Move its cards to another lane before deleting it.',
      };
    case 'quality-gate-failed': {
      // `gates` lists the failing gates (the server may send them all: keep the failing ones).
      // Each failing gate is listed once: the server's detail repeats their messages, so only what
      // it says after them (what to do) is kept.
      const gates = gatesFrom(p.gates);
      const failing = failingGates(gates).length > 0 ? failingGates(gates) : gates;
      const byGate = new Map<string, string>();
      for (const g of failing) if (!byGate.has(g.gate)) byGate.set(g.gate, g.message);
      const items = unique([...byGate].map(([gate, message]) => `${gateLabel(gate)}: ${message}`));
      const n = byGate.size;
      return {
        name,
        title: n > 0 ? `${n} quality ${n === 1 ? 'gate fails' : 'gates fail'}` : 'The quality gates fail',
        detail: withoutRepeats(serverDetail, [...byGate.values()]) ?? 'Send the ticket back with what to fix, or fix it first.',
        ...(items.length > 0 ? { items } : {}),
      };
    }
    case 'likely-duplicate': {
      // `originalKey` names the original; `likelyDuplicateOf` is only its id.
      const of = str(p.originalKey);
      return {
        name,
        title: of ? `Likely a duplicate of ${of}` : 'Likely a duplicate',
        detail: serverDetail ?? 'Merge it into the original, or mark it distinct, before accepting it.',
      };
    }
    case 'ticket-not-in-triage': {
      const state = str(p.state);
      return {
        name,
        title: state ? `The ticket is no longer in triage (${state})` : 'The ticket is no longer in triage',
        detail: serverDetail ?? 'Someone dealt with it already. Reload to see where it is.',
      };
    }
    case 'validation-failed': {
      // Each message once, even when two fields (or the detail) say the same.
      const messages = unique(Object.values(p.errors ?? {}).flat().filter((m): m is string => typeof m === 'string'));
      const generic = !serverDetail || /errors'/.test(serverDetail);
      return {
        name,
        title: str(p.title) ?? 'Some fields are not valid',
        detail: generic && messages.length > 0 ? messages.join(' ') : (serverDetail ?? 'Correct the fields and try again.'),
      };
    }
    case 'undo-not-possible':
      return {
        name,
        title: 'It can no longer be undone',
        detail: serverDetail ?? 'Too much time has passed, or the ticket changed since.',
      };
    case 'not-found':
      return { name, title: 'Not found', detail: serverDetail ?? 'It may have been deleted. Reload the page.' };
    default:
      if (error.status === 0) {
        return { name, title: 'The server could not be reached', detail: error.message };
      }
      return { name, title: str(p.title) ?? fallbackTitle, detail: serverDetail ?? error.message };
  }
}
