import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../api/boards';
import type { BoardSettings } from '../../api/types';
import { boardSettings, makeFlowBoard } from '../../test/fixtures';
import { BoardSettingsForm, GateSettingsForm } from './BoardSettingsForm';
import { LanesEditor } from './LanesEditor';
import { useBoardSettings } from './useSettings';

const settings = boardSettings;

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

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function Forms() {
  // Both forms read the settings from the query, as the page does: a save updates what the other sends.
  const query = useBoardSettings('board-1');
  if (!query.data) return null;
  return (
    <>
      <BoardSettingsForm boardId="board-1" settings={query.data} canEdit />
      <GateSettingsForm boardId="board-1" settings={query.data} canEdit />
    </>
  );
}

describe('BoardSettingsForm and GateSettingsForm', () => {
  it('hints the automatic threshold and shows 400 errors beside their fields', async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) =>
      json(400, {
        type: 'urn:kanban:problem:validation-failed',
        title: 'The request has invalid fields',
        status: 400,
        errors: { personalWipLimit: ["'Personal Wip Limit' must be between 1 and 20."], 'fillerWords[1]': ['Too long.'] },
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    render(<Forms />, { wrapper });

    const threshold = screen.getByTestId('settings-stopLineThreshold') as HTMLInputElement;
    expect(threshold.value).toBe('');
    expect(threshold.getAttribute('placeholder')).toBe('automatic (5)');
    expect(screen.getByText(/Empty: automatic \(5\)/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Personal WIP limit'), { target: { value: '30' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('settings-save-board'));
    });
    expect((await screen.findByTestId('field-error-personalWipLimit')).textContent).toMatch(/between 1 and 20/);
    expect(screen.getByLabelText('Personal WIP limit').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('settings-error-board').textContent).toContain('Check Personal WIP limit.');
    // The gates form shows nothing of the board form's refusal.
    expect(screen.queryByTestId('settings-error-gates')).toBeNull();
    expect(screen.queryByTestId('field-error-fillerWords')).toBeNull();

    fireEvent.change(screen.getByLabelText('Filler words'), { target: { value: 'works\nfoo\n\n' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('settings-save-gates'));
    });
    expect((await screen.findByTestId('field-error-fillerWords')).textContent).toBe('Line 2: Too long.');
    expect(screen.getByTestId('settings-status-gates').textContent).toBe('');
  });

  it('says saved in a polite status', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(200, { ...settings, stopLineThreshold: 4, effectiveStopLineThreshold: 4 })));
    render(<Forms />, { wrapper });
    fireEvent.change(screen.getByTestId('settings-stopLineThreshold'), { target: { value: '4' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('settings-save-board'));
    });
    const status = await screen.findByText('Board settings saved.');
    expect(status.getAttribute('role')).toBe('status');
    expect(screen.getByTestId('settings-status-gates').textContent).toBe('');
  });

  it('marks a form with unsaved changes until it is saved, reverted or discarded', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(200, { ...settings, staleDays: 9 })));
    render(<Forms />, { wrapper });
    expect(screen.queryByText('Unsaved changes')).toBeNull();

    fireEvent.change(screen.getByLabelText('Stale after (working days)'), { target: { value: '4' } });
    const marker = screen.getByTestId('settings-unsaved-board');
    expect(marker.textContent).toBe('Unsaved changes');
    expect(screen.queryByTestId('settings-unsaved-gates')).toBeNull();
    expect(screen.getByTestId('settings-save-board').getAttribute('aria-describedby')).toBe(marker.id);

    fireEvent.change(screen.getByLabelText('Stale after (working days)'), { target: { value: '3' } });
    expect(screen.queryByTestId('settings-unsaved-board')).toBeNull();

    fireEvent.change(screen.getByLabelText('Largest estimate (days)'), { target: { value: '8' } });
    expect(screen.getByTestId('settings-unsaved-gates')).toBeTruthy();
    fireEvent.click(screen.getByTestId('settings-discard-gates'));
    expect(screen.queryByTestId('settings-unsaved-gates')).toBeNull();
    expect((screen.getByLabelText('Largest estimate (days)') as HTMLInputElement).value).toBe('5');

    fireEvent.change(screen.getByLabelText('Stale after (working days)'), { target: { value: '9' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('settings-save-board'));
    });
    await screen.findByText('Board settings saved.');
    expect(screen.queryByTestId('settings-unsaved-board')).toBeNull();
  });

  it('edits how long closed tickets are compared for duplicates, 1 to 3650 days, marked unsaved until saved', async () => {
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => json(200, { ...settings, ...JSON.parse(init!.body as string), effectiveStopLineThreshold: 5 }));
    vi.stubGlobal('fetch', fetchMock);
    render(<Forms />, { wrapper });

    const window = screen.getByLabelText('Closed tickets compared for (days)') as HTMLInputElement;
    expect(window.value).toBe('180');
    expect(window.type).toBe('number');
    expect(window.min).toBe('1');
    expect(window.max).toBe('3650');
    expect(window.step).toBe('1');
    // In the gates form, beside the duplicate threshold, with its range in the hint.
    expect(screen.getByTestId('settings-form-gates').contains(window)).toBe(true);
    const hint = document.getElementById(window.getAttribute('aria-describedby')!)!;
    expect(hint.textContent).toContain('1–3650');

    fireEvent.change(window, { target: { value: '365' } });
    expect(screen.getByTestId('settings-unsaved-gates')).toBeTruthy();
    expect(screen.queryByTestId('settings-unsaved-board')).toBeNull();
    fireEvent.change(window, { target: { value: ' 180 ' } });
    expect(screen.queryByTestId('settings-unsaved-gates')).toBeNull();

    fireEvent.change(window, { target: { value: '365' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('settings-save-gates'));
    });
    await screen.findByText('Gate settings saved.');
    expect(JSON.parse(fetchMock.mock.calls[0]![1]!.body as string)).toMatchObject({ duplicateWindowDays: 365, duplicateThreshold: 0.8 });
    expect(screen.queryByTestId('settings-unsaved-gates')).toBeNull();
    expect((screen.getByLabelText('Closed tickets compared for (days)') as HTMLInputElement).value).toBe('365');
  });

  it('shows a refused duplicate window beside its field', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(400, {
          type: 'urn:kanban:problem:validation-failed',
          title: 'The request has invalid fields',
          status: 400,
          errors: { duplicateWindowDays: ['Must be from 1 to 3650 days.'] },
        }),
      ),
    );
    render(<Forms />, { wrapper });
    fireEvent.change(screen.getByLabelText('Closed tickets compared for (days)'), { target: { value: '5000' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('settings-save-gates'));
    });
    expect((await screen.findByTestId('field-error-duplicateWindowDays')).textContent).toBe('Must be from 1 to 3650 days.');
    expect(screen.getByLabelText('Closed tickets compared for (days)').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('settings-error-gates').textContent).toContain('Check Closed tickets compared for.');
  });

  it("sends the other form's fields as last saved, never its unsaved edits", async () => {
    let saved: BoardSettings = settings;
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
      const body = JSON.parse(init!.body as string);
      saved = { ...body, effectiveStopLineThreshold: body.stopLineThreshold ?? 5 };
      return json(200, saved);
    });
    vi.stubGlobal('fetch', fetchMock);
    render(<Forms />, { wrapper });

    // An edit in the gates form, not saved, then the board form saved.
    fireEvent.change(screen.getByLabelText('Duplicate threshold'), { target: { value: '0.5' } });
    fireEvent.change(screen.getByLabelText('Filler words'), { target: { value: 'works\nTBD' } });
    fireEvent.change(screen.getByLabelText('Personal WIP limit'), { target: { value: '4' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('settings-save-board'));
    });
    await screen.findByText('Board settings saved.');
    expect(JSON.parse(fetchMock.mock.calls[0]![1]!.body as string)).toEqual({
      personalWipLimit: 4,
      stopLineThreshold: null,
      staleDays: 3,
      maxEstimateDays: 5,
      duplicateThreshold: 0.8,
      duplicateWindowDays: 180,
      cycleTimeWindowDays: 90,
      fillerWords: ['works', 'as expected'],
      forecastWeeks: 6,
      targetDate: null,
      stoppedRedPercent: 10,
      lineStopSound: false,
    });
    // The gates form keeps its edits, still marked.
    expect((screen.getByLabelText('Duplicate threshold') as HTMLInputElement).value).toBe('0.5');
    expect(screen.getByTestId('settings-unsaved-gates')).toBeTruthy();

    // An unsaved board edit now, then the gates saved: the board's fields go as just saved.
    fireEvent.change(screen.getByLabelText('Personal WIP limit'), { target: { value: '7' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('settings-save-gates'));
    });
    await screen.findByText('Gate settings saved.');
    expect(JSON.parse(fetchMock.mock.calls[1]![1]!.body as string)).toEqual({
      personalWipLimit: 4,
      stopLineThreshold: null,
      staleDays: 3,
      maxEstimateDays: 5,
      duplicateThreshold: 0.5,
      duplicateWindowDays: 180,
      cycleTimeWindowDays: 90,
      fillerWords: ['works', 'TBD'],
      forecastWeeks: 6,
      targetDate: null,
      stoppedRedPercent: 10,
      lineStopSound: false,
    });
    expect((screen.getByLabelText('Personal WIP limit') as HTMLInputElement).value).toBe('7');
    expect(screen.getByTestId('settings-unsaved-board')).toBeTruthy();
    expect(screen.queryByTestId('settings-unsaved-gates')).toBeNull();
  });
});

