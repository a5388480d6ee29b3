import { useMutation, useQueryClient } from '@tanstack/react-query';
import { boardsApi, queryKeys } from '../../api/boards';
import type { Board, Card } from '../../api/types';
import { applyMove, revertMove, upsertCard } from './boardState';

export interface MoveVariables {
  cardId: string;
  laneId: string;
  index: number;
}

interface MoveContext {
  previous?: Board;
  original?: Card;
}

/**
 * Moves a card optimistically: the cached board changes at once, the server is asked, and a
 * refusal puts the card back (the error's `detail` is for the user to read).
 */
export function useMoveCard(boardId: string) {
  const queryClient = useQueryClient();
  const boardKey = queryKeys.board(boardId);
  const mutationKey = ['moveCard', boardId] as const;

  return useMutation<Card, Error, MoveVariables, MoveContext>({
    mutationKey,
    mutationFn: ({ cardId, laneId, index }) => boardsApi.moveCard(cardId, { laneId, index }),
    onMutate: async ({ cardId, laneId, index }) => {
      // A fetch in flight would overwrite the optimistic board with an older one.
      await queryClient.cancelQueries({ queryKey: boardKey });
      const previous = queryClient.getQueryData<Board>(boardKey);
      const original = previous?.cards.find((c) => c.id === cardId);
      if (previous) queryClient.setQueryData<Board>(boardKey, applyMove(previous, cardId, laneId, index));
      return { previous, original };
    },
    onError: (_error, _vars, context) => {
      const current = queryClient.getQueryData<Board>(boardKey);
      if (!context?.previous || !current) return;
      if (current.version === context.previous.version) {
        // Nothing else changed meanwhile: restore the board exactly as it was.
        queryClient.setQueryData<Board>(boardKey, context.previous);
      } else if (context.original) {
        // Other changes arrived meanwhile: undo only this card's move.
        queryClient.setQueryData<Board>(boardKey, revertMove(current, context.original));
      }
    },
    onSuccess: (card) => {
      queryClient.setQueryData<Board>(boardKey, (board) => (board ? upsertCard(board, card) : board));
    },
    onSettled: () => {
      // Pick up the server's version (and its ranks) once no other move is still in flight.
      if (queryClient.isMutating({ mutationKey }) <= 1) {
        void queryClient.invalidateQueries({ queryKey: boardKey });
      }
    },
  });
}
