// Duplicate candidates in words: how close each is, and where it stands. Pure, no React.
import type { DuplicateCandidate, DuplicateMatch } from '../../api/types';

const MATCH_WORDS: Record<DuplicateMatch, string> = {
  likely: 'Very likely the same ticket',
  similar: 'Similar',
  related: 'Loosely related',
};

/** `likely` → "Very likely the same ticket", `similar` → "Similar", `related` (or anything else) → "Loosely related". */
export function matchWords(match: DuplicateMatch | string): string {
  return (MATCH_WORDS as Record<string, string>)[match] ?? MATCH_WORDS.related;
}

/** 0.914 → "91%", kept within 0–100%. */
export function scorePercent(score: number): string {
  const percent = Math.round(Math.min(1, Math.max(0, Number.isFinite(score) ? score : 0)) * 100);
  return `${percent}%`;
}

/** Where the candidate stands: "done", "rejected", "in triage", "sent back" or "on the board". */
export function candidateStateWords(candidate: Pick<DuplicateCandidate, 'state' | 'done'>): string {
  if (candidate.done) return 'done';
  switch (candidate.state) {
    case 'Rejected':
      return 'rejected';
    case 'Triage':
      return 'in triage';
    case 'SentBack':
      return 'sent back';
    case 'OnBoard':
      return 'on the board';
    case 'Merged':
      return 'merged';
    default:
      return String(candidate.state).toLowerCase();
  }
}

/** The server sends the description's first 280 characters, and marks a cut one with "…" itself. */
export function excerptText(excerpt: string): string {
  return excerpt.trim();
}

/** The candidates without the ticket being edited (the check does not know which ticket it is). */
export function otherCandidates(duplicates: readonly DuplicateCandidate[], selfId: string | undefined): DuplicateCandidate[] {
  if (!selfId) return [...duplicates];
  const self = selfId.toLowerCase();
  return duplicates.filter((d) => d.ticketId.toLowerCase() !== self);
}
