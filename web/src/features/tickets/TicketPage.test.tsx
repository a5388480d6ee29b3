import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../api/boards';
import type { BoardEvent, BoardRole, CurrentUser, TicketDetail } from '../../api/types';
import { candidate, makeFlowBoard, passingGates, ticket } from '../../test/fixtures';
import { AuthProvider } from '../auth/AuthProvider';
import { handleBoardEvent } from '../board/useBoardHub';
import { TicketView } from './TicketPage';
import { useTicket } from './useTickets';

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

/** The ticket page's view of the cached ticket (as TicketPage gives it): what the cache holds shows. */
function CachedTicket({ id, role }: { id: string; role: BoardRole | null }) {
  const query = useTicket(id);
  return query.data ? <TicketView ticket={query.data} board={makeFlowBoard({ role })} checkDelay={0} /> : null;
}

function renderTicket(detail: TicketDetail, userId: string, role: BoardRole | null = 'Member', readOnly = false, cached = false) {
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
  client.setQueryData(queryKeys.ticket(detail.id), detail);
  const view = render(
    cached ? (
      <CachedTicket id={detail.id} role={role} />
    ) : (
      <TicketView ticket={detail} board={makeFlowBoard({ role })} readOnly={readOnly} checkDelay={0} />
    ),
    { wrapper },
  );
  return { client, view };
}

/** A ticket on the board, in progress, assigned to nobody, not blocked. */
const onBoard = (extra: Partial<TicketDetail> = {}): TicketDetail => ({
  ...ticket('31', { state: 'OnBoard', laneId: 'doing', rank: 1024 }),
  comments: [],
  history: [
    { version: 40, at: '2026-11-26T09:00:00Z', by: 'ana', byName: 'Ana Lima', kind: 'TicketSubmitted', summary: 'Submitted PAY-31' },
    { version: 41, at: '2026-11-26T09:30:00Z', by: null, byName: null, kind: 'CardMoved', summary: 'PAY-31 moved to In progress' },
  ],
  assigneeId: null,
  assigneeName: null,
  blocked: false,
  blockedReason: null,
  blockedSince: null,
  role: 'Member',
  ...extra,
});

const people = [
  { id: 'ana', displayName: 'Ana Lima', role: 'Member' },
  { id: 'ben', displayName: 'Ben Ode', role: 'Member' },
  { id: 'jose', displayName: 'José Núñez', role: 'ProductOwner' },
];

type Answer = (url: string, init?: RequestInit) => Response | undefined;

