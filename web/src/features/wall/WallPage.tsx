import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useParams } from 'react-router-dom';
import { isApiError } from '../../api/http';
import { shareToken } from '../../api/share';
import type { Board, Card, Lane, Outlier } from '../../api/types';
import { useNow } from '../../lib/time';
import { RequireAuth } from '../auth/AuthProvider';
import { isLaneFull, isLaneOverLimit, laneCountLabel, lineStopKind } from '../board/boardState';
import { classLabel, initials } from '../board/cardLabels';
import { useBoard } from '../board/useBoard';
import { useBoardHub, type LiveStatus } from '../board/useBoardHub';
import { useOutliers, useOutliersByCard } from '../board/useOutliers';
import { standupWalk, workingDays, type StandupStep } from '../standup/standupItems';
import {
  CARD_GAP_EM,
  CARD_HEIGHT_EM,
  DESIGN_TITLE_PX,
  fitWall,
  LANE_GAP_EM,
  LANE_PADDING_EM,
  PAGE_MS,
  pageOf,
  screenUnit,
  SIDE_WIDTH_EM,
  sideCards,
} from './fit';
import { beep, clockTime, stoppedFor, useLineStops, useLostAt } from './wallLive';
import './wall.css';

/** The key that starts (and, pressed again, leaves) the standup walk. */
export const STANDUP_KEY = 's';
/** With the timer on, each step of the walk shows this long. */
export const STANDUP_STEP_MS = 30_000;
/** The key hint hides itself after this long. */
export const HINT_MS = 12_000;

/**
 * `/wall/:boardId`: opened with a wall share link it needs no sign-in (and never sends a kiosk to the
 * sign-in page); without one it is for a signed-in member of the board.
 */
export function WallRoute() {
  if (shareToken()) return <WallPage />;
  return (
    <RequireAuth>
      <WallPage />
    </RequireAuth>
  );
}

function WallMessage({ title, text, testId }: { title: string; text: string; testId: string }) {
  return (
    <div className="wall wall--message" data-testid={testId}>
      <h1 className="wall__message-title">{title}</h1>
      <p className="wall__message-text">{text}</p>
    </div>
  );
}

export function WallPage() {
  const { boardId = '' } = useParams();
  // A kiosk may start before the server does: the board is tried again until it loads, and the live
  // link starts on its own (its first join reloads the board at once).
  const board = useBoard(boardId, { unattended: true });
  const live = useBoardHub(boardId);
  const outliers = useOutliers(boardId, board.data !== undefined);
  const shared = shareToken() !== null;
  const failure = board.error ?? board.failureReason;
  const status = failure ? (isApiError(failure) ? failure.status : 0) : undefined;

  if (!board.data && status !== undefined && status >= 400 && status < 500) {
    if (shared && (status === 401 || status === 403 || status === 404)) {
      return (
        <WallMessage
          testId="wall-link-invalid"
          title="This wall link does not work"
          text="It is not valid, or it was revoked. Ask the board's product owner for a new wall link."
        />
      );
    }
    if (status === 404 || status === 403) {
      return <WallMessage testId="wall-not-found" title="Board not found" text="There is no board here that you may see." />;
    }
  }
  if (live.state === 'revoked') {
    return (
      <WallMessage
        testId="wall-revoked"
        title="This wall is no longer shared"
        text={`${live.revokedReason ?? 'The link was revoked.'} Ask the board's product owner for a new wall link.`}
      />
    );
  }
  if (board.data) return <WallScreen board={board.data} live={live} outliers={outliers.data ?? []} />;
  if (status !== undefined) {
    return (
      <WallMessage
        testId="wall-unreachable"
        title="The board could not be loaded"
        text="Not live: the server could not be reached. This screen tries again by itself."
      />
    );
  }
  return <WallMessage testId="wall-loading" title="Loading the board…" text="" />;
}

function byRank(a: Card, b: Card): number {
  return a.rank - b.rank;
}

/**
 * The size of an element's content box, followed as it changes. It is read again after every render
 * too, before the browser paints: the board's padding and the header above it follow --u, which a
 * render sets, and a ResizeObserver that fired just before that render (a screen turned from 1080p
 * to 4K) would otherwise leave the fit counting with the old header's room for a frame or more.
 */
