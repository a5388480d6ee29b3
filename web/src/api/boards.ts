import { http } from './http';
import type { Board, BoardSummary, Card, CreateBoardRequest, MoveCardRequest } from './types';

export const boardsApi = {
  list: (signal?: AbortSignal) => http.get<BoardSummary[]>('/api/boards', signal),
  get: (boardId: string, signal?: AbortSignal) =>
    http.get<Board>(`/api/boards/${encodeURIComponent(boardId)}`, signal),
  create: (body: CreateBoardRequest) => http.post<Board>('/api/boards', body),
  moveCard: (cardId: string, body: MoveCardRequest) =>
    http.post<Card>(`/api/cards/${encodeURIComponent(cardId)}/move`, body),
};

export const queryKeys = {
  boards: ['boards'] as const,
  board: (boardId: string) => ['board', boardId] as const,
};