/** The card routes answer the card; people and the ticket as given; `answer` first. */
function mockTicketApi(answer: Answer = () => undefined) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const custom = answer(url, init);
    if (custom) return custom;
    if (url === '/api/boards/board-1/people') return json(200, people);
    if (/^\/api\/cards\/31\/(assign|block|unblock)$/.test(url)) return json(200, { id: '31' });
    if (url === '/api/tickets/31') return json(200, onBoard());
    return json(404, { type: 'urn:kanban:problem:not-found', status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
  const posts = () =>
    fetchMock.mock.calls
      .filter(([, init]) => init?.method === 'POST')
      .map(([url, init]) => [url, init?.body ? JSON.parse(init.body as string) : null]);
  return { fetchMock, posts };
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

  it('never suggests the ticket being edited as a duplicate of itself, and shows the others', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url === '/api/tickets/check'
          ? json(200, {
              gates: passingGates,
              duplicates: [candidate('31', { ticketId: '31', score: 1 }), candidate('3', { title: 'Second approval on big refunds', match: 'similar', score: 0.7 })],
              duplicateThreshold: 0.8,
            })
          : json(404, { status: 404 }),
      ),
    );
    renderTicket(sentBack(), 'ana');
    fireEvent.click(screen.getByTestId('ticket-edit'));
    await screen.findByTestId('duplicate-PAY-3');
    expect(screen.queryByTestId('duplicate-PAY-31')).toBeNull();
    expect(screen.getByRole('region', { name: 'Is it one of these?' }).textContent).toContain('Similar');
  });

  it('says how close each possible duplicate on the ticket page is, in words', () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(404, { status: 404 })));
    renderTicket({ ...sentBack(), duplicates: [candidate('3', { title: 'Second approval on big refunds', score: 0.86 })] }, 'ben');
    const item = screen.getByTestId('duplicate-PAY-3');
    expect(item.querySelector('a')!.getAttribute('target')).toBeNull();
    expect(item.textContent).toContain('Very likely the same ticket');
    expect(item.textContent).toContain('86% alike');
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

  it('names who made each history entry, and says imported when nobody is recorded', () => {
    mockTicketApi();
    renderTicket(onBoard(), 'ana');
    const entries = [...screen.getByTestId('ticket-history').querySelectorAll('li')].map((li) => li.textContent);
    expect(entries[0]).toContain('Submitted PAY-31 · Ana Lima');
    expect(entries[1]).toContain('PAY-31 moved to In progress · imported');
    cleanup();
    renderTicket({ ...onBoard(), submittedBy: null, submittedByName: null }, 'ana');
    expect(screen.getByTestId('ticket-submitter').textContent).toBe('imported');
  });

  it('assigns from a picker with search, by keyboard: Down, Enter', async () => {
    const { posts } = mockTicketApi();
    const { client } = renderTicket(onBoard(), 'ana');
    const invalidate = vi.spyOn(client, 'invalidateQueries');
    expect(screen.getByTestId('ticket-assignee').textContent).toBe('Nobody');
    const assign = screen.getByTestId('ticket-assign');
    expect(assign.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(assign);
    expect(assign.getAttribute('aria-expanded')).toBe('true');

    const search = screen.getByTestId('assignee-search') as HTMLInputElement;
    expect(document.activeElement).toBe(search);
    expect(screen.getByLabelText('Assign to')).toBe(search);
    await screen.findByTestId('assignee-option-ben');
    expect(screen.getByRole('listbox', { name: 'People on the board' }).querySelectorAll('[role="option"]').length).toBe(3);

    // Accents and case do not matter.
    fireEvent.change(search, { target: { value: 'jose' } });
    expect(screen.queryByTestId('assignee-option-ben')).toBeNull();
    expect(screen.getByTestId('assignee-option-jose').getAttribute('aria-selected')).toBe('true');
    fireEvent.change(search, { target: { value: 'nobody here' } });
    expect(screen.getByTestId('assignee-no-match').textContent).toBe('Nobody matches “nobody here”.');
    expect(search.getAttribute('aria-expanded')).toBe('false');

    fireEvent.change(search, { target: { value: '' } });
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    expect(search.getAttribute('aria-activedescendant')).toBe(screen.getByTestId('assignee-option-ben').id);
    await act(async () => {
      fireEvent.keyDown(search, { key: 'Enter' });
    });
    await waitFor(() => expect(posts()).toEqual([['/api/cards/31/assign', { userId: 'ben' }]]));
    await waitFor(() => expect(screen.queryByTestId('assign-picker')).toBeNull());
    expect(document.activeElement).toBe(screen.getByTestId('ticket-assign'));
    expect(screen.getByTestId('ticket-status').textContent).toBe('PAY-31 assigned to Ben Ode.');
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['ticket', '31'] });
  });

  it('Escape closes the picker without a change; Unassign sends a null assignee', async () => {
    const { posts } = mockTicketApi();
    renderTicket(onBoard({ assigneeId: 'ben', assigneeName: 'Ben Ode' }), 'ana');
    expect(screen.getByTestId('ticket-assignee').textContent).toBe('Ben Ode');
    fireEvent.click(screen.getByTestId('ticket-assign'));
    const search = screen.getByTestId('assignee-search');
    expect((await screen.findByTestId('assignee-option-ben')).textContent).toContain('assigned now');
    fireEvent.keyDown(search, { key: 'Escape' });
    expect(screen.queryByTestId('assign-picker')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('ticket-assign'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('ticket-unassign'));
    });
    await waitFor(() => expect(posts()).toEqual([['/api/cards/31/assign', { userId: null }]]));
    expect(screen.getByTestId('ticket-status').textContent).toBe('PAY-31 unassigned.');
  });

  it('offers someone who joined the board while the picker is open (MembersChanged reads the people again)', async () => {
    let joined = false;
    mockTicketApi((url) =>
      url === '/api/boards/board-1/people'
        ? json(200, joined ? [...people, { id: 'nia', displayName: 'Nia Novak', role: 'Member' }] : people)
        : undefined,
    );
    const { client } = renderTicket(onBoard(), 'ana');
    fireEvent.click(screen.getByTestId('ticket-assign'));
    await screen.findByTestId('assignee-option-ben');
    expect(screen.queryByTestId('assignee-option-nia')).toBeNull();
    joined = true;
    await act(async () => {
      handleBoardEvent(client, 'board-1', { kind: 'MembersChanged', boardId: 'board-1', version: 12 } as BoardEvent);
    });
    expect((await screen.findByTestId('assignee-option-nia')).textContent).toContain('Nia Novak');
  });

  it('says why an assignment is refused: the assignee is at their personal WIP limit', async () => {
    mockTicketApi((url) =>
      url.endsWith('/assign')
        ? json(409, {
            type: 'urn:kanban:problem:personal-wip-limit-reached',
            status: 409,
            title: 'The assignee is at their personal WIP limit',
            detail: 'Ben Ode already holds 2 of 2 active cards. Finish one first, or give the card to someone with room.',
            assigneeId: 'ben',
            count: 2,
            limit: 2,
          })
        : undefined,
    );
    renderTicket(onBoard(), 'ana');
    fireEvent.click(screen.getByTestId('ticket-assign'));
    await act(async () => {
      fireEvent.click(await screen.findByTestId('assignee-option-ben'));
    });
    const error = await screen.findByTestId('ticket-work-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.getAttribute('data-problem')).toBe('personal-wip-limit-reached');
    expect(error.textContent).toContain('The assignee is at their personal WIP limit (2 of 2 active cards)');
    expect(error.textContent).toContain('Ben Ode already holds 2 of 2 active cards.');
    // The picker stays open to choose someone else.
    expect(screen.getByTestId('assign-picker')).toBeTruthy();
  });

  it('blocks with a reason (asked for when empty) and unblocks', async () => {
    const { posts } = mockTicketApi();
    const view = renderTicket(onBoard(), 'ana');
    expect(screen.getByTestId('ticket-not-blocked')).toBeTruthy();
    fireEvent.click(screen.getByTestId('ticket-block'));
    const reason = screen.getByTestId('ticket-block-reason');
    expect(document.activeElement).toBe(reason);
    expect(screen.getByLabelText('What blocks it?')).toBe(reason);
    await act(async () => {
      fireEvent.submit(reason.closest('form')!);
    });
    expect(screen.getByTestId('ticket-block-error').textContent).toMatch(/Say what blocks it/);
    expect(posts()).toEqual([]);
    fireEvent.change(reason, { target: { value: '  Waiting for the bank’s sandbox keys ' } });
    await act(async () => {
      fireEvent.submit(reason.closest('form')!);
    });
    await waitFor(() => expect(posts()).toEqual([['/api/cards/31/block', { reason: 'Waiting for the bank’s sandbox keys' }]]));
    expect(screen.getByTestId('ticket-status').textContent).toBe('PAY-31 blocked.');

    // The ticket as refetched: blocked, with its reason and for how long, as text.
    const since = new Date(Date.now() - (2 * 3600 + 5 * 60 + 30) * 1000).toISOString();
    view.view.rerender(
      <TicketView
        ticket={onBoard({ blocked: true, blockedReason: 'Waiting for <b>keys</b>', blockedSince: since })}
        board={makeFlowBoard({ role: 'Member' })}
        checkDelay={0}
      />,
    );
    const blocked = screen.getByTestId('ticket-blocked');
    expect(blocked.textContent).toBe('Blocked for 2 h 5 min: Waiting for <b>keys</b>');
    expect(blocked.querySelector('b')).toBeNull();
    expect(screen.getByTestId('ticket-blocked-for').getAttribute('datetime')).toBe(since);
    await act(async () => {
      fireEvent.click(screen.getByTestId('ticket-unblock'));
    });
    await waitFor(() => expect(posts()[1]).toEqual(['/api/cards/31/unblock', null]));
    expect(screen.getByTestId('ticket-status').textContent).toBe('PAY-31 unblocked.');
  });

  it('lists comments with who and when, as text, and adds one (trimmed); an empty one is asked for', async () => {
    const added = { id: 'c9', kind: 'Comment', text: 'Bank says Friday.', at: new Date().toISOString(), by: 'ana', byName: 'Ana Lima' };
    const before = onBoard({
      comments: [{ id: 'c1', kind: 'Comment', text: 'Is <i>this</i> still needed?', at: '2026-11-26T10:00:00Z', by: 'ben', byName: 'Ben Ode' }],
    });
    let saved = false;
    const { posts } = mockTicketApi((url, init) => {
      if (url === '/api/tickets/31/comments' && init?.method === 'POST') {
        saved = true;
        return json(201, added);
      }
      if (url === '/api/tickets/31') return json(200, saved ? { ...before, comments: [...before.comments, added] } : before);
      return undefined;
    });
    renderTicket(before, 'ana', 'Member', false, true);
    const first = screen.getAllByTestId('ticket-comment')[0]!;
    expect(first.textContent).toContain('Comment by Ben Ode');
    expect(first.querySelector('time')!.getAttribute('datetime')).toBe('2026-11-26T10:00:00Z');
    expect(screen.getAllByTestId('ticket-comment-text')[0]!.textContent).toBe('Is <i>this</i> still needed?');
    expect(first.querySelector('i')).toBeNull();

    const input = screen.getByLabelText('Add a comment') as HTMLTextAreaElement;
    await act(async () => {
      fireEvent.submit(input.closest('form')!);
    });
    expect(screen.getByTestId('ticket-comment-error').textContent).toBe('Write the comment first.');
    expect(posts()).toEqual([]);

    fireEvent.change(input, { target: { value: '  Bank says Friday.  ' } });
    await act(async () => {
      fireEvent.keyDown(input, { key: 'Enter', ctrlKey: true });
    });
    await waitFor(() => expect(posts()).toEqual([['/api/tickets/31/comments', { text: 'Bank says Friday.' }]]));
    await waitFor(() => expect(screen.getAllByTestId('ticket-comment')).toHaveLength(2));
    expect(screen.getAllByTestId('ticket-comment')[1]!.textContent).toContain('Comment by Ana Lima, just now');
    expect(input.value).toBe('');
    expect(screen.getByTestId('ticket-status').textContent).toBe('Comment added to PAY-31.');
  });

  it('gives a viewer the ticket, its history and comments, and no control at all', () => {
    mockTicketApi();
    renderTicket(
      onBoard({
        role: 'Viewer',
        assigneeId: 'ben',
        assigneeName: 'Ben Ode',
        blocked: true,
        blockedReason: 'Sandbox down',
        blockedSince: '2026-11-26T09:00:00Z',
        comments: [{ id: 'c1', kind: 'Comment', text: 'On it.', at: '2026-11-26T10:00:00Z', by: 'ben', byName: 'Ben Ode' }],
      }),
      'vera',
      // The ticket's own role decides while the board is not known.
      null,
    );
    expect(screen.getByTestId('ticket-assignee').textContent).toBe('Ben Ode');
    expect(screen.getByTestId('ticket-blocked-reason').textContent).toBe('Sandbox down');
    expect(screen.getByTestId('ticket-comment-text').textContent).toBe('On it.');
    expect(screen.getByTestId('ticket-history')).toBeTruthy();
    for (const control of ['ticket-edit', 'ticket-assign', 'ticket-unassign', 'ticket-unblock', 'ticket-block', 'ticket-comment-form']) {
      expect(screen.queryByTestId(control)).toBeNull();
    }
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
  });

  it('offers assign and block only for a ticket on the board, and a comment on any', () => {
    mockTicketApi();
    renderTicket(sentBack(), 'ben');
    expect(screen.queryByTestId('ticket-work')).toBeNull();
    expect(screen.getByTestId('ticket-comment-form')).toBeTruthy();
  });
});
