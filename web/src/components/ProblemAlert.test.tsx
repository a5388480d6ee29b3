import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { describeProblem } from '../api/problems';
import { ProblemAlert } from './ProblemAlert';

afterEach(cleanup);

const gateRefusal = () =>
  describeProblem(
    new ApiError(409, {
      type: 'urn:kanban:problem:quality-gate-failed',
      status: 409,
      title: 'The ticket does not pass the quality gates',
      detail: 'PAY-3 fails 2 gates: The title is all capitals. The estimate is 8 days; the most is 5. Fix it first.',
      gates: [
        { gate: 'title', passed: false, message: 'The title is all capitals.' },
        { gate: 'estimate', passed: false, message: 'The estimate is 8 days; the most is 5.' },
      ],
    }),
  );

const count = (text: string, part: string) => text.split(part).length - 1;

describe('ProblemAlert', () => {
  it('lists each failing gate once, as a list, then what to do', () => {
    render(<ProblemAlert problem={gateRefusal()} testId="alert" />);
    const alert = screen.getByTestId('alert');
    expect(alert.getAttribute('role')).toBe('alert');
    const items = [...screen.getByTestId('alert-items').querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual(['Title: The title is all capitals.', 'Estimate: The estimate is 8 days; the most is 5.']);
    expect(count(alert.textContent!, 'The title is all capitals.')).toBe(1);
    expect(count(alert.textContent!, 'The estimate is 8 days; the most is 5.')).toBe(1);
    expect(alert.textContent).toContain('Fix it first.');
  });

  it('leaves the list out where the page shows each failure already, and never says the title twice', () => {
    render(<ProblemAlert problem={gateRefusal()} testId="alert" showItems={false} />);
    expect(screen.queryByTestId('alert-items')).toBeNull();
    expect(screen.getByTestId('alert').textContent).not.toContain('capitals');
    cleanup();

    render(<ProblemAlert problem={{ title: 'Not found', detail: 'Not found' }} testId="alert" />);
    expect(count(screen.getByTestId('alert').textContent!, 'Not found')).toBe(1);
  });
});
