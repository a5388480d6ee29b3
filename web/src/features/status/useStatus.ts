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
 * A function that marks every status query of the board stale, at most once per `delayMs`: a burst
 * of hub events (a move renumbers, pushes outliers…) makes one round of requests, not ten.
 */
export function useDebouncedStatusRefresh(boardId: string, delayMs = 500): () => void {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = undefined;
      void queryClient.invalidateQueries({ queryKey: statusKeys.all(boardId) });
    }, delayMs);
  }, [queryClient, boardId, delayMs]);
}