describe('LanesEditor', () => {
  it('saves one lane with its new limit and shows a refused delete', async () => {
    const board = makeFlowBoard();
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) =>
      init?.method === 'DELETE'
        ? json(409, {
            type: 'urn:kanban:problem:lane-not-empty',
            title: 'Lane is not empty',
            status: 409,
            detail: "'Ready' still holds 1 card(s); move them to another lane before deleting it.",
            laneName: 'Ready',
            count: 1,
          })
        : json(200, { ...board.lanes[1], wipLimit: 1, url }),
    );
    vi.stubGlobal('fetch', fetchMock);
    render(<LanesEditor boardId="board-1" lanes={board.lanes} canEdit />, { wrapper });

    const row = screen.getByTestId('lane-row-ready');
    fireEvent.change(within(row).getByTestId('lane-limit-ready'), { target: { value: '1' } });
    await act(async () => {
      fireEvent.click(within(row).getByTestId('lane-save-ready'));
    });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/boards/board-1/lanes/ready');
    expect(init!.method).toBe('PUT');
    expect(JSON.parse(init!.body as string)).toEqual({ name: 'Ready', kind: 'Queue', wipLimit: 1, untested: false, order: 1 });
    expect((await screen.findByTestId('lanes-status')).textContent).toBe('Lane Ready saved.');

    fireEvent.click(within(row).getByTestId('lane-delete-ready'));
    await act(async () => {
      fireEvent.click(within(row).getByTestId('lane-delete-confirm-ready'));
    });
    const error = await screen.findByTestId('lane-error-ready');
    expect(error.textContent).toContain('Ready is not empty (1 card)');
    expect(error.textContent).toContain('move them to another lane');
  });

  it('keeps the backlog first: no move, no delete, fixed kind; moves at the ends are unavailable', () => {
    const board = makeFlowBoard();
    render(<LanesEditor boardId="board-1" lanes={board.lanes} canEdit />, { wrapper });
    const backlog = screen.getByTestId('lane-row-backlog');
    expect(within(backlog).queryByTestId('lane-up-backlog')).toBeNull();
    expect(within(backlog).queryByTestId('lane-drag-backlog')).toBeNull();
    expect(within(backlog).queryByTestId('lane-delete-backlog')).toBeNull();
    expect(within(backlog).queryByTestId('lane-kind-backlog')).toBeNull();
    expect(screen.getByTestId('lane-up-ready').getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByTestId('lane-down-done').getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByTestId('lane-up-doing').getAttribute('aria-disabled')).toBeNull();
  });
});
