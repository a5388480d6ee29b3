import { useEffect, useRef, useState } from 'react';
import {
  HubConnectionBuilder,
  HubConnectionState,
  LogLevel,
  type HubConnection,
  type IRetryPolicy,
} from '@microsoft/signalr';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/boards';
import { antiforgeryHeaders, http } from '../../api/http';
import { shareToken, withShareToken } from '../../api/share';
import { BOARD_HUB_EVENTS, type OutliersChangedMessage } from '../../api/contract/hub';
import type { AccessRevokedMessage, Board, BoardEvent, BoardEventKind, ConnectionState, Outlier } from '../../api/types';
import { applyBoardEvent } from './boardState';

export const HUB_URL = '/hubs/board';

/**
 * A connection that heard nothing from the server for this long is dropped (and retried), so a wall
 * says within 5 s that it is no longer live even when the server vanished without closing the link
 * (a killed process, a pulled cable). The server pings every 2 s (KeepAliveInterval in Program.cs);
 * this must stay at least twice that, so one late ping does not drop a good link.
 */
export const SERVER_TIMEOUT_MS = 5_000;

/** Retries for ever (a wall screen must come back by itself): 0 s, 2 s, 5 s, 10 s, then every 30 s. */
const retryForever: IRetryPolicy = {
  nextRetryDelayInMilliseconds: ({ previousRetryCount }) => [0, 2000, 5000, 10000][previousRetryCount] ?? 30000,
};

/**
 * The hub's board events: every event it sends but AccessRevoked, which is about this screen, not the
 * board, and OutliersChanged, which changes no board version and goes straight to the outliers.
 */
export const BOARD_EVENTS: readonly BoardEventKind[] = BOARD_HUB_EVENTS.filter(
  (name): name is BoardEventKind => name !== 'AccessRevoked' && name !== 'OutliersChanged',
);

/** The live link's state; `revokedReason` says why the server ended this screen's access (state `revoked`). */
export interface LiveStatus {
  state: ConnectionState;
  revokedReason?: string;
}

/**
 * Applies a hub event to the cached board, or refetches it when the event cannot be applied.
 * Synchronous read-apply-write, so two events in a row (v + 1, then v + 2) both apply. Also marks the
 * activity trail stale, the settings after a lane or settings change, and the triage inbox and ticket
 * pages after a ticket event (each refetches only if shown).
 */
export function handleBoardEvent(queryClient: QueryClient, boardId: string, event: BoardEvent): void {
  if (event.kind === 'LaneChanged' || event.kind === 'SettingsChanged') {
    void queryClient.invalidateQueries({ queryKey: queryKeys.settings(boardId) });
    // New lanes, a new stale period or window: asked again at once. A move or a change of a card
    // needs no request of each screen: the server pushes OutliersChanged when it alters them.
    void queryClient.invalidateQueries({ queryKey: queryKeys.outliers(boardId) });
  }
  if (event.kind === 'MembersChanged') {
    // A prefix: the assign picker's people too.
    void queryClient.invalidateQueries({ queryKey: queryKeys.members(boardId) });
  }
  void queryClient.invalidateQueries({ queryKey: queryKeys.activity(boardId) });
  if (event.kind === 'TicketSubmitted' || event.kind === 'TicketChanged' || event.kind === 'TicketAccepted') {
    // The triage inbox (and the count on the board) refetches.
    void queryClient.invalidateQueries({ queryKey: queryKeys.triage(boardId) });
  }
  if (event.kind.startsWith('Ticket') || event.kind === 'CardChanged' || event.kind === 'CardMoved') {
    // Any open ticket page shows the ticket as it is now.
    void queryClient.invalidateQueries({ queryKey: queryKeys.tickets });
  }

  const key = queryKeys.board(boardId);
  const current = queryClient.getQueryData<Board>(key);
  if (!current) {
    void queryClient.invalidateQueries({ queryKey: key });
    return;
  }
  const outcome = applyBoardEvent(current, event);
  if (outcome.action === 'applied') queryClient.setQueryData<Board>(key, outcome.board);
  if (outcome.action === 'reload' || (outcome.action === 'applied' && outcome.refetch)) {
    void queryClient.invalidateQueries({ queryKey: key });
  }
}

/**
 * Owns the SignalR connection for one board: joins it after every (re)connect, reloads the board
 * then (events may have been missed), patches the cached board from events, and reports the
 * connection state so the page can say when it may be stale.
 */
/** The server's words for a refused join: SignalR wraps a HubException's message in its own sentence. */
export function joinRefusal(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const said = /HubException: (.*)$/s.exec(message)?.[1]?.trim();
  return said || 'This board is no longer open to you.';
}

/** What a page adds to the hub's own handling. */
export interface BoardHubOptions {
  /**
   * Called after each event of the board has been handled (`kind` is the event's name), and after
   * every (re)join, when events may have been missed (`kind` is `joined`). Read through a ref, so a
   * new function each render does not reconnect.
   */
  onEvent?: (kind: string) => void;
  /** Events the page also listens for, beyond the board's (passed to `onEvent` only). */
  extraEvents?: readonly string[];
}

