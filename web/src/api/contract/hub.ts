// Generated from src/Kanban.Api/Realtime/IBoardClient.cs by tests/Kanban.Api.Tests/Contract/HubContractTests.cs.
// Do not edit: run that test with KANBAN_WRITE_CONTRACT=1 to rewrite this file, and commit it.

export interface CardMovedMessage {
  boardId: string;
  version: number;
  card: CardResponse;
  fromLaneId: string;
  renumbered: CardRank[];
}

export interface CardMessage {
  boardId: string;
  version: number;
  card: CardResponse;
  renumbered: CardRank[];
}

export interface TicketMessage {
  boardId: string;
  version: number;
  ticketId: string;
  key: string;
  state: TicketState;
}

export interface BoardChangedMessage {
  boardId: string;
  version: number;
}

export interface LineMessage {
  boardId: string;
  version: number;
  line: LineResponse;
}

export interface AccessRevokedMessage {
  boardId: string;
  reason: string;
  role: BoardRole | null;
}

export interface OutliersChangedMessage {
  boardId: string;
  version: number;
  outliers: OutlierResponse[];
}

export interface StatusNoteAddedMessage {
  boardId: string;
  version: number;
  note: StatusNoteResponse;
}

export interface CardResponse {
  id: string;
  key: string;
  title: string;
  laneId: string;
  rank: number;
  class: CardClass;
  estimateDays: number;
  assigneeId: string | null;
  blocked: boolean;
  outlier: boolean;
  blockedReason: string | null;
  blockedSince: string | null;
  startedAt: string | null;
  lastMovedAt: string | null;
  ageDays: number | null;
  daysSinceMove: number | null;
  completedAt: string | null;
}

export interface CardRank {
  cardId: string;
  rank: number;
}

export type TicketState = 'Triage' | 'SentBack' | 'OnBoard' | 'Rejected' | 'Merged';

export interface LineResponse {
  stopped: boolean;
  since: string | null;
  reason: string | null;
  kind: string | null;
  stoppedBy: string | null;
  stoppedByName: string | null;
}

export type BoardRole = 'Viewer' | 'Member' | 'ProductOwner';

export interface OutlierResponse {
  cardId: string;
  key: string;
  laneId: string;
  reasons: string[];
  ageDays: number;
  thresholdDays: number;
  blocked: boolean;
  details: OutlierReasonResponse[];
}

export interface StatusNoteResponse {
  id: string;
  text: string;
  at: string;
  by: string;
}

export type CardClass = 'Standard' | 'Risk' | 'TechnicalBlocker' | 'BusinessBlocker';

export interface OutlierReasonResponse {
  reason: string;
  figureDays: number;
  thresholdDays: number;
  words: string;
}

/** Each event the board hub sends, with its message. */
export interface BoardHubEvents {
  CardMoved: CardMovedMessage;
  CardChanged: CardMessage;
  TicketSubmitted: TicketMessage;
  TicketChanged: TicketMessage;
  TicketCommented: TicketMessage;
  TicketAccepted: CardMessage;
  LaneChanged: BoardChangedMessage;
  SettingsChanged: BoardChangedMessage;
  MembersChanged: BoardChangedMessage;
  LineStopped: LineMessage;
  LineResumed: LineMessage;
  AccessRevoked: AccessRevokedMessage;
  OutliersChanged: OutliersChangedMessage;
  StatusNoteAdded: StatusNoteAddedMessage;
}

export type BoardHubEventName = keyof BoardHubEvents;

export const BOARD_HUB_EVENTS: readonly BoardHubEventName[] = [
  'CardMoved',
  'CardChanged',
  'TicketSubmitted',
  'TicketChanged',
  'TicketCommented',
  'TicketAccepted',
  'LaneChanged',
  'SettingsChanged',
  'MembersChanged',
  'LineStopped',
  'LineResumed',
  'AccessRevoked',
  'OutliersChanged',
  'StatusNoteAdded',
];
