import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../api/boards';
import { boardSettings, makeFlowBoard } from '../../test/fixtures';
import { AuthProvider } from '../auth/AuthProvider';
import { SettingsView } from './SettingsPage';
import { LEAVE_MESSAGE } from './unsavedChanges';

// The page's live link is not what these tests are about.
vi.mock('../board/useBoardHub', () => ({ useBoardHub: () => ({ state: 'connected' }) }));

const settings = boardSettings;

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.hash}</p>;
}

function renderPage(entry = '/boards/board-1/settings', role: 'ProductOwner' | 'Member' = 'ProductOwner') {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => json(200, url.endsWith('/settings') ? settings : [])),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  client.setQueryData(queryKeys.me, { id: 'u-ana', email: 'ana@example.com', displayName: 'Ana Owner', roles: [] });
  client.setQueryData(queryKeys.settings('board-1'), settings);
  const board = makeFlowBoard({ role });
  render(
    <QueryClientProvider client={client}>
      <AuthProvider>
        <MemoryRouter initialEntries={[entry]}>
          <Routes>
            <Route path="/boards/:boardId/settings" element={<SettingsView board={board} />} />
            <Route path="/boards/:boardId" element={<h1>The board</h1>} />
          </Routes>
          <Where />
        </MemoryRouter>
      </AuthProvider>
    </QueryClientProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('SettingsView sections', () => {
  it('shows each section under its heading, with a nav to them', () => {
    renderPage();
    const nav = screen.getByRole('navigation', { name: 'Settings sections' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Board',
      'Lanes',
      'Quality gates',
      'Status and wall',
      'People',
      'Share links',
    ]);
    for (const name of ['Board', 'Lanes', 'Quality gates', 'Status and wall', 'People on this board', 'Share links']) {
      const heading = screen.getByRole('heading', { level: 2, name });
      expect(heading.closest('section')!.getAttribute('aria-labelledby')).toBe(heading.id);
    }
    expect(within(nav).getByRole('link', { name: 'Lanes' }).getAttribute('href')).toBe('/boards/board-1/settings#lanes');
    expect(within(nav).getByRole('link', { name: 'Board' }).getAttribute('aria-current')).toBe('location');
  });

  it('offers a member only the sections they may read', () => {
    renderPage('/boards/board-1/settings', 'Member');
    const nav = screen.getByRole('navigation', { name: 'Settings sections' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Board', 'Lanes', 'Quality gates', 'Status and wall']);
    expect(screen.getByTestId('settings-read-only')).toBeTruthy();
  });

  it('opens at the section the URL names and follows the nav, moving focus to its heading', async () => {
    renderPage('/boards/board-1/settings#lanes');
    const nav = screen.getByRole('navigation', { name: 'Settings sections' });
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Lanes' }));
    expect(within(nav).getByRole('link', { name: 'Lanes' }).getAttribute('aria-current')).toBe('location');

    await act(async () => {
      fireEvent.click(within(nav).getByRole('link', { name: 'Quality gates' }));
    });
    expect(screen.getByTestId('where').textContent).toBe('/boards/board-1/settings#gates');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Quality gates' }));
    expect(within(nav).getByRole('link', { name: 'Quality gates' }).getAttribute('aria-current')).toBe('location');
    expect(within(nav).getByRole('link', { name: 'Lanes' }).getAttribute('aria-current')).toBeNull();
  });

  it('warns before leaving with unsaved changes, and not otherwise', async () => {
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    renderPage();
    const nav = screen.getByRole('navigation', { name: 'Settings sections' });

    // Nothing edited: leaving needs no confirmation.
    const clean = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(clean);
    expect(clean.defaultPrevented).toBe(false);

    fireEvent.change(screen.getByLabelText('Personal WIP limit'), { target: { value: '5' } });
    expect(within(nav).getByTestId('settings-nav-unsaved-board').textContent).toBe('(unsaved changes)');
    expect(within(nav).queryByTestId('settings-nav-unsaved-gates')).toBeNull();

    const reload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(reload);
    expect(reload.defaultPrevented).toBe(true);

    // Another section of this page is not leaving it.
    await act(async () => {
      fireEvent.click(within(nav).getByRole('link', { name: 'Lanes' }));
    });
    expect(confirm).not.toHaveBeenCalled();
    expect(screen.getByTestId('where').textContent).toBe('/boards/board-1/settings#lanes');

    // The board page is: asked, and refused, the page stays with its edit.
    await act(async () => {
      fireEvent.click(screen.getByTestId('board-page-link'));
    });
    expect(confirm).toHaveBeenCalledWith(LEAVE_MESSAGE);
    expect(screen.getByTestId('where').textContent).toBe('/boards/board-1/settings#lanes');
    expect((screen.getByLabelText('Personal WIP limit') as HTMLInputElement).value).toBe('5');

    // Asked again and accepted: it goes.
    confirm.mockReturnValue(true);
    await act(async () => {
      fireEvent.click(screen.getByTestId('board-page-link'));
    });
    expect(screen.getByTestId('where').textContent).toBe('/boards/board-1');
    expect(screen.getByRole('heading', { name: 'The board' })).toBeTruthy();
  });

  it('counts an address typed in Add someone as unsaved', async () => {
    renderPage();
    expect(await screen.findByTestId('add-member-email')).toBeTruthy();
    fireEvent.change(screen.getByTestId('add-member-email'), { target: { value: 'ben@example.com' } });
    expect(screen.getByTestId('add-member-unsaved').textContent).toBe('Unsaved changes');
    expect(screen.getByTestId('settings-nav-unsaved-people')).toBeTruthy();
  });

  it('counts a lane edit as unsaved too', async () => {
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    renderPage();
    fireEvent.change(screen.getByTestId('lane-limit-ready'), { target: { value: '2' } });
    expect(screen.getByTestId('settings-nav-unsaved-lanes')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByTestId('board-page-link'));
    });
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('where').textContent).toBe('/boards/board-1/settings');
  });
});
