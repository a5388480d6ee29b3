import { http, request } from './http';
import type {
  AddMemberRequest,
  BoardMember,
  BoardRole,
  CreatedShareLink,
  CreateUserRequest,
  CurrentUser,
  LoginRequest,
  Session,
  ShareLink,
  ShareView,
  UserAccount,
} from './types';

const board = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;

export const authApi = {
  /** Who is signed in; a 401 means nobody (the caller decides, so it is not reported as a lost session). */
  me: (signal?: AbortSignal) => request<CurrentUser>('/api/me', { signal, anonymous: true }),
  /** Who is signed in, or nobody, as a 200 (so a stranger's page shows no failed request); also issues a fresh XSRF-TOKEN. */
  session: (signal?: AbortSignal) => request<Session>('/api/auth/session', { signal, anonymous: true }),
  /** Sets the session cookie and a fresh XSRF-TOKEN; 401 on wrong credentials, 429 when rate limited. */
  login: (body: LoginRequest) => request<CurrentUser>('/api/auth/login', { method: 'POST', body, anonymous: true }),
  logout: () => request<void>('/api/auth/logout', { method: 'POST', anonymous: true }),
};

export const usersApi = {
  list: (signal?: AbortSignal) => http.get<UserAccount[]>('/api/users', signal),
  create: (body: CreateUserRequest) => http.post<UserAccount>('/api/users', body),
};

export const membersApi = {
  list: (boardId: string, signal?: AbortSignal) => http.get<BoardMember[]>(`${board(boardId)}/members`, signal),
  add: (boardId: string, body: AddMemberRequest) => http.post<BoardMember>(`${board(boardId)}/members`, body),
  setRole: (boardId: string, userId: string, role: BoardRole) =>
    http.put<BoardMember>(`${board(boardId)}/members/${encodeURIComponent(userId)}`, { role }),
  remove: (boardId: string, userId: string) => http.delete(`${board(boardId)}/members/${encodeURIComponent(userId)}`),
};

export const shareLinksApi = {
  list: (boardId: string, signal?: AbortSignal) => http.get<ShareLink[]>(`${board(boardId)}/share-links`, signal),
  create: (boardId: string, view: ShareView) => http.post<CreatedShareLink>(`${board(boardId)}/share-links`, { view }),
  revoke: (shareLinkId: string) => http.delete(`/api/share-links/${encodeURIComponent(shareLinkId)}`),
};
