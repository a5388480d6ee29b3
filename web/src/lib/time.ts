// Pure time formatting for people: "12 min", "5 min ago", "14:05" / "3 Dec, 14:05" in local time.
import { useEffect, useState } from 'react';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration, rounded down: "less than a minute", "12 min", "2 h 5 min", "3 days 4 h". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < MINUTE) return 'less than a minute';
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`;
  if (ms < DAY) {
    const h = Math.floor(ms / HOUR);
    const m = Math.floor((ms % HOUR) / MINUTE);
    return m > 0 ? `${h} h ${m} min` : `${h} h`;
  }
  const d = Math.floor(ms / DAY);
  const h = Math.floor((ms % DAY) / HOUR);
  const days = `${d} ${d === 1 ? 'day' : 'days'}`;
  return h > 0 ? `${days} ${h} h` : days;
}

/** How long ago: "just now", "5 min ago", "2 h ago", "3 days ago"; a future time (clock skew) is "just now". */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const ago = now - at;
  if (ago < MINUTE) return 'just now';
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)} min ago`;
  if (ago < DAY) return `${Math.floor(ago / HOUR)} h ago`;
  const d = Math.floor(ago / DAY);
  return `${d} ${d === 1 ? 'day' : 'days'} ago`;
}

/** Local time: "14:05" today, otherwise "3 Dec 2026, 14:05". */
export function formatLocalTime(iso: string, now: number = Date.now(), locale?: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const time = at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  if (at.toDateString() === new Date(now).toDateString()) return time;
  const date = at.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' });
  return `${date}, ${time}`;
}

/** The current time, refreshed every `intervalMs` (for "for 12 min" labels). */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
