import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { boardsApi, queryKeys } from '../../api/boards';
import type { Board, Card, Person } from '../../api/types';
import { upsertCard, withPerson } from './boardState';

/**
 * Who a card of the board may be assigned to (Member+), fetched when a picker first opens. Kept
 * under the board's members, so a `MembersChanged` from the hub refreshes it too.
 */
export function useAssignablePeople(boardId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.people(boardId),
    queryFn: ({ signal }) => boardsApi.people(boardId, signal),
    enabled: enabled && !!boardId,
    staleTime: 60_000,
  });
}

/** What to do to a card; `person` null unassigns. */
export type CardAction =
  | { kind: 'assign'; person: Person | null }
  | { kind: 'block'; reason: string }
  | { kind: 'unblock' };

export type CardCommand = CardAction & { cardId: string };

function send(command: CardCommand): Promise<Card> {
  switch (command.kind) {
    case 'assign':
      return boardsApi.assignCard(command.cardId, command.person?.id ?? null);
    case 'block':
      return boardsApi.blockCard(command.cardId, command.reason);
    case 'unblock':
      return boardsApi.unblockCard(command.cardId);
  }
}

/**
 * Assign, unassign, block and unblock a card, from the board or its ticket's page (a ticket on the
 * board is its card: one id). Not optimistic: the server may refuse (the personal WIP limit), and
 * the caller shows why. The answer (the card) goes into the cached board at once, with the new
 * assignee's name, so the card shows their initials before the live echo arrives; the ticket's
 * page is read again.
 */
export function useCardCommand(boardId: string) {
  const queryClient = useQueryClient();
  return useMutation<Card, Error, CardCommand>({
    mutationFn: send,
    onSuccess: (card, command) => {
      queryClient.setQueryData<Board>(queryKeys.board(boardId), (board) => {
        // A card the board does not list (it left meanwhile) is not put back.
        if (!board?.cards.some((c) => c.id === card.id)) return board;
        const named = command.kind === 'assign' && command.person ? withPerson(board, command.person) : board;
        return upsertCard(named, card);
      });
      void queryClient.invalidateQueries({ queryKey: queryKeys.ticket(command.cardId) });
    },
  });
}
