// The status page's reads and its one write (a product owner's note), as /work/briefs/status-contract.md
// and docs/api.md describe them. Every read carries a status share link's token (http.ts).
import { http } from './http';
import type { LaneKind } from './types';

export type Rag = 'Red' | 'Amber' | 'Green';

export interface StatusReason {
  rule: 'line-stopped-now' | 'line-stopped-this-week' | 'forecast-after-target' | 'outliers' | 'blocked-over-a-day' | 'lane-over-limit' | string;
  rag: 'Red' | 'Amber';
  /** One sentence with the figures. */
  text: string;
  figures: Record<string, number | string | null>;
}

export interface LineStopEntry {
  kind: 'Auto' | 'Manual' | string;
  reason: string;
  stoppedAt: string;
  stoppedBy: string | null;
  resumedAt: string | null;
  resumedBy: string | null;
  hours: number;
}

export interface StatusLine {
  stopped: boolean;
  current: LineStopEntry | null;
  /** 0..1 of this week's working time so far. */
  stoppedShareThisWeek: number;
  /** The last 8 weeks, oldest first. */
  weeks: { weekStart: string; stoppedHours: number; share: number }[];
  /** The last 10 stops, newest first. */
  history: LineStopEntry[];
}

export interface Forecast {
  remaining: number;
  p50: string | null;
  p85: string | null;
  p95: string | null;
  /** Why there is no date, when there is none. */
  reason: string | null;
  weeks: number;
  trials: number;
  howManyBy: { date: string; p50: number; p85: number; p95: number } | null;
}

export interface StatusNote {
  id: string;
  text: string;
  at: string;
  by: string;
}

export interface Percentiles {
  p50: number | null;
  p85: number | null;
  p95: number | null;
}

export interface StatusResponse {
  boardId: string;
  boardName: string;
  boardKey: string;
  timeZone: string;
  version: number;
  generatedAt: string;
  rag: Rag;
  reasons: StatusReason[];
  line: StatusLine;
  lanesAtLimit: { laneId: string; name: string; count: number; limit: number; over: boolean }[];
  outliers: {
    cardId: string;
    key: string;
    title: string;
    laneId: string;
    laneName: string;
    reasons: string[];
    ageDays: number;
    thresholdDays: number;
    words: string[];
    assignee: string | null;
  }[];
  blocked: { cardId: string; key: string; title: string; laneName: string; reason: string; since: string; blockedDays: number; assignee: string | null }[];
  throughputPerWeek: number;
  cycleTimeDays: Percentiles & { count: number };
  flowEfficiency: number | null;
  aging: {
    cards: { cardId: string; key: string; title: string; laneId: string; laneName: string; ageDays: number }[];
    lanes: { laneId: string; name: string }[];
  };
  forecast: Forecast;
  targetDate: string | null;
  notes: StatusNote[];
}

export interface DateRange {
  from: string;
  to: string;
}

export interface CfdResponse extends DateRange {
  lanes: { laneId: string; name: string; kind: LaneKind }[];
  days: { date: string; counts: number[] }[];
}

export interface CycleTimeCard {
  cardId: string;
  key: string;
  title: string;
  class: string;
  startedAt: string;
  completedAt: string;
  completedOn: string;
  cycleTimeDays: number;
  activeDays: number;
  blockedDays: number;
  flowEfficiency: number | null;
}

export interface CycleTimesResponse extends DateRange, Percentiles {
  cards: CycleTimeCard[];
  flowEfficiency: number | null;
}

export interface ThroughputResponse extends DateRange {
  perDay: { date: string; count: number }[];
  perWeek: { weekStart: string; count: number }[];
  wip: { date: string; count: number }[];
}

/** A chosen set for the forecast: a card class, listed cards, and "how many by" a date. */
export interface ForecastQuery {
  class?: string;
  cards?: string[];
  by?: string;
}

const board = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;

function rangeQuery(range: Partial<DateRange>): string {
  const params = new URLSearchParams();
  if (range.from) params.set('from', range.from);
  if (range.to) params.set('to', range.to);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function forecastQueryString(query: ForecastQuery): string {
  const params = new URLSearchParams();
  if (query.class) params.set('class', query.class);
  if (query.cards && query.cards.length > 0) params.set('cards', query.cards.join(','));
  if (query.by) params.set('by', query.by);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const statusApi = {
  status: (boardId: string, signal?: AbortSignal) => http.get<StatusResponse>(`${board(boardId)}/status`, signal),
  forecast: (boardId: string, query: ForecastQuery, signal?: AbortSignal) =>
    http.get<Forecast>(`${board(boardId)}/forecast${forecastQueryString(query)}`, signal),
  cfd: (boardId: string, range: Partial<DateRange>, signal?: AbortSignal) =>
    http.get<CfdResponse>(`${board(boardId)}/metrics/cfd${rangeQuery(range)}`, signal),
  cycleTimes: (boardId: string, range: Partial<DateRange>, signal?: AbortSignal) =>
    http.get<CycleTimesResponse>(`${board(boardId)}/metrics/cycle-times${rangeQuery(range)}`, signal),
  throughput: (boardId: string, range: Partial<DateRange>, signal?: AbortSignal) =>
    http.get<ThroughputResponse>(`${board(boardId)}/metrics/throughput${rangeQuery(range)}`, signal),
  addNote: (boardId: string, text: string) => http.post<StatusNote>(`${board(boardId)}/status/notes`, { text }),
};

/** Every status query of a board sits under this prefix, so one invalidation refetches them all. */
export const statusKeys = {
  all: (boardId: string) => ['boardStatus', boardId] as const,
  status: (boardId: string) => ['boardStatus', boardId, 'status'] as const,
  forecast: (boardId: string, query: ForecastQuery) => ['boardStatus', boardId, 'forecast', query] as const,
  cfd: (boardId: string, range: DateRange) => ['boardStatus', boardId, 'cfd', range] as const,
  cycleTimes: (boardId: string, range: DateRange) => ['boardStatus', boardId, 'cycleTimes', range] as const,
  throughput: (boardId: string, range: DateRange) => ['boardStatus', boardId, 'throughput', range] as const,
};
