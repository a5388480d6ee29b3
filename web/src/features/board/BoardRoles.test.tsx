import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { queryKeys } from '../../api/boards';
import type { Board, BoardRole } from '../../api/types';
import { makeFlowBoard, manualStop } from '../../test/fixtures';
import { BoardView } from './BoardPage';

function renderAs(role: BoardRole, extra: Partial<Board> = {}) {
  const board = makeFlowBoard({ role, ...extra });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  client.setQueryData(queryKeys.board(board.id), board);
  client.setQueryData(queryKeys.triageCount(board.id), { waiting: 2, sentBack: 1 });
  client.setQueryData(queryKeys.outliers(board.id), []);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <MemoryRouter>{children}</MemoryRouter>
    </QueryClientProvider>
  );
  render(<BoardView board={board} connection="connected" />, { wrapper });
}

afterEach(cleanup);

describe('BoardView by role', () => {
  it('gives a viewer cards that open (links to the ticket) but do not move, no card actions, no andon and no settings link', () => {
    renderAs('Viewer', { line: { ...manualStop } });
    const card = screen.getByTestId('card-PAY-4');
    expect(card.tagName).toBe('A');
    expect(card.getAttribute('href')).toBe(`/tickets/${card.getAttribute('data-card-id')}`);
    expect(card.getAttribute('role')).toBeNull();
    expect(card.getAttribute('aria-roledescription')).toBeNull();
    expect(card.getAttribute('data-draggable')).toBe('false');
    expect(screen.queryByTestId('card-actions-PAY-4')).toBeNull();
    expect(screen.queryByTestId('andon-button')).toBeNull();
    expect(screen.queryByTestId('resume-button')).toBeNull();
    expect(screen.queryByTestId('settings-link')).toBeNull();
    expect(screen.getByTestId('activity-link')).toBeTruthy();
    expect(screen.getByTestId('board-read-only')).toBeTruthy();
    expect(screen.queryByTestId('new-ticket-link')).toBeNull();
    expect(screen.queryByTestId('triage-link')).toBeNull();
  });

  it('gives members the New ticket link, Triage with the count of tickets waiting for triage, and each card\'s actions button beside it', () => {
    renderAs('Member');
    expect(screen.getByTestId('new-ticket-link').getAttribute('href')).toBe('/boards/board-1/tickets/new');
    const triage = screen.getByTestId('triage-link');
    expect(triage.getAttribute('href')).toBe('/boards/board-1/triage');
    expect(triage.textContent).toBe('Triage (2)');
    const actions = screen.getByTestId('card-actions-PAY-4');
    expect(actions.tagName).toBe('BUTTON');
    expect(actions.getAttribute('aria-label')).toBe('Actions for PAY-4');
    expect(actions.getAttribute('aria-haspopup')).toBe('dialog');
    // A button cannot hold another: the actions sit beside the sortable tile.
    expect(screen.getByTestId('card-PAY-4').contains(actions)).toBe(false);
  });

  it('lets a member move cards and stop the line, but not resume it or open the settings', () => {
    renderAs('Member');
    const card = screen.getByTestId('card-PAY-4');
    expect(card.getAttribute('role')).toBe('button');
    expect(card.getAttribute('tabindex')).toBe('0');
    expect(screen.getByTestId('andon-button')).toBeTruthy();
    expect(screen.queryByTestId('settings-link')).toBeNull();
    expect(screen.queryByTestId('board-read-only')).toBeNull();
    cleanup();

    renderAs('Member', { line: { ...manualStop } });
    expect(screen.getByTestId('line-banner')).toBeTruthy();
    expect(screen.queryByTestId('resume-button')).toBeNull();
  });

  it('gives a product owner the settings link and the resume button', () => {
    renderAs('ProductOwner', { line: { ...manualStop } });
    expect(screen.getByTestId('settings-link')).toBeTruthy();
    expect(screen.getByTestId('resume-button')).toBeTruthy();
    expect(screen.getByTestId('card-PAY-4').getAttribute('role')).toBe('button');
  });
});
