import { http } from './http';
import type {
  AcceptTicketRequest,
  CheckTicketRequest,
  CheckTicketResponse,
  Ticket,
  TicketComment,
  TicketDetail,
  TicketRequest,
  TriageCount,
} from './types';

const ticket = (ticketId: string) => `/api/tickets/${encodeURIComponent(ticketId)}`;

export const ticketsApi = {
  /** Runs the gates on a draft; nothing is saved. */
  check: (body: CheckTicketRequest, signal?: AbortSignal) =>
    // A POST that may be cancelled when the user types on: `request` takes the signal.
    http.postWithSignal<CheckTicketResponse>('/api/tickets/check', body, signal),
  submit: (boardId: string, body: TicketRequest) =>
    http.post<Ticket>(`/api/boards/${encodeURIComponent(boardId)}/tickets`, body),
  triageCount: (boardId: string, signal?: AbortSignal) =>
    http.get<TriageCount>(`/api/boards/${encodeURIComponent(boardId)}/triage/count`, signal),
  triage: (boardId: string, signal?: AbortSignal) =>
    http.get<Ticket[]>(`/api/boards/${encodeURIComponent(boardId)}/triage`, signal),
  get: (ticketId: string, signal?: AbortSignal) => http.get<TicketDetail>(ticket(ticketId), signal),
  update: (ticketId: string, body: TicketRequest) => http.put<Ticket>(ticket(ticketId), body),
  accept: (ticketId: string, body: AcceptTicketRequest = {}) => http.post<Ticket>(`${ticket(ticketId)}/accept`, body),
  sendBack: (ticketId: string, comment: string) => http.post<Ticket>(`${ticket(ticketId)}/send-back`, { comment }),
  reject: (ticketId: string, reason: string) => http.post<Ticket>(`${ticket(ticketId)}/reject`, { reason }),
  merge: (ticketId: string, originalId: string) => http.post<Ticket>(`${ticket(ticketId)}/merge`, { originalId }),
  markDistinct: (ticketId: string) => http.post<Ticket>(`${ticket(ticketId)}/mark-distinct`),
  /** Takes back the caller's last triage decision on the ticket (within 30 s): the ticket back in triage. */
  undo: (ticketId: string) => http.post<Ticket>(`${ticket(ticketId)}/undo`),
  comment: (ticketId: string, text: string) => http.post<TicketComment>(`${ticket(ticketId)}/comments`, { text }),
};
