import { useQuery, useQueryClient } from '@tanstack/react-query';
import { boardsApi, queryKeys } from '../../api/boards';
import { isApiError } from '../../api/http';
import type { Board } from '../../api/types';

/**
 * The board with its lanes and cards; a 4xx answer (not found, forbidden) is not retried. A fetch
 * never moves the board back: when hub events brought the cache past the version the server
 * answered with (they raced the fetch), the cache is kept.
 */
/** Retried (a 5xx, or no answer) for ever, at most this long apart: a screen nobody touches. */
export const UNATTENDED_RETRY_MAX_MS = 30_000;

/** A 4xx is final; anything else (the server is down or restarting) is tried again, for ever. */
export function retryUnattended(_failures: number, error: unknown): boolean {
  return !(isApiError(error) && error.status >= 400 && error.status < 500);
}

/** 1 s, 2 s, 4 s … then every 30 s. */
export function unattendedRetryDelay(failures: number): number {
  return Math.min(UNATTENDED_RETRY_MAX_MS, 1000 * 2 ** Math.max(0, failures - 1));
}

export interface UseBoardOptions {
  /**
   * For a screen nobody is at (the wall): keep trying while the server cannot be reached, with
   * backoff, instead of giving up after a few tries.
   */
  unattended?: boolean;
}

export function useBoard(boardId: string, options: UseBoardOptions = {}) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.board(boardId),
    queryFn: async ({ signal }) => {
      const fresh = await boardsApi.get(boardId, signal);
      const cached = queryClient.getQueryData<Board>(queryKeys.board(boardId));
      return cached && cached.id === fresh.id && cached.version > fresh.version ? cached : fresh;
    },
    retry: (failures, error) => retryUnattended(failures, error) && (options.unattended || failures < 2),
    ...(options.unattended ? { retryDelay: unattendedRetryDelay } : {}),
  });
}
