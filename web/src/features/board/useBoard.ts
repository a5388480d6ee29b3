import { useQuery } from '@tanstack/react-query';
import { boardsApi, queryKeys } from '../../api/boards';
import { isApiError } from '../../api/http';

/** The board with its lanes and cards; a 4xx answer (not found, forbidden) is not retried. */
export function useBoard(boardId: string) {
  return useQuery({
    queryKey: queryKeys.board(boardId),
    queryFn: ({ signal }) => boardsApi.get(boardId, signal),
    retry: (failures, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 2,
  });
}
