// Shapes from docs/api.md (JSON is camelCase, enums are strings, times ISO 8601 UTC).

export type LaneKind = 'Backlog' | 'Active' | 'Queue' | 'Done';
export type CardClass = 'BusinessBlocker' | 'TechnicalBlocker' | 'Risk' | 'Standard';

export interface BoardSummary {
  id: string;
  name: string;
  key: string;
  version: number;
  cardCount: number;
}

export interface Lane {
  id: string;
  name: string;
  kind: LaneKind;
  wipLimit: number | null;
  untested: boolean;
  order: number;
  count: number;
}

export interface Card {
  id: string;
  key: string;
  title: string;
  laneId: string;
  rank: number;
  class: CardClass;
  estimateDays: number | null;
  assigneeId: string | null;
  blocked: boolean;
  outlier: boolean;
}

export interface LineState {
  stopped: boolean;
  since: string | null;
  reason: string | null;
  kind: 'Auto' | 'Manual' | 'auto' | 'manual' | null;
}

export interface Board {
  id: string;
  name: string;
  key: string;
  version: number;
  lanes: Lane[];
  cards: Card[];
  line: LineState;
}

export interface CreateBoardRequest {
  name: string;
  key: string;
}

export interface MoveCardRequest {
  laneId: string;
  index?: number;
}

/** RFC 9457 ProblemDetails, with `errors` for validation-failed and any extensions. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: Record<string, string[]>;
  [extension: string]: unknown;
}

// Hub events: every payload carries the board's version after the change.
export interface BoardEventBase {
  boardId: string;
  version: number;
}

export interface CardMovedEvent extends BoardEventBase {
  card: Card;
  fromLaneId: string | null;
}

export interface TicketSubmittedEvent extends BoardEventBase {
  card: Card;
}

export type LaneChangedEvent = BoardEventBase;

export type BoardEvent =
  | ({ kind: 'CardMoved' } & CardMovedEvent)
  | ({ kind: 'TicketSubmitted' } & TicketSubmittedEvent)
  | ({ kind: 'LaneChanged' } & LaneChangedEvent);

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';
