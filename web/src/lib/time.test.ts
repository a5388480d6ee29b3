import { describe, expect, it } from 'vitest';
import { formatDuration, formatLocalTime, relativeTime } from './time';

const MIN = 60_000;

describe('time labels', () => {
  it('formats durations', () => {
    expect(formatDuration(20_000)).toBe('less than a minute');
    expect(formatDuration(12 * MIN + 30_000)).toBe('12 min');
    expect(formatDuration(125 * MIN)).toBe('2 h 5 min');
    expect(formatDuration(120 * MIN)).toBe('2 h');
    expect(formatDuration(24 * 60 * MIN)).toBe('1 day');
    expect(formatDuration((3 * 24 + 4) * 60 * MIN)).toBe('3 days 4 h');
  });

  it('says how long ago', () => {
    const now = Date.parse('2026-11-26T12:00:00Z');
    expect(relativeTime('2026-11-26T11:59:30Z', now)).toBe('just now');
    expect(relativeTime('2026-11-26T12:00:30Z', now)).toBe('just now');
    expect(relativeTime('2026-11-26T11:55:00Z', now)).toBe('5 min ago');
    expect(relativeTime('2026-11-26T09:30:00Z', now)).toBe('2 h ago');
    expect(relativeTime('2026-11-25T11:00:00Z', now)).toBe('1 day ago');
    expect(relativeTime('not a date', now)).toBe('');
  });

  it('shows the time alone today and the date otherwise', () => {
    const now = new Date(2026, 10, 26, 15, 0).getTime();
    const today = new Date(2026, 10, 26, 9, 5).toISOString();
    const earlier = new Date(2026, 10, 20, 9, 5).toISOString();
    expect(formatLocalTime(today, now, 'en-GB')).toBe('09:05');
    expect(formatLocalTime(earlier, now, 'en-GB')).toBe('20 Nov 2026, 09:05');
  });
});
