import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { boardsApi, queryKeys } from '../../api/boards';
import type { Board, Card, Person } from '../../api/types';
import { upsertCard, withPerson } from './boardState';

/** Who a card may be assigned to (Member+), fetched when the picker first opens. */
export function useAssignablePeople(boardId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.people(boardId),
    queryFn: ({ signal }) => boardsApi.people(boardId, signal),
    enabled,
    staleTime: 60_000,
  });
}

/**
 * Assign, unassign, block and unblock a card. Not optimistic: the server may refuse (the personal WIP
 * limit), and the caller shows why. The answer (the card) goes into the cached board at once, with
 * the new assignee's name, so the card shows their initials before the live echo arrives.
 */
export function useCardCommands(boardId: string) {
  const queryClient = useQueryClient();
  const boardKey = queryKeys.board(boardId);

  const put = (card: Card, person?: Person | null) =>
    queryClient.setQueryData<Board>(boardKey, (board) => {
      // A card the board does not list (it left meanwhile) is not put back.
      if (!board?.cards.some((c) => c.id === card.id)) return board;
      const named = person ? withPerson(board, person) : board;
      return upsertCard(named, card);
    });

  const assign = useMutation<Card, Error, { cardId: string; person: Person | null }>({
    mutationFn: ({ cardId, person }) => boardsApi.assignCard(cardId, person?.id ?? null),
    onSuccess: (card, { person }) => put(card, person),
  });
  const block = useMutation<Card, Error, { cardId: string; reason: string }>({
    mutationFn: ({ cardId, reason }) => boardsApi.blockCard(cardId, reason),
    onSuccess: (card) => put(card),
  });
  const unblock = useMutation<Card, Error, { cardId: string }>({
    mutationFn: ({ cardId }) => boardsApi.unblockCard(cardId),
    onSuccess: (card) => put(card),
  });

  return { assign, block, unblock };
}
