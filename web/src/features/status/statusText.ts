// Pure wording and chart data for the status page: unit-tested, no React, no uPlot.
import type { CfdResponse, CycleTimesResponse, Percentiles, StatusResponse } from '../../api/status';

/** "3.2 days", "1 day", "0.5 days": working days as the server rounds them (one decimal). */
export function days(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '—';
  const rounded = Math.round(value * 10) / 10;
  return `${rounded} ${rounded === 1 ? 'day' : 'days'}`;
}

/** 0.142 → "14%". */
export function percent(share: number | null | undefined): string {
  if (share == null || !Number.isFinite(share)) return '—';
  return `${Math.round(share * 100)}%`;
}

/** "4.5 h": hours to one decimal. */
export function hours(value: number): string {
  return `${Math.round(value * 10) / 10} h`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 'yyyy-MM-dd' → "Fri 15 Jan 2027" (the board's calendar day as given, whatever the browser's zone). */
export function localDate(date: string | null | undefined): string {
  if (!date) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const at = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return `${WEEKDAYS[at.getUTCDay()]} ${at.getUTCDate()} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()}`;
}

/** An instant as "3 Dec 2026, 14:05" in the browser's zone. */
export function instant(iso: string | null | undefined, locale?: string): string {
  if (!iso) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return at.toLocaleString(locale ?? 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** An instant as "14:05". */
export function clock(at: number | string, locale?: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString(locale ?? 'en-GB', { hour: '2-digit', minute: '2-digit' });
}

/** 'yyyy-MM-dd' → seconds since the epoch at that day's midnight in the browser's zone (uPlot's x). */
export function dayToSeconds(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return Date.parse(date) / 1000;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime() / 1000;
}

/** Today in the browser's zone as 'yyyy-MM-dd', moved by `offsetDays`. */
export function isoDay(offsetDays = 0, now = new Date()): string {
  const at = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export const RAG_WORDS: Record<StatusResponse['rag'], string> = {
  Red: 'Red',
  Amber: 'Amber',
  Green: 'Green',
};

/** The one line under the colour: what it means. */
export function ragMeaning(status: Pick<StatusResponse, 'rag' | 'reasons'>): string {
  if (status.rag === 'Green') return 'No rule fired: the line runs, nothing is stuck, and the forecast meets the target.';
  const n = status.reasons.length;
  return `${n} ${n === 1 ? 'rule' : 'rules'} fired, listed below with the figures.`;
}

/** "50%: 3.2 days, 85%: 6 days, 95%: 9.1 days". */
export function percentilesText(p: Percentiles): string {
  return `50%: ${days(p.p50)}, 85%: ${days(p.p85)}, 95%: ${days(p.p95)}`;
}

/**
 * The cumulative flow's bands, stacked from the board's last lane (Done) up to its first
 * (Backlog): `stacked[i][d]` is the top of lane i's band on day d. Lanes in board order.
 */
export function stackCfd(cfd: CfdResponse): { x: number[]; stacked: number[][] } {
  const x = cfd.days.map((d) => dayToSeconds(d.date));
  const n = cfd.lanes.length;
  const stacked: number[][] = cfd.lanes.map(() => []);
  for (const day of cfd.days) {
    let sum = 0;
    for (let i = n - 1; i >= 0; i--) {
      sum += day.counts[i] ?? 0;
      stacked[i]!.push(sum);
    }
  }
  return { x, stacked };
}

/** One line for the cumulative flow: the last day's cards per lane. */
export function cfdSummary(cfd: CfdResponse): string {
  const last = cfd.days[cfd.days.length - 1];
  if (!last) return `No days from ${cfd.from} to ${cfd.to}.`;
  const first = cfd.days[0]!;
  const total = (d: { counts: number[] }) => d.counts.reduce((a, b) => a + b, 0);
  const parts = cfd.lanes.map((lane, i) => `${lane.name} ${last.counts[i] ?? 0}`);
  return `From ${first.date} to ${last.date} the board went from ${total(first)} to ${total(last)} cards; on ${last.date}: ${parts.join(', ')}.`;
}

export interface AgingPoint {
  x: number;
  age: number;
  key: string;
  title: string;
  laneName: string;
}

/**
 * The aging chart's points: each card in progress at its lane's position (0, 1, …), spread a little
 * within the lane so that cards of the same age do not hide each other; sorted by x (uPlot wants it).
 */
export function agingPoints(aging: StatusResponse['aging']): AgingPoint[] {
  const index = new Map(aging.lanes.map((l, i) => [l.laneId, i]));
  const perLane = new Map<number, number>();
  const points: AgingPoint[] = [];
  for (const card of aging.cards) {
    const lane = index.get(card.laneId);
    if (lane === undefined) continue;
    const nth = perLane.get(lane) ?? 0;
    perLane.set(lane, nth + 1);
    // -0.3 … +0.3 around the lane's position, alternating sides.
    const spread = nth === 0 ? 0 : (((nth + 1) >> 1) * (nth % 2 === 1 ? 1 : -1) * 0.06) % 0.3;
    points.push({ x: lane + spread, age: card.ageDays, key: card.key, title: card.title, laneName: card.laneName });
  }
  return points.sort((a, b) => a.x - b.x);
}

export function agingSummary(status: Pick<StatusResponse, 'aging' | 'cycleTimeDays'>): string {
  const cards = status.aging.cards;
  if (cards.length === 0) return 'No card is in progress.';
  const p85 = status.cycleTimeDays.p85;
  const over = p85 == null ? 0 : cards.filter((c) => c.ageDays > p85).length;
  const oldest = cards.reduce((a, b) => (b.ageDays > a.ageDays ? b : a));
  return (
    `${cards.length} ${cards.length === 1 ? 'card' : 'cards'} in progress; the oldest is ${oldest.key} at ${days(oldest.ageDays)} in ${oldest.laneName}` +
    (p85 == null ? '; no cycle time percentiles yet.' : `; ${over} older than the 85th percentile cycle time (${days(p85)}).`)
  );
}

export function scatterSummary(cycle: CycleTimesResponse): string {
  const n = cycle.cards.length;
  if (n === 0) return `No card was completed from ${cycle.from} to ${cycle.to}.`;
  return `${n} ${n === 1 ? 'card' : 'cards'} completed from ${cycle.from} to ${cycle.to}; cycle time ${percentilesText(cycle)}.`;
}

/** The cycle-time scatter's points, in order of completion. */
export function scatterPoints(cycle: CycleTimesResponse): { x: number[]; y: number[] } {
  const sorted = [...cycle.cards].sort((a, b) => Date.parse(a.completedAt) - Date.parse(b.completedAt));
  return { x: sorted.map((c) => Date.parse(c.completedAt) / 1000), y: sorted.map((c) => c.cycleTimeDays) };
}
