import { useQuery, useQueryClient } from '@tanstack/react-query';
import { boardsApi, queryKeys } from '../../api/boards';
import { isApiError } from '../../api/http';
import type { Board } from '../../api/types';

/**
 * The board with its lanes and cards; a 4xx answer (not found, forbidden) is not retried. A fetch
 * never moves the board back: when hub events brought the cache past the version the server
 * answered with (they raced the fetch), the cache is kept.
 */
export function useBoard(boardId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.board(boardId),
    queryFn: async ({ signal }) => {
      const fresh = await boardsApi.get(boardId, signal);
      const cached = queryClient.getQueryData<Board>(queryKeys.board(boardId));
      return cached && cached.id === fresh.id && cached.version > fresh.version ? cached : fresh;
    },
    retry: (failures, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 2,
  });
}
