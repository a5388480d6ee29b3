import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/boards';
import { isApiError } from '../../api/http';
import { ticketsApi } from '../../api/tickets';
import type { Ticket, TicketComment, TicketDetail, TicketRequest } from '../../api/types';

const noRetryOn4xx = (failures: number, error: Error) =>
  !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 2;

/** How many tickets wait in the board's triage inbox, without the tickets. Refetched on ticket events. */
export function useTriageCount(boardId: string) {
  return useQuery({
    queryKey: queryKeys.triageCount(boardId),
    queryFn: ({ signal }) => ticketsApi.triageCount(boardId, signal),
    enabled: !!boardId,
  });
}

/** The board's triage inbox: tickets in Triage and SentBack, oldest first. Refetched on ticket events. */
export function useTriage(boardId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.triage(boardId),
    queryFn: ({ signal }) => ticketsApi.triage(boardId, signal),
    retry: noRetryOn4xx,
    enabled: enabled && !!boardId,
  });
}

export function useTicket(ticketId: string) {
  return useQuery({
    queryKey: queryKeys.ticket(ticketId),
    queryFn: ({ signal }) => ticketsApi.get(ticketId, signal),
    retry: noRetryOn4xx,
  });
}

export function useSubmitTicket(boardId: string) {
  const queryClient = useQueryClient();
  return useMutation<Ticket, Error, TicketRequest>({
    mutationFn: (body) => ticketsApi.submit(boardId, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.triage(boardId) }),
  });
}

export function useUpdateTicket(ticketId: string) {
  const queryClient = useQueryClient();
  return useMutation<Ticket, Error, TicketRequest>({
    mutationFn: (body) => ticketsApi.update(ticketId, body),
    onSuccess: (ticket) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.ticket(ticketId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.triage(ticket.boardId) });
    },
  });
}

export type TriageAction =
  /** `toTop`: first in the backlog instead of last. */
  | { kind: 'accept'; ticket: Ticket; toTop?: boolean }
  | { kind: 'send-back'; ticket: Ticket; comment: string }
  | { kind: 'reject'; ticket: Ticket; reason: string }
  | { kind: 'merge'; ticket: Ticket; originalId: string }
  | { kind: 'mark-distinct'; ticket: Ticket };

function run(action: TriageAction): Promise<Ticket> {
  switch (action.kind) {
    case 'accept':
      return ticketsApi.accept(action.ticket.id, {
        ...(action.toTop ? { index: 0 } : {}),
        expectedUpdatedAt: action.ticket.updatedAt,
      });
    case 'send-back':
      return ticketsApi.sendBack(action.ticket.id, action.comment);
    case 'reject':
      return ticketsApi.reject(action.ticket.id, action.reason);
    case 'merge':
      return ticketsApi.merge(action.ticket.id, action.originalId);
    case 'mark-distinct':
      return ticketsApi.markDistinct(action.ticket.id);
  }
}

/**
 * A product owner's triage commands. On success the ticket's new state goes into the cached inbox
 * at once (an accepted, rejected or merged ticket leaves it), then the inbox and the board refetch.
 */
export function useTriageCommand(boardId: string) {
  const queryClient = useQueryClient();
  return useMutation<Ticket, Error, TriageAction>({
    mutationFn: run,
    onSuccess: (updated) => {
      queryClient.setQueryData<Ticket[]>(queryKeys.triage(boardId), (list) =>
        list
          // Commands other than the inbox answer without candidates: the ticket keeps those it had
          // until the inbox is read again.
          ?.map((t) => (t.id === updated.id ? { ...t, ...updated, duplicates: updated.duplicates.length > 0 ? updated.duplicates : t.duplicates } : t))
          .filter((t) => t.state === 'Triage' || t.state === 'SentBack'),
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.triage(boardId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.board(boardId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.ticket(updated.id) });
    },
  });
}

/** Adds a comment; it shows at once (the ticket refetches too, as every screen's does on `TicketCommented`). */
export function useAddComment(ticketId: string) {
  const queryClient = useQueryClient();
  return useMutation<TicketComment, Error, string>({
    mutationFn: (text) => ticketsApi.comment(ticketId, text),
    onSuccess: (comment) => {
      queryClient.setQueryData<TicketDetail>(queryKeys.ticket(ticketId), (detail) =>
        detail && !detail.comments.some((c) => c.id === comment.id)
          ? { ...detail, comments: [...detail.comments, comment] }
          : detail,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.ticket(ticketId) });
    },
  });
}

/**
 * Takes back the caller's last triage decision on a ticket: it is back in the inbox (put into the
 * cached inbox at once, oldest first), and an accepted card leaves the board.
 */
export function useUndoTriage(boardId: string) {
  const queryClient = useQueryClient();
  return useMutation<Ticket, Error, string>({
    mutationFn: (ticketId) => ticketsApi.undo(ticketId),
    onSuccess: (ticket) => {
      queryClient.setQueryData<Ticket[]>(queryKeys.triage(boardId), (list) =>
        list
          ? [...list.filter((t) => t.id !== ticket.id), ticket]
              .filter((t) => t.state === 'Triage' || t.state === 'SentBack')
              .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
          : list,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.triage(boardId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.board(boardId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.ticket(ticket.id) });
    },
  });
}
