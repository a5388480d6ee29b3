import { forwardRef } from 'react';
import type { LineState } from '../../api/types';
import { formatDuration, formatLocalTime, useNow } from '../../lib/time';
import { lineStopKind } from './boardState';

export interface LineBannerProps {
  line: LineState;
  /** Offer "Resume the line" (a line stopped by hand; roles will decide who may). */
  canResume: boolean;
  onResume: () => void;
  /** For tests: the current time (ms) instead of a ticking clock. */
  now?: number;
}

/**
 * The red banner across the board while the line is stopped: that it is stopped, why, since when
 * (local time and how long), and whether by the andon cord or by itself. Renders nothing while the
 * line runs. Its heading takes focus (tabIndex -1) so a dialog can hand focus back to it.
 */
export const LineBanner = forwardRef<HTMLHeadingElement, LineBannerProps>(function LineBanner(
  { line, canResume, onResume, now: fixedNow },
  headingRef,
) {
  const tickingNow = useNow(30_000);
  if (!line.stopped) return null;
  const now = fixedNow ?? tickingNow;
  const kind = lineStopKind(line);
  const manual = kind === 'manual';
  const sinceMs = line.since ? Date.parse(line.since) : Number.NaN;

  return (
    <section
      className={`line-banner line-banner--${kind ?? 'unknown'}`}
      aria-labelledby="line-banner-title"
      data-testid="line-banner"
      data-kind={kind ?? undefined}
    >
      <div className="line-banner__body">
        <h2 id="line-banner-title" className="line-banner__title" tabIndex={-1} ref={headingRef} data-testid="line-stopped">
          <span className="line-banner__icon" aria-hidden="true">
            ■
          </span>
          Line stopped
        </h2>
        <p className="line-banner__how" data-testid="line-banner-kind">
          {manual
            ? 'Stopped by hand with the andon cord. Pulls into lanes before testing are refused until it is resumed.'
            : 'Stopped automatically: untested work reached the threshold; test or finish work to restart it.'}
        </p>
        {line.reason && (
          <p className="line-banner__reason">
            <span className="line-banner__label">{manual ? 'Reason: ' : 'Why: '}</span>
            <span data-testid="line-banner-reason">{line.reason}</span>
          </p>
        )}
        {line.since && !Number.isNaN(sinceMs) && (
          <p className="line-banner__since" data-testid="line-banner-since">
            Since <time dateTime={line.since}>{formatLocalTime(line.since, now)}</time> (for{' '}
            {formatDuration(now - sinceMs)})
          </p>
        )}
      </div>
      {manual && canResume && (
        <button type="button" className="button line-banner__resume" onClick={onResume} data-testid="resume-button">
          Resume the line
        </button>
      )}
    </section>
  );
});
