import { useEffect, useMemo, useRef, useState } from 'react';
import { ticketsApi } from '../../api/tickets';
import type { CheckTicketResponse } from '../../api/types';
import { toCheckRequest, type TicketDraft } from './ticketForm';

export const GATE_CHECK_DELAY_MS = 300;

export interface GateCheck {
  /** The latest answer (undefined before the first). */
  result: CheckTicketResponse | undefined;
  /** True while the draft differs from what the latest answer was for (a check is due or on its way). */
  stale: boolean;
  /** The latest check's failure, if it failed (cleared by the next answer). */
  error: unknown;
  /** Checks the same draft again (after a failure). */
  retry: () => void;
}

/**
 * Runs the quality gates on the draft as the user types: one `POST /api/tickets/check` per pause
 * of `delay` ms (and one on open), cancelling a check that a newer draft makes pointless. Answers
 * to an older draft are dropped.
 */
export function useGateCheck(boardId: string, draft: TicketDraft, delay = GATE_CHECK_DELAY_MS, ticketId?: string): GateCheck {
  const request = useMemo(() => toCheckRequest(boardId, draft, ticketId), [boardId, draft, ticketId]);
  const key = JSON.stringify(request);
  const [answer, setAnswer] = useState<{ key: string; result?: CheckTicketResponse; error?: unknown }>();
  const latestKey = useRef(key);
  latestKey.current = key;
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!boardId) return;
    const controller = new AbortController();
    const body = JSON.parse(key) as typeof request;
    const timer = setTimeout(() => {
      ticketsApi
        .check(body, controller.signal)
        .then((result) => {
          if (!controller.signal.aborted && latestKey.current === key) setAnswer({ key, result });
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted || (error instanceof DOMException && error.name === 'AbortError')) return;
          if (latestKey.current === key) setAnswer((prev) => ({ key, result: prev?.result, error }));
        });
    }, delay);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [boardId, key, delay, attempt]);

  return {
    result: answer?.result,
    stale: answer?.key !== key,
    error: answer?.key === key ? answer.error : undefined,
    retry: () => setAttempt((n) => n + 1),
  };
}
