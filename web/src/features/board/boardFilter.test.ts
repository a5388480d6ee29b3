import { describe, expect, it } from 'vitest';
import { card } from '../../test/fixtures';
import { filterToParams, isFiltering, matchesFilter, noFilter, parseFilter } from './boardFilter';

describe('the board filter in the URL', () => {
  it('reads every filter from the query string, a class in any case, and ignores what it does not know', () => {
    expect(parseFilter(new URLSearchParams('q=refund&assignee=u-1&class=risk&blocked=1&outlier=1'))).toEqual({
      q: 'refund',
      assignee: 'u-1',
      cardClass: 'Risk',
      blocked: true,
      outlier: true,
    });
    expect(parseFilter(new URLSearchParams('class=Urgent&blocked=yes'))).toEqual(noFilter);
    expect(parseFilter(new URLSearchParams('assignee=none')).assignee).toBe('none');
  });

  it('writes only what filters, keeping other parameters', () => {
    const params = filterToParams({ ...noFilter, q: 'PAY-4', blocked: true }, new URLSearchParams('share=abc&outlier=1'));
    expect(params.toString()).toBe('share=abc&q=PAY-4&blocked=1');
    expect(filterToParams(noFilter, new URLSearchParams('q=x&class=Risk')).toString()).toBe('');
  });

  it('round-trips', () => {
    const filter = { q: 'bank', assignee: 'none', cardClass: 'TechnicalBlocker' as const, blocked: false, outlier: true };
    expect(parseFilter(filterToParams(filter))).toEqual(filter);
    expect(isFiltering(filter)).toBe(true);
    expect(isFiltering(noFilter)).toBe(false);
    expect(isFiltering({ ...noFilter, q: '   ' })).toBe(false);
  });
});

describe('matchesFilter', () => {
  const refund = card('4', 'doing', 1, { title: 'Refunds over 500 EUR need approval', assigneeId: 'U-1', class: 'Risk' });
  const login = card('12', 'doing', 2, { title: 'Login with a passkey', blocked: true, outlier: true });

  it('finds the search text in the key or the title, whatever the case', () => {
    expect(matchesFilter(refund, { ...noFilter, q: 'pay-4' })).toBe(true);
    expect(matchesFilter(login, { ...noFilter, q: 'pay-4' })).toBe(false);
    expect(matchesFilter(login, { ...noFilter, q: 'PASSKEY' })).toBe(true);
    expect(matchesFilter(refund, { ...noFilter, q: '  refunds ' })).toBe(true);
  });

  it('filters by assignee (ids in any case) and by no assignee', () => {
    expect(matchesFilter(refund, { ...noFilter, assignee: 'u-1' })).toBe(true);
    expect(matchesFilter(login, { ...noFilter, assignee: 'u-1' })).toBe(false);
    expect(matchesFilter(login, { ...noFilter, assignee: 'none' })).toBe(true);
    expect(matchesFilter(refund, { ...noFilter, assignee: 'none' })).toBe(false);
  });

  it('filters by class, blocked and outlier, all together', () => {
    expect(matchesFilter(refund, { ...noFilter, cardClass: 'Risk' })).toBe(true);
    expect(matchesFilter(login, { ...noFilter, cardClass: 'Risk' })).toBe(false);
    expect(matchesFilter(login, { ...noFilter, blocked: true, outlier: true })).toBe(true);
    expect(matchesFilter(refund, { ...noFilter, blocked: true })).toBe(false);
    expect(matchesFilter(refund, { ...noFilter, outlier: true })).toBe(false);
    expect(matchesFilter(login, { ...noFilter, blocked: true, q: 'refund' })).toBe(false);
  });
});