export function useBoardHub(boardId: string, enabled = true, options: BoardHubOptions = {}): LiveStatus {
  const queryClient = useQueryClient();
  const onEventRef = useRef(options.onEvent);
  onEventRef.current = options.onEvent;
  const extraEvents = (options.extraEvents ?? []).join(',');
  const [status, setStatus] = useState<LiveStatus>({ state: 'connecting' });
  const setState = (state: ConnectionState) => setStatus({ state });

  useEffect(() => {
    if (!enabled || !boardId) return;
    setStatus({ state: 'connecting' });
    let disposed = false;
    let restartTimer: ReturnType<typeof setTimeout> | undefined;
    let restartAttempt = 0;
    let reloadTimer: ReturnType<typeof setTimeout> | undefined;
    const key = queryKeys.board(boardId);

    const connection: HubConnection = new HubConnectionBuilder()
      // The negotiate request is a cookie-authenticated POST: it carries the antiforgery header.
      .withUrl(withShareToken(HUB_URL), { withCredentials: true, headers: antiforgeryHeaders() })
      .withAutomaticReconnect(retryForever)
      .withServerTimeout(SERVER_TIMEOUT_MS)
      .configureLogging(LogLevel.Warning)
      .build();

    const notify = (kind: string) => onEventRef.current?.(kind);

    for (const kind of BOARD_EVENTS) {
      connection.on(kind, (payload: Omit<BoardEvent, 'kind'>) => {
        handleBoardEvent(queryClient, boardId, { ...payload, kind } as BoardEvent);
        notify(kind);
      });
    }
    for (const kind of extraEvents.split(',')) {
      if (kind && !(BOARD_EVENTS as readonly string[]).includes(kind) && kind !== 'OutliersChanged') {
        connection.on(kind, (payload: { boardId?: string }) => {
          if (!payload?.boardId || payload.boardId === boardId) notify(kind);
        });
      }
    }

    // The server ended this screen's access, or refuses it: say why and stop for good (no
    // reconnect); what the person may see now is for the pages to load again.
    const revoke = (reason: string) => {
      disposed = true;
      if (restartTimer) clearTimeout(restartTimer);
      setStatus({ state: 'revoked', revokedReason: reason });
      void connection.stop().catch(() => {});
      void queryClient.invalidateQueries({ queryKey: queryKeys.boards });
    };

    // The board's outliers as the server just computed them: a card may have become one by age alone.
    connection.on('OutliersChanged', (message: OutliersChangedMessage) => {
      if (message.boardId !== boardId) return;
      queryClient.setQueryData<Outlier[]>(queryKeys.outliers(boardId), message.outliers as Outlier[]);
      notify('OutliersChanged');
    });

    connection.on('AccessRevoked', (message: AccessRevokedMessage) => {
      if (!disposed) revoke(message.reason);
    });

    /** Joins the board; false when the server refused (the screen is then revoked, not retried). */
    const joinAndReload = async (): Promise<boolean> => {
      try {
        await connection.invoke('JoinBoard', boardId);
      } catch (error) {
        // A refusal arrives on a working connection; a lost connection is retried as usual.
        if (connection.state !== HubConnectionState.Connected) throw error;
        revoke(joinRefusal(error));
        return false;
      }
      if (disposed) return false;
      void queryClient.invalidateQueries({ queryKey: queryKeys.outliers(boardId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.triage(boardId) });
      // An open ticket page may have missed a comment or a change while the link was down.
      void queryClient.invalidateQueries({ queryKey: queryKeys.tickets });
      notify('joined');
      // Events may have been missed: "Live" only once the board shown is the one reloaded after the join.
      await reloadBoard();
      return !disposed;
    };

    /** Reloads the board (when a page shows it) until that succeeds, then says the screen is live. */
    const reloadBoard = async () => {
      for (let attempt = 0; !disposed; attempt += 1) {
        await queryClient.refetchQueries({ queryKey: key, exact: true });
        if (disposed) return;
        if (queryClient.getQueryState(key)?.status !== 'error') {
          setState('connected');
          return;
        }
        await new Promise((resolve) => {
          reloadTimer = setTimeout(resolve, Math.min(30_000, 1000 * 2 ** attempt));
        });
      }
    };

    const scheduleRestart = () => {
      if (disposed || restartTimer) return;
      const delay = [2000, 5000, 10000][restartAttempt] ?? 30000;
      restartAttempt += 1;
      restartTimer = setTimeout(() => {
        restartTimer = undefined;
        void start();
      }, delay);
    };

    const start = async () => {
      if (disposed || connection.state !== HubConnectionState.Disconnected) return;
      setState('connecting');
      try {
        await connection.start();
        if (disposed) return;
        if (await joinAndReload()) restartAttempt = 0;
      } catch (error) {
        if (disposed) return;
        console.warn('Board live updates unavailable', error);
        setState('disconnected');
        // Maybe the session ended: asking who is signed in says so (a 401 sends the app to sign-in);
        // any other failure (the server is down) leaves the board as it is. A page opened from a
        // share link has no session to lose: asking would only send a stakeholder to sign in.
        if (!shareToken()) void http.get('/api/me').catch(() => undefined);
        if (connection.state !== HubConnectionState.Disconnected) await connection.stop().catch(() => {});
        scheduleRestart();
      }
    };

    connection.onreconnecting(() => {
      if (!disposed) setState('reconnecting');
    });
    connection.onreconnected(() => {
      if (disposed) return;
      joinAndReload().catch((error: unknown) => {
        console.warn('Could not rejoin the board', error);
        void connection.stop();
      });
    });
    connection.onclose(() => {
      if (disposed) return;
      setState('disconnected');
      scheduleRestart();
    });

    void start();

    return () => {
      disposed = true;
      if (restartTimer) clearTimeout(restartTimer);
      if (reloadTimer) clearTimeout(reloadTimer);
      void connection.stop().catch(() => {});
      // A stopped connection is not live, whatever it last said (and its onclose is not heard).
      setStatus((old) => (old.state === 'revoked' ? old : { state: 'disconnected' }));
    };
  }, [boardId, enabled, queryClient, extraEvents]);

  if (!enabled && status.state === 'connected') return { state: 'disconnected' };
  return status;
}
