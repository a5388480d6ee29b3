import type { Card, CardClass } from '../../api/types';

export const classLabels: Record<CardClass, string> = {
  BusinessBlocker: 'Business blocker',
  TechnicalBlocker: 'Technical blocker',
  Risk: 'Risk',
  Standard: 'Standard',
};

export function classLabel(cls: CardClass | string): string {
  return (classLabels as Record<string, string>)[cls] ?? cls;
}

/** "2d" (or "0.5d"); empty when there is no estimate. */
export function estimateLabel(card: Pick<Card, 'estimateDays'>): string {
  return card.estimateDays == null ? '' : `${card.estimateDays}d`;
}

/** Up to two letters for a name: "Ana Lima" → "AL", "Bruno" → "B", "mary-jane o'neil" → "MO". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = Array.from(words[0]!)[0] ?? '';
  const last = words.length > 1 ? (Array.from(words[words.length - 1]!)[0] ?? '') : '';
  return `${first}${last}`.toLocaleUpperCase();
}

function days(n: number): string {
  return `${n} working ${n === 1 ? 'day' : 'days'}`;
}

/**
 * The card's age: shown "4d · moved 2d ago" (working days since it left the backlog, and since its
 * last move), spoken in words. A card still in the backlog has no age, only its last move; a card
 * the server gave neither has no label.
 */
export function ageLabel(card: Pick<Card, 'ageDays' | 'daysSinceMove'>): { text: string; spoken: string } | null {
  const age = card.ageDays ?? null;
  const moved = card.daysSinceMove ?? null;
  if (age == null && moved == null) return null;
  const text: string[] = [];
  const spoken: string[] = [];
  if (age != null) {
    text.push(`${age}d`);
    spoken.push(`age ${days(age)}`);
  }
  if (moved != null) {
    text.push(moved === 0 ? 'moved today' : `moved ${moved}d ago`);
    spoken.push(moved === 0 ? 'moved today' : `moved ${days(moved)} ago`);
  }
  return { text: text.join(' · '), spoken: spoken.join(', ') };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How long, compact and spoken: "<1h" / "less than an hour", "5h" / "5 hours", "2d" / "2 days". */
export function shortDuration(ms: number): { text: string; spoken: string } {
  if (!Number.isFinite(ms) || ms < HOUR) return { text: '<1h', spoken: 'less than an hour' };
  if (ms < DAY) {
    const h = Math.floor(ms / HOUR);
    return { text: `${h}h`, spoken: `${h} ${h === 1 ? 'hour' : 'hours'}` };
  }
  const d = Math.floor(ms / DAY);
  return { text: `${d}d`, spoken: `${d} ${d === 1 ? 'day' : 'days'}` };
}

/** "Blocked 2d: waiting for bank" (spoken "Blocked for 2 days: waiting for bank"); null when not blocked. */
export function blockedLabel(
  card: Pick<Card, 'blocked' | 'blockedReason' | 'blockedSince'>,
  now: number,
): { text: string; spoken: string } | null {
  if (!card.blocked) return null;
  const since = card.blockedSince ? Date.parse(card.blockedSince) : Number.NaN;
  const howLong = Number.isNaN(since) ? null : shortDuration(now - since);
  const reason = card.blockedReason?.trim();
  return {
    text: `Blocked${howLong ? ` ${howLong.text}` : ''}${reason ? `: ${reason}` : ''}`,
    spoken: `Blocked${howLong ? ` for ${howLong.spoken}` : ''}${reason ? `: ${reason}` : ''}`,
  };
}
