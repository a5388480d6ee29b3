import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ForecastSection, NotesPanel, RagPanel } from './StatusParts';
import { makeStatus } from './statusFixture';

afterEach(cleanup);

describe('RagPanel', () => {
  it('says the colour in words and lists every rule that fired with its figures, red first', () => {
    render(<RagPanel status={makeStatus()} />);
    const panel = screen.getByTestId('status-rag');
    expect(panel.getAttribute('data-rag')).toBe('Red');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Status: Red');
    const reasons = screen.getAllByTestId('status-reason');
    expect(reasons.map((r) => r.getAttribute('data-rule'))).toEqual(['line-stopped-this-week', 'outliers']);
    expect(reasons[0]!.textContent).toBe(
      "Red The line was stopped too long this week: The line was stopped 14% of this week's working time (limit 10%).",
    );
    expect(reasons[1]!.textContent).toContain('Amber');
    expect(screen.getByText('2 rules fired, listed below with the figures.')).toBeTruthy();
  });

  it('is green with no reasons when no rule fired', () => {
    render(<RagPanel status={makeStatus({ rag: 'Green', reasons: [] })} />);
    expect(screen.getByTestId('status-rag-word').textContent).toBe('Green');
    expect(screen.queryByTestId('status-reasons')).toBeNull();
    expect(screen.getByText(/No rule fired/)).toBeTruthy();
  });
});

describe('NotesPanel', () => {
  it('shows the notes with who and when, as text, and no form for a reader', () => {
    const note = { id: 'n2', text: '<img src=x onerror="window.pwned=1">', at: '2026-12-02T15:00:00Z', by: 'Ana Owner' };
    const { container } = render(<NotesPanel notes={[note]} canAdd={false} />);
    expect(screen.getByTestId('status-note').textContent).toContain('<img src=x onerror="window.pwned=1">');
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText(/Ana Owner,/)).toBeTruthy();
    expect(screen.queryByTestId('status-note-form')).toBeNull();
  });

  it("lets a product owner add a note, and shows the server's refusal beside it", async () => {
    const onAdd = vi.fn().mockResolvedValueOnce({}).mockRejectedValueOnce(new Error('Text is too long.'));
    render(<NotesPanel notes={[]} canAdd onAdd={onAdd} />);
    expect(screen.getByTestId('status-notes-empty')).toBeTruthy();
    const text = screen.getByLabelText('Add a dated note') as HTMLTextAreaElement;
    expect(text.maxLength).toBe(2000);

    await act(async () => {
      fireEvent.click(screen.getByTestId('status-note-add'));
    });
    expect(screen.getByTestId('status-note-error').textContent).toBe('Write the note first.');
    expect(onAdd).not.toHaveBeenCalled();

    fireEvent.change(text, { target: { value: 'Keys arrive Monday.' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('status-note-add'));
    });
    expect(onAdd).toHaveBeenCalledWith('Keys arrive Monday.');
    expect(text.value).toBe('');
    expect(screen.getByText('Note added.')).toBeTruthy();

    fireEvent.change(text, { target: { value: 'x' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('status-note-add'));
    });
    expect(screen.getByTestId('status-note-error').textContent).toContain('Text is too long.');
    expect(text.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('ForecastSection', () => {
  it('shows the three dates', () => {
    render(<ForecastSection status={makeStatus()} onChoose={() => {}} />);
    expect(screen.getByTestId('status-forecast-p50').textContent).toBe('Fri 8 Jan 2027');
    expect(screen.getByTestId('status-forecast-p85').textContent).toBe('Fri 15 Jan 2027');
    expect(screen.getByTestId('status-forecast-p95').textContent).toBe('Fri 22 Jan 2027');
    expect(screen.getByText(/12 remaining cards/)).toBeTruthy();
    expect(screen.getByText(/Target date: Sun 31 Jan 2027/)).toBeTruthy();
  });

  it('says why there is no forecast instead of a date', () => {
    const reason = 'No card was completed in the last 6 weeks, so there is no throughput to forecast from.';
    const status = makeStatus({ forecast: { ...makeStatus().forecast, p50: null, p85: null, p95: null, reason } });
    render(<ForecastSection status={status} onChoose={() => {}} />);
    expect(screen.getByTestId('status-forecast-none').textContent).toBe(`No forecast: ${reason}`);
    expect(screen.queryByTestId('status-forecast-dates')).toBeNull();
  });

  it('asks for a chosen set by class and a date, and shows how many by then', () => {
    const onChoose = vi.fn();
    const chosen = { ...makeStatus().forecast, remaining: 3, howManyBy: { date: '2027-01-15', p50: 3, p85: 2, p95: 1 } };
    const { rerender } = render(<ForecastSection status={makeStatus()} onChoose={onChoose} />);
    fireEvent.click(screen.getByTestId('status-chosen-submit'));
    expect(onChoose).toHaveBeenLastCalledWith({});

    fireEvent.change(screen.getByLabelText('Cards of class'), { target: { value: 'Risk' } });
    fireEvent.change(screen.getByLabelText('How many by (optional)'), { target: { value: '2027-01-15' } });
    fireEvent.click(screen.getByTestId('status-chosen-submit'));
    expect(onChoose).toHaveBeenLastCalledWith({ class: 'Risk', by: '2027-01-15' });

    rerender(<ForecastSection status={makeStatus()} onChoose={onChoose} chosen={chosen} />);
    const region = screen.getByRole('region', { name: 'Forecast of the chosen set' });
    expect(within(region).getByText('Of the chosen set: 3 cards.')).toBeTruthy();
    expect(within(region).getByTestId('status-chosen-how-many').textContent).toBe(
      'By Fri 15 Jan 2027: at least 2 cards (85% likely); 3 at 50%, 1 at 95%.',
    );
  });

  it("shows the server's refusal of a chosen set", () => {
    render(<ForecastSection status={makeStatus()} onChoose={() => {}} chosenError={new Error('by must be a date.')} />);
    expect(screen.getByTestId('status-chosen-error').textContent).toContain('by must be a date.');
  });
});
