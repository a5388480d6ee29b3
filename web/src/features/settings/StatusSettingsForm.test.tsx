import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../api/boards';
import { boardSettings } from '../../test/fixtures';
import { StatusSettingsForm } from './BoardSettingsForm';
import { useBoardSettings } from './useSettings';

const settings = { ...boardSettings, forecastWeeks: 6, targetDate: null, stoppedRedPercent: 10, lineStopSound: false };

function wrapper({ children }: { children: ReactNode }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  client.setQueryData(queryKeys.settings('board-1'), settings);
  return (
    <QueryClientProvider client={client}>
      <MemoryRouter>{children}</MemoryRouter>
    </QueryClientProvider>
  );
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

function Form({ canEdit = true }: { canEdit?: boolean }) {
  const query = useBoardSettings('board-1');
  if (!query.data) return null;
  return <StatusSettingsForm boardId="board-1" settings={query.data} canEdit={canEdit} />;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('StatusSettingsForm', () => {
  it('shows the status settings with their limits as hints', () => {
    render(<Form />, { wrapper });
    expect(screen.getByRole('heading', { name: 'Status and wall' })).toBeTruthy();
    const weeks = screen.getByLabelText('Forecast from the last (weeks)') as HTMLInputElement;
    expect(weeks.type).toBe('number');
    expect([weeks.value, weeks.min, weeks.max]).toEqual(['6', '1', '52']);
    expect(screen.getByText(/this many weeks.*\(1–52\)/)).toBeTruthy();
    const percent = screen.getByLabelText(/Red when the line was stopped more than/) as HTMLInputElement;
    expect([percent.value, percent.min, percent.max]).toEqual(['10', '1', '100']);
    expect(screen.getByText(/\(1–100 %\)/)).toBeTruthy();
    const target = screen.getByLabelText('Target date') as HTMLInputElement;
    expect(target.type).toBe('date');
    expect(target.value).toBe('');
    expect(screen.getByText(/Empty: no target date/)).toBeTruthy();
    const sound = screen.getByLabelText('Sound when the line stops') as HTMLInputElement;
    expect(sound.type).toBe('checkbox');
    expect(sound.checked).toBe(false);
  });

  it('sends its own fields, with an empty target date as null and the checkbox as a boolean', async () => {
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => json(200, { ...settings, ...JSON.parse(init!.body as string) }));
    vi.stubGlobal('fetch', fetchMock);
    render(<Form />, { wrapper });

    fireEvent.change(screen.getByLabelText('Forecast from the last (weeks)'), { target: { value: '8' } });
    fireEvent.change(screen.getByLabelText('Target date'), { target: { value: '2027-03-31' } });
    fireEvent.click(screen.getByLabelText('Sound when the line stops'));
    expect(screen.getByTestId('settings-unsaved-status')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByTestId('settings-save-status'));
    });
    await screen.findByText('Status and wall settings saved.');
    const body = JSON.parse(fetchMock.mock.calls[0]![1]!.body as string);
    expect(body).toMatchObject({ forecastWeeks: 8, targetDate: '2027-03-31', stoppedRedPercent: 10, lineStopSound: true });
    expect(body.staleDays).toBe(settings.staleDays);

    fireEvent.change(screen.getByLabelText('Target date'), { target: { value: '' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('settings-save-status'));
    });
    expect(JSON.parse(fetchMock.mock.calls[1]![1]!.body as string).targetDate).toBeNull();
  });

  it("shows the server's 400 messages beside their fields", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(400, {
          type: 'urn:kanban:problem:validation-failed',
          title: 'The request has invalid fields',
          status: 400,
          errors: { forecastWeeks: ['Forecast weeks must be between 1 and 52.'], TargetDate: ['The target date is not a date.'] },
        }),
      ),
    );
    render(<Form />, { wrapper });
    fireEvent.change(screen.getByLabelText('Forecast from the last (weeks)'), { target: { value: '60' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('settings-save-status'));
    });
    expect((await screen.findByTestId('field-error-forecastWeeks')).textContent).toMatch(/between 1 and 52/);
    expect(screen.getByTestId('field-error-targetDate').textContent).toBe('The target date is not a date.');
    expect(screen.getByLabelText('Target date').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('settings-error-status').textContent).toContain('Check Forecast from the last, Target date.');
  });

  it('is read-only for someone who may not edit it', () => {
    render(<Form canEdit={false} />, { wrapper });
    expect((screen.getByLabelText('Sound when the line stops') as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByTestId('settings-save-status')).toBeNull();
  });
});
