// Pure helpers of the triage inbox: which keys act, and which ticket a typed key names.

/** True when a key press belongs to what the user is typing (a text field, a list, an editable area). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const el = target as HTMLElement;
  const tag = el.tagName.toLowerCase();
  return tag === 'input' || tag === 'textarea' || tag === 'select' || el.isContentEditable;
}

export interface MergeCandidate {
  id: string;
  key: string;
  title: string;
}

/**
 * The ticket a product owner named as the original: its key as typed (any case, surrounding
 * text ignored: "pay-12", "PAY-12 Refund limits"), or undefined. The duplicate itself is never one.
 */
export function resolveOriginal(text: string, candidates: readonly MergeCandidate[], selfId: string): MergeCandidate | undefined {
  const key = text.trim().split(/\s+/)[0]?.toUpperCase();
  if (!key) return undefined;
  return candidates.find((c) => c.key.toUpperCase() === key && c.id !== selfId);
}

/** Candidates without repeats (the same ticket may be a card, in the inbox and a duplicate candidate). */
export function uniqueCandidates(lists: readonly (readonly MergeCandidate[])[]): MergeCandidate[] {
  const seen = new Set<string>();
  const out: MergeCandidate[] = [];
  for (const list of lists) {
    for (const c of list) {
      const id = c.id.toLowerCase();
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(c);
    }
  }
  return out;
}
