// Shapes from docs/api.md (JSON is camelCase, enums are strings, times ISO 8601 UTC).
import type { AccessRevokedMessage, BoardHubEvents, CardResponse } from './contract/hub';

export type LaneKind = 'Backlog' | 'Active' | 'Queue' | 'Done';
export type CardClass = 'BusinessBlocker' | 'TechnicalBlocker' | 'Risk' | 'Standard';

/** A person's role on one board (an Admin is ProductOwner of every board). */
export type BoardRole = 'ProductOwner' | 'Member' | 'Viewer';

export interface BoardSummary {
  id: string;
  name: string;
  key: string;
  version: number;
  cardCount: number;
  /** The caller's role on the board. */
  role?: BoardRole;
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

/** A card as the board shows it: the server's shape, generated from the hub's contract. */
export type Card = CardResponse;

/** How a stopped line stopped: `auto` (untested work reached the threshold) or `manual` (the andon cord). */
export type LineStopKind = 'auto' | 'manual';

export interface LineState {
  stopped: boolean;
  since: string | null;
  reason: string | null;
  /** `auto` or `manual` (the server sends lower case; read it through `lineStopKind`). */
  kind: LineStopKind | string | null;
  /** Who pulled the andon cord (a user id); they may resume the stop they made. */
  stoppedBy?: string | null;
  /** Their name, as the board's answer gives it (a hub message does not: null). */
  stoppedByName?: string | null;
}

/** Someone a card names (its assignee), as the board lists them: so viewers see names, not ids. */
export interface Person {
  id: string;
  displayName: string;
}

/** Someone a card may be assigned to (GET /api/boards/{boardId}/people), ordered by name. */
export interface AssignablePerson extends Person {
  role: BoardRole;
}

export interface Board {
  id: string;
  name: string;
  key: string;
  version: number;
  lanes: Lane[];
  cards: Card[];
  line: LineState;
  /** The caller's role on the board; null when read through a share link. */
  role: BoardRole | null;
  /** Everyone a listed card names (assignees). */
  people: Person[];
  /** The board's IANA time zone (working days are counted in it). */
  timeZone: string;
  /** Whether the wall plays a sound when the line stops (the board's setting). */
  lineStopSound?: boolean;
}

/** Which outlier test a card failed (docs/metrics.md); typed as string so a test the server adds later still shows. */
export type OutlierReason = 'percentile' | 'estimate' | 'stale';

/** One failed test: its figure and threshold (working days, one decimal) and the words its badge says. */
export interface OutlierReasonDetail {
  reason: OutlierReason | string;
  figureDays: number;
  thresholdDays: number;
  words: string;
}

/**
 * GET /api/boards/{boardId}/outliers: one outlier card, as a standup walks them (right to left by
 * lane, then oldest first). `thresholdDays` is its first reason's; `details` has every reason.
 */
export interface Outlier {
  cardId: string;
  key: string;
  laneId: string;
  reasons: (OutlierReason | string)[];
  ageDays: number;
  thresholdDays: number;
  blocked: boolean;
  details: OutlierReasonDetail[];
}

/** GET /api/boards/{boardId}/lanes/{laneId}/cards: a page of one lane's cards (a Done lane: most recently completed first). */
export interface LaneCardsPage {
  cards: Card[];
  /** Every card in the lane. */
  total: number;
  /** Everyone these cards name. */
  people: Person[];
}

export interface AssignCardRequest {
  /** null unassigns. */
  userId: string | null;
}

export interface CreateBoardRequest {
  name: string;
  key: string;
}

export interface MoveCardRequest {
  laneId: string;
  index?: number;
}

export interface LaneRequest {
  name: string;
  kind: LaneKind;
  wipLimit: number | null;
  untested: boolean;
  order?: number;
}

export interface BoardSettings {
  personalWipLimit: number;
  /** null: automatic, the sum of the untested lanes' limits (see effectiveStopLineThreshold). */
  stopLineThreshold: number | null;
  /** Read-only: the threshold in force (0: the line never stops by itself). */
  effectiveStopLineThreshold: number;
  staleDays: number;
  maxEstimateDays: number;
  duplicateThreshold: number;
  /** Closed tickets (rejected, or done on the board) are compared for this many days after closing (1–3650). */
  duplicateWindowDays: number;
  fillerWords: string[];
  /** The cards done in this many days make the cycle time percentiles (7–730, default 90). */
  cycleTimeWindowDays: number;
  /** Weeks of daily throughput the status's forecast samples (1–52, default 6). */
  forecastWeeks: number;
  /** `yyyy-MM-dd`: the status is red when the 85% forecast falls after it; null for none. */
  targetDate: string | null;
  /** The status is red when the line was stopped more than this share of this week's working time (1–100 %, default 10). */
  stoppedRedPercent: number;
  /** Whether the wall plays a sound when the line stops (default off). */
  lineStopSound: boolean;
}

export type UpdateSettingsRequest = {
  [K in keyof Omit<BoardSettings, 'effectiveStopLineThreshold'>]: BoardSettings[K] | null;
};

export interface ActivityItem {
  id: string;
  version: number;
  at: string;
  by: string | null;
  /** Who did it, by name; null when nobody is recorded (an imported entry). */
  byName?: string | null;
  kind: string;
  cardId: string | null;
  summary: string;
  data: unknown;
}

export interface ActivityPage {
  items: ActivityItem[];
  /** The `before` of the next (older) page; null at the end. */
  next: string | null;
}

// Tickets and triage (docs/api.md, "Tickets and triage").

/** The five quality gates, always answered all five and in this order. */
export type GateId = 'title' | 'description' | 'definition-of-done' | 'estimate' | 'duplicate';

export interface GateResult {
  /** A GateId; typed as string so that a gate the server adds later still shows. */
  gate: GateId | string;
  passed: boolean;
  /** Exactly what to fix, or what passed. */
  message: string;
}

/**
 * How close a candidate is: `likely` at or above the board's duplicateThreshold (what flags a
 * ticket as a likely duplicate), `similar` at or above three quarters of it, `related` below.
 */
export type DuplicateMatch = 'likely' | 'similar' | 'related';

export interface DuplicateCandidate {
  ticketId: string;
  key: string;
  title: string;
  /** Similarity, 0 to 1 (3 decimals). */
  score: number;
  match: DuplicateMatch;
  /** The candidate's state: Triage, SentBack, OnBoard or Rejected (merged tickets are never candidates). */
  state: TicketState;
  /** True when the candidate is on the board in a Done lane. */
  done: boolean;
  /** The candidate's description, its first 280 characters (plain text, may be empty). */
  excerpt: string;
}

export type TicketState = 'Triage' | 'SentBack' | 'OnBoard' | 'Rejected' | 'Merged';

export interface Ticket {
  id: string;
  key: string;
  boardId: string;
  title: string;
  description: string;
  definitionOfDone: string[];
  estimateDays: number | null;
  class: CardClass;
  state: TicketState;
  /** Set when OnBoard. */
  laneId: string | null;
  rank: number | null;
  createdAt: string;
  updatedAt: string;
  /** The submitter's user id. */
  /** Null for tickets whose submitter is unknown (e.g. imported without one). */
  submittedBy: string | null;
  submittedByName: string | null;
  likelyDuplicateOf: string | null;
  duplicateOf: string | null;
  gates: GateResult[];
  duplicates: DuplicateCandidate[];
}

/** `Comment`: a member's comment; the others are what triage wrote on the ticket. */
export type TicketCommentKind = 'Comment' | 'SentBack' | 'Rejected' | 'MergedDuplicate';

export interface TicketComment {
  id: string;
  kind: TicketCommentKind | string;
  text: string;
  at: string;
  by: string | null;
  byName: string | null;
}

export interface TicketHistoryEntry {
  version: number;
  at: string;
  by: string | null;
  byName: string | null;
  kind: string;
  summary: string;
}

/**
 * GET /api/tickets/{id}: the ticket with its comments and history, oldest first, its card's
 * assignee and block, and the caller's role on its board (a Viewer reads it, read-only).
 */
export interface TicketDetail extends Ticket {
  comments: TicketComment[];
  history: TicketHistoryEntry[];
  assigneeId?: string | null;
  assigneeName?: string | null;
  blocked?: boolean;
  blockedReason?: string | null;
  /** When the card was blocked (ISO). */
  blockedSince?: string | null;
  /** The caller's role on the ticket's board. */
  role?: BoardRole | null;
}

/** POST /api/tickets/{id}/comments. */
export interface CommentRequest {
  text: string;
}

/** The submit (and edit) body. */
export interface TicketRequest {
  title: string;
  description: string;
  definitionOfDone: string[];
  estimateDays: number | null;
  class?: CardClass;
  /** On an edit: the ticket's `updatedAt` when editing began; a ticket changed since is refused (409). */
  expectedUpdatedAt?: string;
}

export interface CheckTicketRequest {
  boardId: string;
  title: string;
  description: string;
  definitionOfDone: string[];
  estimateDays: number;
  /** The ticket being edited: the server leaves it out of its own candidates. */
  ticketId?: string;
}

export interface CheckTicketResponse {
  gates: GateResult[];
  /** The 5 closest tickets, best first. */
  duplicates: DuplicateCandidate[];
  /** The board's duplicate threshold: a candidate at or above it is `likely`. */
  duplicateThreshold: number;
}

/** How many tickets wait on the product owner, and on their submitters. */
export interface TriageCount {
  waiting: number;
  sentBack: number;
}

export interface AcceptTicketRequest {
  index?: number;
  rank?: number;
  /** The ticket's `updatedAt` as the product owner read it; a ticket changed since is refused (409). */
  expectedUpdatedAt?: string;
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

// Hub events: their names and messages are generated from the server's hub (api/contract/hub.ts).
// Every board message carries the board's version after the change.
type BoardMessageName = Exclude<keyof BoardHubEvents, 'AccessRevoked'>;

/** A board event as the board applies it: the hub's message, tagged with the event's name. */
export type BoardEvent = { [K in BoardMessageName]: { kind: K } & BoardHubEvents[K] }[BoardMessageName];

export type BoardEventKind = BoardEvent['kind'];

export type { AccessRevokedMessage };

/** `revoked`: the server ended this screen's access to the board (AccessRevoked); it stays stopped. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected' | 'revoked';

// Accounts, members and share links.

/** The signed-in person (GET /api/me, POST /api/auth/login); roles is ["Admin"] or []. */
export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
}

/** GET /api/auth/session: 200 either way, so a signed-out page makes no failing request. */
export interface Session {
  signedIn: boolean;
  user: CurrentUser | null;
}

export interface LoginRequest {
  email: string;
  password: string;
}

/** A person, as an Admin lists them; canSignIn is false for an account made without a password. */
export interface UserAccount {
  id: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
  canSignIn: boolean;
}

export interface CreateUserRequest {
  email: string;
  displayName: string;
  /** null: the account exists (to be assigned, to own history) but cannot sign in. */
  password: string | null;
  isAdmin: boolean;
}

export interface BoardMember {
  userId: string;
  email: string;
  displayName: string;
  role: BoardRole;
}

export interface AddMemberRequest {
  email: string;
  role: BoardRole;
}

/** Sent lower case; the server answers `Wall` or `Status`. */
export type ShareView = 'wall' | 'status';

export interface ShareLink {
  id: string;
  view: string;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
}

/** The one answer that carries the token: `url` (a path on this server) is never shown again. */
export interface CreatedShareLink {
  id: string;
  view: string;
  url: string;
}
