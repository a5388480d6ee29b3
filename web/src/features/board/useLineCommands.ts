import { useMutation, useQueryClient } from '@tanstack/react-query';
import { boardsApi, queryKeys } from '../../api/boards';
import { isApiError } from '../../api/http';
import type { Board, LineState } from '../../api/types';

/**
 * Stop the line (the andon cord) and resume it. The answer is the line as it now is, put into the
 * cached board at once (the hub's LineStopped/LineResumed, with the version, follows). A refusal
 * (409: already stopped, stopped by itself, not stopped) means the cached line was out of date:
 * the board is reloaded.
 */
export function useLineCommands(boardId: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.board(boardId);

  const setLine = (line: LineState) => {
    queryClient.setQueryData<Board>(key, (board) => (board ? { ...board, line } : board));
    void queryClient.invalidateQueries({ queryKey: queryKeys.activity(boardId) });
  };
  const onError = (error: Error) => {
    if (isApiError(error) && error.status === 409) void queryClient.invalidateQueries({ queryKey: key });
  };

  const stop = useMutation<LineState, Error, string>({
    mutationFn: (reason) => boardsApi.stopLine(boardId, reason),
    onSuccess: setLine,
    onError,
  });
  const resume = useMutation<LineState, Error, string>({
    mutationFn: (note) => boardsApi.resumeLine(boardId, note),
    onSuccess: setLine,
    onError,
  });
  return { stop, resume };
}