function useContentSize<T extends HTMLElement>(): [React.RefObject<T | null>, { width: number; height: number }] {
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const measure = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    const style = getComputedStyle(element);
    const px = (value: string) => parseFloat(value) || 0;
    const width = Math.max(0, element.clientWidth - px(style.paddingLeft) - px(style.paddingRight));
    const height = Math.max(0, element.clientHeight - px(style.paddingTop) - px(style.paddingBottom));
    setSize((old) => (old.width === width && old.height === height ? old : { width, height }));
  }, []);
  // Every render: converges at once, as the board's own box does not depend on the fit.
  useLayoutEffect(measure);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [measure]);
  return [ref, size];
}

function useViewportUnit(): number {
  const read = () => (typeof window === 'undefined' ? 1 : screenUnit(window.innerWidth, window.innerHeight));
  const [unit, setUnit] = useState(read);
  useEffect(() => {
    const onResize = () => setUnit(read());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return unit;
}

function WallCard({
  card,
  outlier,
  assignee,
  current,
}: {
  card: Card;
  outlier: Outlier | undefined;
  assignee: string | null;
  current: boolean;
}) {
  const classes = [
    'wall-card',
    `wall-card--${card.class.toLowerCase()}`,
    card.blocked ? 'wall-card--blocked' : '',
    outlier ? 'wall-card--outlier' : '',
    current ? 'wall-card--current' : '',
  ];
  return (
    <li className={classes.filter(Boolean).join(' ')} data-testid="wall-card" data-card-key={card.key}>
      <p className="wall-card__text">
        <span className="wall-card__key">{card.key}</span> <span className="wall-card__title" data-testid="wall-card-title">{card.title}</span>
      </p>
      <p className="wall-card__meta">
        {card.class !== 'Standard' && <span className="wall-card__class">{classLabel(card.class)}</span>}
        {card.blocked && (
          <span className="wall-card__blocked" data-testid="wall-card-blocked">
            <span aria-hidden="true">■ </span>Blocked
          </span>
        )}
        {outlier && (
          <span className="wall-card__outlier" data-testid="wall-card-outlier" title={outlier.details.map((d) => d.words).join('. ')}>
            <span aria-hidden="true">▲ </span>Outlier
          </span>
        )}
        <span className="wall-card__age" data-testid="wall-card-age">
          {card.ageDays == null ? '' : `${card.ageDays}d`}
          {card.ageDays != null && <span className="sr-only"> old</span>}
        </span>
        {assignee && (
          <span className="wall-card__who" title={assignee} data-testid="wall-card-assignee">
            <span aria-hidden="true">{initials(assignee)}</span>
            <span className="sr-only">{assignee}</span>
          </span>
        )}
      </p>
    </li>
  );
}

function LimitMark({ lane }: { lane: Lane }) {
  if (isLaneOverLimit(lane)) return <span className="wall-lane__limit wall-lane__limit--over" data-testid="wall-lane-limit">Over limit</span>;
  if (isLaneFull(lane)) return <span className="wall-lane__limit" data-testid="wall-lane-limit">Full</span>;
  return null;
}

function WallLineBanner({ board, now }: { board: Board; now: number }) {
  const line = board.line;
  if (!line.stopped) return null;
  const manual = lineStopKind(line) === 'manual';
  const since = line.since ? Date.parse(line.since) : Number.NaN;
  const who = line.stoppedByName ?? 'someone';
  return (
    <section className="wall-line" aria-labelledby="wall-line-title" data-testid="wall-line-banner" data-kind={manual ? 'manual' : 'auto'}>
      {/* Said once when the line stops: the ticking time below is outside it, so it is not re-announced every second. */}
      <p className="sr-only" role="alert" data-testid="wall-line-alert">
        Line stopped. {manual ? `Andon cord pulled by ${who}` : 'Stopped automatically: untested work reached the threshold'}.
        {!Number.isNaN(since) && ` Since ${clockTime(since)}.`}
        {line.reason ? ` ${line.reason}` : ''}
      </p>
      <h2 id="wall-line-title" className="wall-line__title">
        <span aria-hidden="true">■ </span>Line stopped
      </h2>
      <p className="wall-line__facts">
        <span data-testid="wall-line-kind">{manual ? `Andon cord pulled by ${who}` : 'Stopped automatically: untested work reached the threshold'}</span>
        {!Number.isNaN(since) && (
          <span data-testid="wall-line-for">
            {' '}
            · for {stoppedFor(now - since)} (since {clockTime(since)})
          </span>
        )}
      </p>
      {line.reason && (
        <p className="wall-line__reason" data-testid="wall-line-reason">
          {line.reason}
        </p>
      )}
    </section>
  );
}

function StandupFocus({ step, index, total, board, timer, outliers }: {
  step: StandupStep;
  index: number;
  total: number;
  board: Board;
  timer: boolean;
  outliers: ReadonlyMap<string, Outlier>;
}) {
  const position = `${index + 1} of ${total}`;
  if (step.kind === 'lane') {
    const lane = step.lane;
    return (
      <section className="wall-standup" aria-live="polite" aria-label="Standup" data-testid="wall-standup" data-step="lane" data-lane-id={lane.id}>
        <p className="wall-standup__position">Standup · {position}{timer ? ' · timer on' : ''}</p>
        <h2 className="wall-standup__title">
          {lane.name} is {isLaneOverLimit(lane) ? 'over' : 'at'} its limit: {laneCountLabel(lane)}
        </h2>
        <p className="wall-standup__detail">Finish or unblock work here before pulling more in.</p>
      </section>
    );
  }
  const item = step.item;
  const outlier = outliers.get(item.cardId);
  const reasons = item.reasons.length > 0 ? item.reasons : (outlier?.details ?? []);
  return (
    <section className="wall-standup" aria-live="polite" aria-label="Standup" data-testid="wall-standup" data-step="card" data-card-key={item.key}>
      <p className="wall-standup__position">
        Standup · {position}
        {timer ? ' · timer on' : ''}
      </p>
      <h2 className="wall-standup__title">
        <span className="wall-card__key">{item.key}</span> {item.title}
      </h2>
      <p className="wall-standup__detail">
        <span data-testid="wall-standup-assignee">{item.assigneeName ?? 'Unassigned'}</span> · {item.laneName}
        {item.ageDays != null && <> · {workingDays(item.ageDays)}</>}
      </p>
      {item.blocked && (
        <p className="wall-standup__blocked" data-testid="wall-standup-blocked">
          <span aria-hidden="true">■ </span>Blocked{item.blockedReason ? `: ${item.blockedReason}` : ''}
        </p>
      )}
      {reasons.map((r) => (
        <p key={r.reason} className="wall-standup__reason" data-testid="wall-standup-reason">
          <span aria-hidden="true">▲ </span>
          {r.words}
        </p>
      ))}
      {board.line.stopped && <p className="wall-standup__detail">The line is stopped.</p>}
    </section>
  );
}

/** The board as the wall shows it; `live` says whether what it shows is current. */
export function WallScreen({ board, live, outliers }: { board: Board; live: LiveStatus; outliers: readonly Outlier[] }) {
  const now = useNow(1000);
  const unit = useViewportUnit();
  const [lanesRef, size] = useContentSize<HTMLDivElement>();
  const lostAt = useLostAt(live.state);
  const stale = lostAt != null;
  const outlierByCard = useOutliersByCard(outliers);
  const [beeps, setBeeps] = useState(0);

  useLineStops(board.line.stopped, () => {
    if (board.lineStopSound && beep()) setBeeps((n) => n + 1);
  });

  const people = useMemo(() => new Map(board.people.map((p) => [p.id.toLowerCase(), p.displayName])), [board.people]);
  const nameOf = (card: Card) => (card.assigneeId ? (people.get(card.assigneeId.toLowerCase()) ?? 'Someone') : null);

  const ordered = [...board.lanes].sort((a, b) => a.order - b.order);
  const progress = ordered.filter((l) => l.kind === 'Queue' || l.kind === 'Active');
  const backlog = ordered.filter((l) => l.kind === 'Backlog');
  const done = ordered.filter((l) => l.kind === 'Done');
  const cardsOf = (lane: Lane) => board.cards.filter((c) => c.laneId === lane.id).sort(byRank);

  const laneHeadPx = Math.round(56 * unit);
  const fit = fitWall({
    width: size.width,
    height: size.height - laneHeadPx,
    lanes: progress.map((l) => cardsOf(l).length),
    maxTitlePx: DESIGN_TITLE_PX * unit,
  });
  // Half the side column each (less the gap between them), less the head and the "and N more" line.
  const sideCount = sideCards(size.height - 12 * unit, fit.titlePx, laneHeadPx + fit.titlePx);

  const [page, setPage] = useState(0);
  const pageWith = (cardId: string): number | undefined => {
    for (const [i, lane] of progress.entries()) {
      const at = cardsOf(lane).findIndex((c) => c.id === cardId);
      const perPage = fit.perPage[i] ?? 0;
      if (at >= 0) return perPage > 0 && fit.pages > 1 ? Math.floor(at / perPage) : undefined;
    }
    return undefined;
  };
  useEffect(() => {
    if (fit.pages <= 1) {
      setPage(0);
      return;
    }
    const timer = setInterval(() => setPage((p) => (p + 1) % fit.pages), PAGE_MS);
    return () => clearInterval(timer);
  }, [fit.pages]);
  const rotatingPage = fit.pages > 1 ? page % fit.pages : 0;

  // The standup walk.
  const steps = useMemo(() => standupWalk(board, outliers), [board, outliers]);
  const [walking, setWalking] = useState(false);
  const [stepAt, setStepAt] = useState(0);
  const [timer, setTimer] = useState(false);
  const [hint, setHint] = useState(true);
  useEffect(() => {
    const hide = setTimeout(() => setHint(false), HINT_MS);
    return () => clearTimeout(hide);
  }, [hint]);

  const step = walking && steps.length > 0 ? steps[Math.min(stepAt, steps.length - 1)] : undefined;
  const next = useCallback(() => setStepAt((i) => Math.min(i + 1, Math.max(0, steps.length - 1))), [steps.length]);

  useEffect(() => {
    if (!walking || !timer) return;
    const tick = setInterval(next, STANDUP_STEP_MS);
    return () => clearInterval(tick);
  }, [walking, timer, next, stepAt]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      if (!walking) {
        if (key === STANDUP_KEY) {
          e.preventDefault();
          setWalking(true);
          setStepAt(0);
          setHint(true);
        }
        return;
      }
      switch (key) {
        case 'Escape':
        case STANDUP_KEY:
          e.preventDefault();
          setWalking(false);
          setTimer(false);
          setHint(true);
          return;
        case 'ArrowRight':
        case 'ArrowDown':
        case ' ':
        case 'n':
        case 'j':
          e.preventDefault();
          next();
          return;
        case 'ArrowLeft':
        case 'ArrowUp':
        case 'p':
        case 'k':
          e.preventDefault();
          setStepAt((i) => Math.max(0, i - 1));
          return;
        case 't':
          e.preventDefault();
          setTimer((t) => !t);
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [walking, next]);

  const currentCardId = step?.kind === 'card' ? step.item.cardId : null;
  // A paged wall turns to the page of the card the standup is on.
  const shownPage = currentCardId ? (pageWith(currentCardId) ?? rotatingPage) : rotatingPage;
  const currentLaneId = step?.kind === 'lane' ? step.lane.id : null;

  // The sizes fit.ts counted with, so that what is drawn is what was counted.
  const f = fit.titlePx;
  const style = {
    '--f': `${f}px`,
    '--u': `${unit}px`,
    '--lane-head': `${laneHeadPx}px`,
    '--card-h': `${CARD_HEIGHT_EM * f}px`,
    '--gap': `${CARD_GAP_EM * f}px`,
    '--lane-pad': `${LANE_PADDING_EM * f}px`,
    '--lane-gap': `${LANE_GAP_EM * f}px`,
    '--side-w': `${SIDE_WIDTH_EM * f}px`,
  } as CSSProperties;
  const ready = size.width > 0 && size.height > 0;

  const side = (lane: Lane, newestFirst: boolean) => {
    const cards = cardsOf(lane);
    const shown = newestFirst
      ? [...cards].sort((a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? '') || b.rank - a.rank)
      : cards;
    const few = shown.slice(0, sideCount);
    const more = lane.count - few.length;
    return (
      <section key={lane.id} className="wall-side__part" aria-labelledby={`wall-lane-${lane.id}`} data-testid="wall-side-lane" data-lane-id={lane.id}>
        <h2 id={`wall-lane-${lane.id}`} className="wall-lane__head">
          <span className="wall-lane__name">{lane.name}</span>
          <span className="wall-lane__count" data-testid="wall-lane-count">
            {lane.count}
          </span>
        </h2>
        <ol className="wall-side__cards">
          {few.map((card) => (
            <WallCard key={card.id} card={card} outlier={outlierByCard.get(card.id)} assignee={nameOf(card)} current={false} />
          ))}
        </ol>
        {more > 0 && <p className="wall-side__more">and {more} more</p>}
      </section>
    );
  };

  return (
    <div
      className={`wall${stale ? ' wall--stale' : ''}`}
      style={style}
      data-testid="wall"
      data-live={stale ? 'lost' : live.state}
      data-title-px={fit.titlePx}
      data-pages={fit.pages}
      data-beeps={beeps}
    >
      <header className="wall__header">
        <h1 className="wall__name">{board.name}</h1>
        <p className="wall__status">
          {hint && (
            <span className="wall__hint" data-testid="wall-hint">
              {walking
                ? 'Standup: → or Space next · ← back · T timer · Esc leaves'
                : `Press ${STANDUP_KEY.toUpperCase()} for the standup walk`}
            </span>
          )}
          {fit.pages > 1 && (
            <span className="wall__page" data-testid="wall-page">
              Page {shownPage + 1} of {fit.pages}
            </span>
          )}
          {!stale && (
            <span className={`wall__live wall__live--${live.state}`} data-testid="wall-live">
              {live.state === 'connected' ? '● Live' : 'Connecting…'}
            </span>
          )}
          <span className="wall__clock">{clockTime(now)}</span>
        </p>
      </header>
      {stale && (
        <p className="wall__stale" role="alert" data-testid="wall-stale">
          Connection lost, shown as of {clockTime(lostAt)}. Reconnecting by itself…
        </p>
      )}
      <WallLineBanner board={board} now={now} />
      <div className="wall__board" ref={lanesRef}>
        {ready && (
          <>
            <div className="wall-side">
              {backlog.map((l) => side(l, false))}
              {done.map((l) => side(l, true))}
            </div>
            {progress.map((lane, i) => {
              const cards = pageOf(cardsOf(lane), fit.perPage[i] ?? 0, shownPage);
              const full = isLaneFull(lane);
              const columns = fit.columns[i] ?? 1;
              return (
                <section
                  key={lane.id}
                  className={`wall-lane${full ? ' wall-lane--full' : ''}${isLaneOverLimit(lane) ? ' wall-lane--over' : ''}${currentLaneId === lane.id ? ' wall-lane--current' : ''}`}
                  style={{ flex: `${columns} 1 0px` }}
                  aria-labelledby={`wall-lane-${lane.id}`}
                  data-testid="wall-lane"
                  data-lane-id={lane.id}
                  data-at-limit={full ? 'true' : undefined}
                >
                  <h2 id={`wall-lane-${lane.id}`} className="wall-lane__head">
                    <span className="wall-lane__name">{lane.name}</span>
                    <span className="wall-lane__count" data-testid="wall-lane-count">
                      {laneCountLabel(lane)}
                    </span>
                    <LimitMark lane={lane} />
                  </h2>
                  <ol
                    className="wall-lane__cards"
                    style={{
                      gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
                      // A lane of two columns shows 5 and 5, not 9 and 1.
                      gridTemplateRows: `repeat(${Math.max(1, Math.min(fit.rows, Math.ceil(cards.length / columns)))}, var(--card-h))`,
                    }}
                  >
                    {cards.map((card) => (
                      <WallCard
                        key={card.id}
                        card={card}
                        outlier={outlierByCard.get(card.id)}
                        assignee={nameOf(card)}
                        current={currentCardId === card.id}
                      />
                    ))}
                  </ol>
                </section>
              );
            })}
          </>
        )}
      </div>
      {step && (
        <StandupFocus step={step} index={Math.min(stepAt, steps.length - 1)} total={steps.length} board={board} timer={timer} outliers={outlierByCard} />
      )}
      {walking && steps.length === 0 && (
        <section className="wall-standup" aria-live="polite" aria-label="Standup" data-testid="wall-standup" data-step="none">
          <h2 className="wall-standup__title">Nothing to discuss: no outliers, nothing blocked, no lane at its limit.</h2>
        </section>
      )}
    </div>
  );
}
