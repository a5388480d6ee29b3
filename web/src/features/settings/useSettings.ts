import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { boardsApi, queryKeys } from '../../api/boards';
import { isApiError } from '../../api/http';
import type { BoardSettings, Lane, LaneRequest, UpdateSettingsRequest } from '../../api/types';

export function useBoardSettings(boardId: string) {
  return useQuery({
    queryKey: queryKeys.settings(boardId),
    queryFn: ({ signal }) => boardsApi.getSettings(boardId, signal),
    retry: (failures, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 2,
  });
}

export function useUpdateSettings(boardId: string) {
  const queryClient = useQueryClient();
  return useMutation<BoardSettings, Error, UpdateSettingsRequest>({
    mutationFn: (body) => boardsApi.updateSettings(boardId, body),
    onSuccess: (settings) => {
      queryClient.setQueryData(queryKeys.settings(boardId), settings);
      // A new threshold may stop or restart the line.
      void queryClient.invalidateQueries({ queryKey: queryKeys.board(boardId) });
    },
  });
}

/** Add, change (and reorder) and delete lanes; each refreshes the board (counts, order, line) and the settings (the automatic threshold). */
export function useLaneCommands(boardId: string) {
  const queryClient = useQueryClient();
  // Awaited by the mutations, so a caller's `mutateAsync` resolves once the board shows the change.
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.board(boardId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.settings(boardId) }),
    ]);
  const add = useMutation<Lane, Error, LaneRequest>({
    mutationFn: (body) => boardsApi.addLane(boardId, body),
    onSettled: refresh,
  });
  const update = useMutation<Lane, Error, { laneId: string; body: LaneRequest & { order: number } }>({
    mutationFn: ({ laneId, body }) => boardsApi.updateLane(boardId, laneId, body),
    onSettled: refresh,
  });
  const remove = useMutation<void, Error, string>({
    mutationFn: (laneId) => boardsApi.deleteLane(boardId, laneId),
    onSettled: refresh,
  });
  return { add, update, remove };
}
