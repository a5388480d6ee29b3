import { describe, expect, it } from 'vitest';
import { ApiError } from './http';
import { describeProblem, problemText } from './problems';

const problem = (status: number, name: string, extra: Record<string, unknown> = {}) =>
  new ApiError(status, { type: `urn:kanban:problem:${name}`, status, ...extra });

describe('describeProblem', () => {
  it('names the full lane with its figures, and keeps the server detail', () => {
    const msg = describeProblem(
      problem(409, 'wip-limit-reached', {
        title: 'In progress is at its WIP limit',
        detail: 'In progress holds 3 of 3 cards. Finish or move a card out of In progress to make room.',
        laneId: 'l2',
        laneName: 'In progress',
        count: 3,
        limit: 3,
      }),
    );
    expect(msg).toEqual({
      name: 'wip-limit-reached',
      title: 'In progress is full (3 of 3)',
      detail: 'In progress holds 3 of 3 cards. Finish or move a card out of In progress to make room.',
    });
  });

  it('says over its limit when a lowered limit left the lane above it', () => {
    const msg = describeProblem(problem(409, 'wip-limit-reached', { laneName: 'Testing', count: 4, limit: 2 }));
    expect(msg.title).toBe('Testing is over its WIP limit (4 of 2)');
    expect(msg.detail).toMatch(/make room/);
  });

  it('explains the personal limit', () => {
    const msg = describeProblem(
      problem(409, 'personal-wip-limit-reached', { detail: 'The assignee already holds 2 of 2 cards…', count: 2, limit: 2 }),
    );
    expect(msg.title).toBe('The assignee is at their personal WIP limit (2 of 2 active cards)');
    expect(msg.detail).toBe('The assignee already holds 2 of 2 cards…');
  });

  it('tells a pull refused by the andon cord from one refused by untested work', () => {
    const manual = describeProblem(
      problem(409, 'line-stopped', { laneId: 'l1', laneName: 'Ready', kind: 'Manual', reason: 'Prod down', detail: 'The line was stopped…' }),
    );
    expect(manual.title).toBe('The line is stopped (andon cord): no pulls into Ready');
    expect(manual.detail).toBe('The line was stopped…');
    const auto = describeProblem(
      problem(409, 'line-stopped', { laneId: 'l1', laneName: 'Ready', kind: 'Auto', untestedCount: 5, threshold: 5, detail: 'The untested lanes hold 5…' }),
    );
    expect(auto.title).toBe('The line is stopped: 5 untested cards, threshold 5');
  });

  it('uses the server title for refused stops and resumes', () => {
    const msg = describeProblem(problem(409, 'line-stopped', { title: 'The line stopped by itself', detail: 'It resumes by itself…' }));
    expect(msg).toMatchObject({ title: 'The line stopped by itself', detail: 'It resumes by itself…' });
    expect(describeProblem(problem(409, 'line-not-stopped', { detail: 'Nothing to resume.' })).title).toBe('The line is running');
  });

  it('explains a concurrency conflict and a non-empty lane', () => {
    expect(describeProblem(problem(409, 'concurrency-conflict')).title).toBe('The board changed at the same moment');
    const lane = describeProblem(problem(409, 'lane-not-empty', { laneName: 'Ready', count: 2, detail: "'Ready' still holds 2 card(s)…" }));
    expect(lane.title).toBe('Ready is not empty (2 cards)');
    expect(lane.detail).toBe("'Ready' still holds 2 card(s)…");
  });

  it('lists validation messages when the detail only points at them', () => {
    const msg = describeProblem(
      problem(400, 'validation-failed', {
        title: 'The request has invalid fields',
        detail: "Correct the fields listed in 'errors' and send it again.",
        errors: { reason: ['Say why the line stops.'] },
      }),
    );
    expect(msg).toMatchObject({ title: 'The request has invalid fields', detail: 'Say why the line stops.' });
    // The same message under two fields is said once.
    const twice = describeProblem(
      problem(400, 'validation-failed', {
        detail: "Correct the fields listed in 'errors' and send it again.",
        errors: { text: ['Write the comment (1 to 5000 characters).'], 'text[0]': ['Write the comment (1 to 5000 characters).'] },
      }),
    );
    expect(twice.detail).toBe('Write the comment (1 to 5000 characters).');
    const rule = describeProblem(problem(400, 'validation-failed', { title: 'A board has one backlog', detail: 'Choose Queue…' }));
    expect(rule).toMatchObject({ title: 'A board has one backlog', detail: 'Choose Queue…' });
  });

  it('falls back for network failures and plain errors', () => {
    const offline = describeProblem(new ApiError(0, { status: 0, title: 'Network error', detail: 'The server could not be reached.' }));
    expect(offline.title).toBe('The server could not be reached');
    expect(describeProblem(new Error('boom'), 'PAY-1 could not be moved')).toEqual({ title: 'PAY-1 could not be moved', detail: 'boom' });
  });

  it('joins title and detail into one text', () => {
    expect(problemText({ title: 'Ready is full (5 of 5)', detail: 'Finish one.' })).toBe('Ready is full (5 of 5). Finish one.');
    expect(problemText({ title: 'Done!', detail: '' })).toBe('Done!');
  });
});

