import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useMemo } from 'react';
import { boardsApi, queryKeys } from '../../api/boards';
import type { Board, Outlier } from '../../api/types';

/**
 * How often the outliers are asked again with no event to say so. The hub pushes OutliersChanged
 * (useBoardHub), and board events mark the list stale at once (handleBoardEvent); the minute's
 * refetch covers a screen connected to an instance that does not run the outliers' round (there is
 * no hub backplane between instances yet).
 */
export const OUTLIERS_REFETCH_MS = 60_000;

/** The board's outliers, right to left by lane and then oldest first, as the server orders them. */
export function useOutliers(boardId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.outliers(boardId),
    queryFn: ({ signal }) => boardsApi.outliers(boardId, signal),
    enabled: enabled && Boolean(boardId),
    refetchInterval: OUTLIERS_REFETCH_MS,
  });
}

/** The outliers by card id. */
export function useOutliersByCard(outliers: readonly Outlier[] | undefined): ReadonlyMap<string, Outlier> {
  return useMemo(() => new Map((outliers ?? []).map((o) => [o.cardId, o] as const)), [outliers]);
}

/** The board's outliers by card id, for the cards to show their badges without passing them down every lane. */
export const OutliersContext = createContext<ReadonlyMap<string, Outlier>>(new Map());

export function useCardOutlier(cardId: string): Outlier | undefined {
  return useContext(OutliersContext).get(cardId);
}

/** Every reason's words, in the server's order, as one sentence list: "A. B." */
export function outlierWords(outlier: Pick<Outlier, 'details'>): string {
  return outlier.details.map((d) => d.words).join('. ');
}

/**
 * The board with its outlier cards flagged from the outliers query (the board response's own flag
 * may lag behind it), so that the Outliers filter finds the cards that carry a badge.
 */
export function withOutlierFlags(board: Board, outliers: ReadonlyMap<string, Outlier>): Board {
  if (outliers.size === 0 || board.cards.every((c) => c.outlier || !outliers.has(c.id))) return board;
  return { ...board, cards: board.cards.map((c) => (!c.outlier && outliers.has(c.id) ? { ...c, outlier: true } : c)) };
}
