import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { isApiError } from '../../api/http';
import { statusApi, statusKeys, type DateRange, type ForecastQuery, type StatusNote } from '../../api/status';

const noRetryOn4xx = (failures: number, error: Error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 2;

export function useStatus(boardId: string) {
  return useQuery({
    queryKey: statusKeys.status(boardId),
    queryFn: ({ signal }) => statusApi.status(boardId, signal),
    retry: noRetryOn4xx,
    placeholderData: keepPreviousData,
  });
}

export function useCfd(boardId: string, range: DateRange, enabled: boolean) {
  return useQuery({
    queryKey: statusKeys.cfd(boardId, range),
    queryFn: ({ signal }) => statusApi.cfd(boardId, range, signal),
    retry: noRetryOn4xx,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCycleTimes(boardId: string, range: DateRange, enabled: boolean) {
  return useQuery({
    queryKey: statusKeys.cycleTimes(boardId, range),
    queryFn: ({ signal }) => statusApi.cycleTimes(boardId, range, signal),
    retry: noRetryOn4xx,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useThroughput(boardId: string, range: DateRange, enabled: boolean) {
  return useQuery({
    queryKey: statusKeys.throughput(boardId, range),
    queryFn: ({ signal }) => statusApi.throughput(boardId, range, signal),
    retry: noRetryOn4xx,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The forecast of a chosen set; asked only once the form has been sent (`query` not null). */
export function useChosenForecast(boardId: string, query: ForecastQuery | null) {
  return useQuery({
    queryKey: statusKeys.forecast(boardId, query ?? {}),
    queryFn: ({ signal }) => statusApi.forecast(boardId, query ?? {}, signal),
    retry: noRetryOn4xx,
    enabled: query !== null,
  });
}

export function useAddNote(boardId: string) {
  const queryClient = useQueryClient();
  return useMutation<StatusNote, Error, string>({
    mutationFn: (text) => statusApi.addNote(boardId, text),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: statusKeys.status(boardId) }),
  });
}

/**
 * A function that marks every status query of the board stale `delayMs` after the last of a burst of
 * hub events (a move renumbers, pushes outliers…: one round of requests, not ten), and at the latest
 * `maxWaitMs` after the first: a board that stays busy is still refreshed.
 */
export function useDebouncedStatusRefresh(boardId: string, delayMs = 500, maxWaitMs = 2000): () => void {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const firstAt = useRef<number | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(() => {
    const now = Date.now();
    firstAt.current ??= now;
    clearTimeout(timer.current);
    const wait = Math.max(0, Math.min(delayMs, firstAt.current + maxWaitMs - now));
    timer.current = setTimeout(() => {
      timer.current = undefined;
      firstAt.current = undefined;
      void queryClient.invalidateQueries({ queryKey: statusKeys.all(boardId) });
    }, wait);
  }, [queryClient, boardId, delayMs, maxWaitMs]);
}
