import { describe, expect, it } from 'vitest';
import { ageLabel, blockedLabel, initials, shortDuration } from './cardLabels';

describe('initials', () => {
  it('takes the first letters of the first and last names', () => {
    expect(initials('Ana Lima')).toBe('AL');
    expect(initials('  bruno   de  souza ')).toBe('BS');
    expect(initials('Chen')).toBe('C');
    expect(initials('Émile Zola')).toBe('ÉZ');
    expect(initials('')).toBe('?');
  });
});

describe('ageLabel', () => {
  it('shows working days since the card started and since its last move, and says them in words', () => {
    expect(ageLabel({ ageDays: 4, daysSinceMove: 2 })).toEqual({
      text: '4d · moved 2d ago',
      spoken: 'age 4 working days, moved 2 working days ago',
    });
    expect(ageLabel({ ageDays: 1, daysSinceMove: 0 })).toEqual({
      text: '1d · moved today',
      spoken: 'age 1 working day, moved today',
    });
  });

  it('has only the last move while the card is in the backlog, and nothing without either', () => {
    expect(ageLabel({ ageDays: null, daysSinceMove: 3 })?.text).toBe('moved 3d ago');
    expect(ageLabel({ ageDays: null, daysSinceMove: null })).toBeNull();
  });
});

describe('blockedLabel', () => {
  const now = Date.parse('2026-12-03T12:00:00Z');

  it('says for how long and why', () => {
    expect(blockedLabel({ blocked: true, blockedReason: 'waiting for bank', blockedSince: '2026-12-01T09:00:00Z' }, now)).toEqual({
      text: 'Blocked 2d: waiting for bank',
      spoken: 'Blocked for 2 days: waiting for bank',
    });
    expect(blockedLabel({ blocked: true, blockedReason: 'x', blockedSince: '2026-12-03T07:00:00Z' }, now)?.text).toBe('Blocked 5h: x');
    expect(blockedLabel({ blocked: true, blockedReason: null, blockedSince: null }, now)?.text).toBe('Blocked');
  });

  it('is nothing for a card that is not blocked', () => {
    expect(blockedLabel({ blocked: false, blockedReason: null, blockedSince: null }, now)).toBeNull();
  });

  it('rounds down', () => {
    expect(shortDuration(59 * 60_000)).toEqual({ text: '<1h', spoken: 'less than an hour' });
    expect(shortDuration(3_600_000)).toEqual({ text: '1h', spoken: '1 hour' });
    expect(shortDuration(47 * 3_600_000)).toEqual({ text: '1d', spoken: '1 day' });
  });
});
