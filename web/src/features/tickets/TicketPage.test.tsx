import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../api/boards';
import type { BoardRole, CurrentUser, TicketDetail } from '../../api/types';
import { makeFlowBoard, passingGates, ticket } from '../../test/fixtures';
import { AuthProvider } from '../auth/AuthProvider';
import { TicketView } from './TicketPage';

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

const sentBack = (): TicketDetail => ({
  ...ticket('31', { state: 'SentBack' }),
  comments: [
    {
      id: 'c1',
      kind: 'SentBack',
      text: 'Split it: <b>refunds</b> first, approvals in a second ticket.',
      at: '2026-11-26T10:00:00Z',
      by: 'paula',
      byName: 'Paula Po',
    },
  ],
  history: [
    { version: 40, at: '2026-11-26T09:00:00Z', by: 'ana', byName: 'Ana Lima', kind: 'TicketSubmitted', summary: 'Submitted PAY-31' },
    { version: 44, at: '2026-11-26T10:00:00Z', by: 'paula', byName: 'Paula Po', kind: 'TicketSentBack', summary: 'Sent back PAY-31' },
  ],
});

function renderTicket(detail: TicketDetail, userId: string, role: BoardRole = 'Member', readOnly = false) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  const user: CurrentUser = { id: userId, email: `${userId}@example.com`, displayName: userId, roles: [] };
  client.setQueryData(queryKeys.me, user);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <AuthProvider>
        <MemoryRouter>{children}</MemoryRouter>
      </AuthProvider>
    </QueryClientProvider>
  );
  render(<TicketView ticket={detail} board={makeFlowBoard({ role })} readOnly={readOnly} checkDelay={0} />, { wrapper });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('TicketView', () => {
  it('shows a sent-back ticket with the product owner’s comment, as text, to its submitter', () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(200, { gates: passingGates, duplicates: [] })));
    renderTicket(sentBack(), 'ana');
    expect(screen.getByTestId('ticket-page')).toBeTruthy();
    const state = screen.getByTestId('ticket-state');
    expect(state.getAttribute('data-state')).toBe('SentBack');
    expect(state.textContent).toBe('Sent back');
    const comment = screen.getByTestId('ticket-sent-back-comment');
    expect(comment.textContent).toContain('Sent back by Paula Po: Split it: <b>refunds</b> first');
    expect(comment.querySelector('b')).toBeNull();
    expect(comment.textContent).toContain('resubmit it for triage');
    expect(screen.getByTestId('ticket-history').textContent).toContain('Sent back PAY-31');
    expect(screen.getByTestId('ticket-edit')).toBeTruthy();
  });

  it('offers no edit once the server has ended this screen\'s access to the board', () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(200, { gates: passingGates, duplicates: [] })));
    renderTicket(sentBack(), 'ana', 'Member', true);
    expect(screen.getByTestId('ticket-page')).toBeTruthy();
    expect(screen.queryByTestId('ticket-edit')).toBeNull();
  });

  it('lets the submitter edit and resubmit a sent-back ticket with live gates', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/tickets/check') return json(200, { gates: passingGates, duplicates: [] });
      if (url === '/api/tickets/31' && init?.method === 'PUT') return json(200, ticket('31', { state: 'Triage' }));
      return json(404, { status: 404 });
    });
    vi.stubGlobal('fetch', fetchMock);
    renderTicket(sentBack(), 'ana');
    fireEvent.click(screen.getByTestId('ticket-edit'));
    expect((screen.getByTestId('ticket-title') as HTMLInputElement).value).toBe(sentBack().title);
    expect((screen.getByTestId('ticket-dod-1') as HTMLInputElement).value).toBe('The approver is recorded on the refund');
    fireEvent.change(screen.getByTestId('ticket-title'), { target: { value: 'Refunds over 500 EUR wait for a second approval' } });

    const submit = screen.getByTestId('ticket-submit') as HTMLButtonElement;
    await waitFor(() => expect(submit.textContent).toBe('Resubmit for triage'));
    expect(screen.getByTestId('gate-title').getAttribute('data-passed')).toBe('true');
    await act(async () => {
      fireEvent.click(submit);
    });
    const put = fetchMock.mock.calls.find(([, init]) => init?.method === 'PUT')!;
    expect(put[0]).toBe('/api/tickets/31');
    // The edit says which version it was made on, so a change made meanwhile is not overwritten unseen.
    expect(JSON.parse(put[1]!.body as string)).toMatchObject({
      title: 'Refunds over 500 EUR wait for a second approval',
      estimateDays: 2,
      expectedUpdatedAt: '2026-11-26T09:00:00Z',
    });
    await waitFor(() => expect(screen.queryByTestId('ticket-form')).toBeNull());
    expect(screen.getByTestId('ticket-status').textContent).toBe('PAY-31 resubmitted for triage.');
  });

  it('offers no edit of a ticket in triage to another member, but any member edits a card on the board', () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(404, { status: 404 })));
    renderTicket(sentBack(), 'ben');
    expect(screen.queryByTestId('ticket-edit')).toBeNull();
    expect(screen.getByTestId('ticket-sent-back-comment').textContent).not.toContain('resubmit it for triage');
    cleanup();

    renderTicket(sentBack(), 'paula', 'ProductOwner');
    expect(screen.getByTestId('ticket-edit')).toBeTruthy();
    cleanup();

    renderTicket({ ...sentBack(), state: 'OnBoard', laneId: 'backlog', comments: [] }, 'ana');
    expect(screen.getByTestId('ticket-edit')).toBeTruthy();
    expect(screen.getByTestId('ticket-state').textContent).toBe('On the board');
    expect(screen.queryByTestId('ticket-sent-back-comment')).toBeNull();
    cleanup();

    renderTicket({ ...sentBack(), state: 'OnBoard', laneId: 'backlog', comments: [] }, 'vera', 'Viewer');
    expect(screen.queryByTestId('ticket-edit')).toBeNull();
    cleanup();

    renderTicket({ ...sentBack(), state: 'Rejected', comments: [] }, 'paula', 'ProductOwner');
    expect(screen.queryByTestId('ticket-edit')).toBeNull();
  });
});