describe('describeProblem for triage refusals', () => {
  it('lists the failing gates of a 409 quality-gate-failed', () => {
    const msg = describeProblem(
      problem(409, 'quality-gate-failed', {
        detail: 'The ticket fails 2 quality gates.',
        gates: [
          { gate: 'title', passed: false, message: 'The title is all capitals.' },
          { gate: 'estimate', passed: false, message: 'The estimate is 8 days; the most is 5.' },
        ],
      }),
    );
    expect(msg.name).toBe('quality-gate-failed');
    expect(msg.title).toBe('2 quality gates fail');
    expect(msg.items).toEqual(['Title: The title is all capitals.', 'Estimate: The estimate is 8 days; the most is 5.']);
    expect(msg.detail).toBe('The ticket fails 2 quality gates.');
  });

  it('lists each failing gate once when the server detail repeats them, keeping what to do', () => {
    // As the server words it: the key, the count, every failing gate's message, then what to do.
    const msg = describeProblem(
      problem(409, 'quality-gate-failed', {
        detail:
          'PAY-3 fails 2 gates: The title is all capitals. The estimate is 8 days; the most is 5. Send it back with what to fix, or fix it first.',
        gates: [
          { gate: 'title', passed: false, message: 'The title is all capitals.' },
          { gate: 'estimate', passed: false, message: 'The estimate is 8 days; the most is 5.' },
          { gate: 'estimate', passed: false, message: 'The estimate is 8 days; the most is 5.' },
        ],
      }),
    );
    expect(msg.items).toEqual(['Title: The title is all capitals.', 'Estimate: The estimate is 8 days; the most is 5.']);
    expect(msg.detail).toBe('Send it back with what to fix, or fix it first.');
    // Every failure once, in the joined text too.
    const text = problemText(msg);
    expect(text.split('The title is all capitals.').length - 1).toBe(1);
    expect(text.split('The estimate is 8 days').length - 1).toBe(1);
    expect(text).toBe(
      '2 quality gates fail. Title: The title is all capitals. Estimate: The estimate is 8 days; the most is 5. Send it back with what to fix, or fix it first.',
    );
  });

  it('says why an undo is refused', () => {
    const msg = describeProblem(problem(409, 'undo-not-possible', { detail: 'PAY-3 was moved since it was accepted.' }));
    expect(msg).toEqual({ name: 'undo-not-possible', title: 'It can no longer be undone', detail: 'PAY-3 was moved since it was accepted.' });
  });

  it('keeps only the failing gates when the server lists them all', () => {
    const msg = describeProblem(
      problem(409, 'quality-gate-failed', {
        gates: [
          { gate: 'title', passed: true, message: 'Fine.' },
          { gate: 'definition-of-done', passed: false, message: 'Criterion 1 says "works".' },
        ],
      }),
    );
    expect(msg.title).toBe('1 quality gate fails');
    expect(msg.items).toEqual(['Definition of done: Criterion 1 says "works".']);
    expect(msg.detail).toBe('Send the ticket back with what to fix, or fix it first.');
  });

  it('names a likely duplicate and a ticket no longer in triage', () => {
    // As the server sends it: the original's id and key.
    expect(
      describeProblem(problem(409, 'likely-duplicate', { likelyDuplicateOf: '3f2a8c4e-0000-4000-8000-000000000000', originalKey: 'PAY-3' })).title,
    ).toBe('Likely a duplicate of PAY-3');
    expect(describeProblem(problem(409, 'likely-duplicate', { likelyDuplicateOf: '3f2a8c4e-0000-4000-8000-000000000000' })).title).toBe(
      'Likely a duplicate',
    );
    const gone = describeProblem(problem(409, 'ticket-not-in-triage', { state: 'Rejected' }));
    expect(gone.title).toBe('The ticket is no longer in triage (Rejected)');
    expect(gone.detail).toMatch(/Reload/);
  });
});
