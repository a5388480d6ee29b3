import { http } from './http';
import type {
  ActivityPage,
  AssignablePerson,
  Board,
  BoardSettings,
  BoardSummary,
  Card,
  CreateBoardRequest,
  Lane,
  LaneCardsPage,
  LaneRequest,
  LineState,
  MoveCardRequest,
  Outlier,
  UpdateSettingsRequest,
} from './types';

const board = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;

export const boardsApi = {
  list: (signal?: AbortSignal) => http.get<BoardSummary[]>('/api/boards', signal),
  get: (boardId: string, signal?: AbortSignal) => http.get<Board>(board(boardId), signal),
  create: (body: CreateBoardRequest) => http.post<Board>('/api/boards', body),
  moveCard: (cardId: string, body: MoveCardRequest) =>
    http.post<Card>(`/api/cards/${encodeURIComponent(cardId)}/move`, body),
  /** Assigns the card (`null` unassigns); a full assignee is `409 personal-wip-limit-reached`. */
  assignCard: (cardId: string, userId: string | null) =>
    http.post<Card>(`/api/cards/${encodeURIComponent(cardId)}/assign`, { userId }),
  blockCard: (cardId: string, reason: string) =>
    http.post<Card>(`/api/cards/${encodeURIComponent(cardId)}/block`, { reason }),
  unblockCard: (cardId: string) => http.post<Card>(`/api/cards/${encodeURIComponent(cardId)}/unblock`),

  /** The people a card may be assigned to, ordered by name (Member+). */
  people: (boardId: string, signal?: AbortSignal) => http.get<AssignablePerson[]>(`${board(boardId)}/people`, signal),
  /** A page of one lane's cards; for a Done lane the most recently completed first. */
  laneCards: (boardId: string, laneId: string, options: { skip: number; take: number }, signal?: AbortSignal) =>
    http.get<LaneCardsPage>(
      `${board(boardId)}/lanes/${encodeURIComponent(laneId)}/cards?skip=${options.skip}&take=${options.take}`,
      signal,
    ),

  stopLine: (boardId: string, reason: string) => http.post<LineState>(`${board(boardId)}/line/stop`, { reason }),
  resumeLine: (boardId: string, note: string) => http.post<LineState>(`${board(boardId)}/line/resume`, { note }),

  getSettings: (boardId: string, signal?: AbortSignal) => http.get<BoardSettings>(`${board(boardId)}/settings`, signal),
  updateSettings: (boardId: string, body: UpdateSettingsRequest) =>
    http.put<BoardSettings>(`${board(boardId)}/settings`, body),

  addLane: (boardId: string, body: LaneRequest) => http.post<Lane>(`${board(boardId)}/lanes`, body),
  updateLane: (boardId: string, laneId: string, body: LaneRequest & { order: number }) =>
    http.put<Lane>(`${board(boardId)}/lanes/${encodeURIComponent(laneId)}`, body),
  deleteLane: (boardId: string, laneId: string) =>
    http.delete(`${board(boardId)}/lanes/${encodeURIComponent(laneId)}`),

  /** The board's outlier cards, right to left by lane, then oldest first (Viewer+). */
  outliers: (boardId: string, signal?: AbortSignal) => http.get<Outlier[]>(`${board(boardId)}/outliers`, signal),

  activity: (boardId: string, options: { before?: string | null; take?: number } = {}, signal?: AbortSignal) => {
    const params = new URLSearchParams();
    if (options.before) params.set('before', options.before);
    if (options.take) params.set('take', String(options.take));
    const query = params.toString();
    return http.get<ActivityPage>(`${board(boardId)}/activity${query ? `?${query}` : ''}`, signal);
  },
};

export const queryKeys = {
  boards: ['boards'] as const,
  board: (boardId: string) => ['board', boardId] as const,
  // Own roots, so that invalidating a board (a prefix match) does not refetch these too.
  settings: (boardId: string) => ['boardSettings', boardId] as const,
  activity: (boardId: string) => ['boardActivity', boardId] as const,
  outliers: (boardId: string) => ['boardOutliers', boardId] as const,
  me: ['me'] as const,
  users: ['users'] as const,
  members: (boardId: string) => ['boardMembers', boardId] as const,
  /** Who a card may be assigned to: refetched with the members. */
  people: (boardId: string) => ['boardMembers', boardId, 'people'] as const,
  shareLinks: (boardId: string) => ['boardShareLinks', boardId] as const,
  triage: (boardId: string) => ['boardTriage', boardId] as const,
  /** Under the inbox's key, so whatever refreshes the inbox refreshes its count too. */
  triageCount: (boardId: string) => ['boardTriage', boardId, 'count'] as const,
  /** Every ticket page's query: `tickets` alone is the prefix that matches them all. */
  tickets: ['ticket'] as const,
  ticket: (ticketId: string) => ['ticket', ticketId] as const,
};
