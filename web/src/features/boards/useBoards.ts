import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { boardsApi, queryKeys } from '../../api/boards';
import type { Board, CreateBoardRequest } from '../../api/types';

export function useBoards() {
  return useQuery({
    queryKey: queryKeys.boards,
    queryFn: ({ signal }) => boardsApi.list(signal),
  });
}

export function useCreateBoard() {
  const queryClient = useQueryClient();
  return useMutation<Board, Error, CreateBoardRequest>({
    mutationFn: (body) => boardsApi.create(body),
    onSuccess: (board) => {
      queryClient.setQueryData(queryKeys.board(board.id), board);
      void queryClient.invalidateQueries({ queryKey: queryKeys.boards });
    },
  });
}
