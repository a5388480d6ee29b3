import { describe, expect, it } from 'vitest';
import { candidate } from '../../test/fixtures';
import { candidateStateWords, excerptText, matchWords, otherCandidates, scorePercent } from './duplicates';

describe('duplicate candidates in words', () => {
  it('says the match in words', () => {
    expect(matchWords('likely')).toBe('Very likely the same ticket');
    expect(matchWords('similar')).toBe('Similar');
    expect(matchWords('related')).toBe('Loosely related');
    // A match the server adds later is never oversold.
    expect(matchWords('exact')).toBe('Loosely related');
  });

  it('gives the score as a whole percentage within 0–100', () => {
    expect(scorePercent(0.914)).toBe('91%');
    expect(scorePercent(0.995)).toBe('100%');
    expect(scorePercent(1)).toBe('100%');
    expect(scorePercent(0)).toBe('0%');
    expect(scorePercent(1.2)).toBe('100%');
    expect(scorePercent(Number.NaN)).toBe('0%');
  });

  it('says where a candidate stands, done before its state', () => {
    expect(candidateStateWords({ state: 'OnBoard', done: true })).toBe('done');
    expect(candidateStateWords({ state: 'OnBoard', done: false })).toBe('on the board');
    expect(candidateStateWords({ state: 'Rejected', done: false })).toBe('rejected');
    expect(candidateStateWords({ state: 'Triage', done: false })).toBe('in triage');
    expect(candidateStateWords({ state: 'SentBack', done: false })).toBe('sent back');
  });

  it('marks a cut excerpt with an ellipsis', () => {
    expect(excerptText('Short.')).toBe('Short.');
    expect(excerptText('x'.repeat(280)), 'a description of exactly 280 characters is whole').toBe('x'.repeat(280));
    expect(excerptText(`${'x'.repeat(279)}…`), 'the server marks a cut one').toBe(`${'x'.repeat(279)}…`);
    expect(excerptText('')).toBe('');
  });

  it('leaves out the ticket itself, ids compared without regard to case', () => {
    const list = [candidate('1', { ticketId: 'ABC' }), candidate('2')];
    expect(otherCandidates(list, 'abc').map((c) => c.key)).toEqual(['PAY-2']);
    expect(otherCandidates(list, undefined)).toHaveLength(2);
  });
});
