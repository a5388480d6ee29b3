import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../api/boards';
import type { BoardSettings } from '../../api/types';
import { makeFlowBoard } from '../../test/fixtures';
import { BoardSettingsForm } from './BoardSettingsForm';
import { LanesEditor } from './LanesEditor';

const settings: BoardSettings = {
  personalWipLimit: 2,
  stopLineThreshold: null,
  effectiveStopLineThreshold: 5,
  staleDays: 3,
  maxEstimateDays: 5,
  duplicateThreshold: 0.8,
  fillerWords: ['works', 'as expected'],
};

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

describe('BoardSettingsForm', () => {
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
    render(<BoardSettingsForm boardId="board-1" settings={settings} canEdit />, { wrapper });

    const threshold = screen.getByTestId('settings-stopLineThreshold') as HTMLInputElement;
    expect(threshold.value).toBe('');
    expect(threshold.getAttribute('placeholder')).toBe('automatic (5)');
    expect(screen.getByText(/Empty: automatic \(5\)/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Personal WIP limit'), { target: { value: '30' } });
    fireEvent.change(screen.getByLabelText('Filler words'), { target: { value: 'works\nfoo\n\n' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('settings-save'));
    });

    const body = JSON.parse(fetchMock.mock.calls[0]![1]!.body as string);
    expect(body).toEqual({ ...settings, effectiveStopLineThreshold: undefined, personalWipLimit: 30, fillerWords: ['works', 'foo'] });
    expect((await screen.findByTestId('field-error-personalWipLimit')).textContent).toMatch(/between 1 and 20/);
    expect(screen.getByTestId('field-error-fillerWords').textContent).toBe('Line 2: Too long.');
    expect(screen.getByLabelText('Personal WIP limit').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('settings-status').textContent).toBe('');
  });

  it('says saved in a polite status', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(200, { ...settings, stopLineThreshold: 4, effectiveStopLineThreshold: 4 })));
    render(<BoardSettingsForm boardId="board-1" settings={settings} canEdit />, { wrapper });
    fireEvent.change(screen.getByTestId('settings-stopLineThreshold'), { target: { value: '4' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('settings-save'));
    });
    const status = await screen.findByText('Settings saved.');
    expect(status.getAttribute('role')).toBe('status');
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

  it('keeps the backlog first: no move, no delete, fixed kind', () => {
    const board = makeFlowBoard();
    render(<LanesEditor boardId="board-1" lanes={board.lanes} canEdit />, { wrapper });
    const backlog = screen.getByTestId('lane-row-backlog');
    expect((within(backlog).getByTestId('lane-up-backlog') as HTMLButtonElement).disabled).toBe(true);
    expect(within(backlog).queryByTestId('lane-delete-backlog')).toBeNull();
    expect(within(backlog).queryByTestId('lane-kind-backlog')).toBeNull();
    expect((screen.getByTestId('lane-up-ready') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('lane-down-done') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('lane-up-doing') as HTMLButtonElement).disabled).toBe(false);
  });
});
