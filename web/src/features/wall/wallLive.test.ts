import { describe, expect, it } from 'vitest';
import { clockTime, nextLostAt, stoppedFor } from './wallLive';

describe('the wall says when it is not live', () => {
  it('is not lost while first connecting, and is lost from the first drop until connected again', () => {
    expect(nextLostAt(null, 'connecting', 1000)).toBeNull();
    expect(nextLostAt(null, 'connected', 1000)).toBeNull();
    const lost = nextLostAt(null, 'reconnecting', 2000);
    expect(lost).toBe(2000);
    // Each retry starts as `connecting`: still lost since the drop.
    expect(nextLostAt(lost, 'connecting', 9000)).toBe(2000);
    expect(nextLostAt(lost, 'disconnected', 12000)).toBe(2000);
    expect(nextLostAt(lost, 'connected', 15000)).toBeNull();
    expect(nextLostAt(null, 'disconnected', 3000)).toBe(3000);
  });

  it('tells the time as HH:MM on a 24-hour clock', () => {
    expect(clockTime(new Date(2026, 11, 3, 9, 5))).toBe('09:05');
    expect(clockTime(new Date(2026, 11, 3, 17, 42))).toBe('17:42');
  });

  it('counts how long the line is stopped to the second', () => {
    expect(stoppedFor(42_000)).toBe('42 s');
    expect(stoppedFor(245_000)).toBe('4 min 05 s');
    expect(stoppedFor(2 * 3_600_000 + 5 * 60_000)).toBe('2 h 05 min');
    expect(stoppedFor(26 * 3_600_000)).toBe('1 day 2 h');
  });
});
