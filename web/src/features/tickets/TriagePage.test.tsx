import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BoardRole, Ticket } from '../../api/types';
import { candidate, makeFlowBoard, ticket } from '../../test/fixtures';
import { TriageView } from './TriagePage';

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

const inbox = (): Ticket[] => [
  ticket('21'),
  ticket('22', { submittedBy: 'ben', submittedByName: 'Ben Ode' }),
  ticket('23'),
  ticket('24', { state: 'SentBack', title: 'Make payments faster somehow please' }),
];

type Answer = (url: string, init?: RequestInit) => Response | undefined;

/** The inbox from GET …/triage; commands answer the ticket in its new state unless `answer` says otherwise. */
function mockApi(answer: Answer = () => undefined, list: Ticket[] = inbox()) {
  let current = list;
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const custom = answer(url, init);
    if (custom) return custom;
    if (url === '/api/boards/board-1/triage') return json(200, current);
    const m = /^\/api\/tickets\/([^/]+)\/([a-z-]+)$/.exec(url);
    if (m && init?.method === 'POST') {
      const state = ({ accept: 'OnBoard', 'send-back': 'SentBack', reject: 'Rejected', merge: 'Merged' } as const)[m[2] as 'accept'] ?? 'Triage';
      const updated = { ...ticket(m[1]!), state };
      // The server's inbox follows: what leaves triage is no longer listed.
      current = current.map((t) => (t.id === updated.id ? updated : t)).filter((t) => t.state === 'Triage' || t.state === 'SentBack');
      return json(200, updated);
    }
    return json(404, { type: 'urn:kanban:problem:not-found', status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
  const posts = () => fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST').map(([url, init]) => [url, JSON.parse((init!.body as string) ?? 'null')]);
  return { fetchMock, posts };
}

async function renderInbox(role: BoardRole = 'ProductOwner') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <MemoryRouter>{children}</MemoryRouter>
    </QueryClientProvider>
  );
  const board = makeFlowBoard({ role });
  board.cards = board.cards.map((c) => ({ ...c, id: `t${c.id}` }));
  render(<TriageView board={board} live={false} />, { wrapper });
  await screen.findByTestId('triage-list');
  return { client };
}

const key = async (k: string, target: Element | Window = document.body) => {
  await act(async () => {
    fireEvent.keyDown(target, { key: k });
  });
};
const selectedKey = () => document.querySelector('[data-selected="true"]')?.getAttribute('data-testid');

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** The inbox as the server has it, with undo putting a decided ticket back in Triage (or refusing). */
function mockUndoApi(undoAnswer?: (id: string) => Response) {
  const all = inbox();
  let current = all;
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/boards/board-1/triage') return json(200, current);
    const m = /^\/api\/tickets\/([^/]+)\/([a-z-]+)$/.exec(url);
    if (m && init?.method === 'POST') {
      const id = m[1]!;
      if (m[2] === 'undo') {
        if (undoAnswer) return undoAnswer(id);
        const back = all.find((t) => t.id === id)!;
        current = all.filter((t) => current.some((c) => c.id === t.id) || t.id === id);
        return json(200, back);
      }
      const state = ({ accept: 'OnBoard', 'send-back': 'SentBack', reject: 'Rejected' } as const)[m[2] as 'accept'];
      const updated = { ...ticket(id), state };
      current = current.map((t) => (t.id === id ? updated : t)).filter((t) => t.state === 'Triage' || t.state === 'SentBack');
      return json(200, updated);
    }
    return json(404, { type: 'urn:kanban:problem:not-found', status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
  const posts = () => fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST').map(([url]) => url);
  return { posts };
}

describe('TriageView', () => {
  it('shows a ticket whose submitter is unknown (imported without one) instead of failing', async () => {
    mockApi(undefined, [ticket('31', { submittedBy: null, submittedByName: null }), ticket('32')]);
    await renderInbox();
    expect(screen.getByTestId('triage-item-PAY-31').textContent).toContain('someone');
    expect(screen.getByTestId('triage-detail').textContent).toContain('submitted by someone unknown');
  });

  it('lists the tickets in triage as a listbox; j and k move the selection and the detail follows', async () => {
    mockApi();
    await renderInbox();
    expect(screen.getByRole('listbox', { name: 'Tickets waiting for triage' })).toBeTruthy();
    expect(screen.queryByTestId('triage-item-PAY-24')).toBeNull();
    expect(selectedKey()).toBe('triage-item-PAY-21');
    expect(screen.getByTestId('triage-item-PAY-21').getAttribute('aria-selected')).toBe('true');

    await key('j');
    expect(selectedKey()).toBe('triage-item-PAY-22');
    expect(screen.getByTestId('triage-detail').getAttribute('data-ticket')).toBe('PAY-22');
    expect(screen.getByTestId('triage-detail').textContent).toContain('Ben Ode');
    await key('j');
    await key('j');
    expect(selectedKey()).toBe('triage-item-PAY-23');
    await key('k');
    expect(selectedKey()).toBe('triage-item-PAY-22');
    expect(screen.getByTestId('triage-item-PAY-21').getAttribute('aria-selected')).toBe('false');
  });

  it('shows the gates and the duplicate candidates of the selected ticket', async () => {
    const list = inbox();
    list[0] = {
      ...list[0]!,
      gates: list[0]!.gates.map((g) => (g.gate === 'duplicate' ? { ...g, passed: false, message: 'PAY-3 is 91% alike.' } : g)),
      duplicates: [candidate('3')],
      likelyDuplicateOf: 't3',
    };
    mockApi(undefined, list);
    await renderInbox();
    const detail = screen.getByTestId('triage-detail');
    expect(detail.querySelector('[data-testid="gate-duplicate"]')!.getAttribute('data-passed')).toBe('false');
    expect(detail.querySelector('[data-testid="gate-title"]')!.getAttribute('data-passed')).toBe('true');
    expect(screen.getByTestId('triage-duplicates').textContent).toContain('PAY-3');
    expect(screen.getByTestId('triage-mark-distinct')).toBeTruthy();

    // Merge proposes the likely original.
    await key('m');
    expect((screen.getByTestId('triage-comment-input') as HTMLInputElement).value).toBe('PAY-3');
  });

  it('accepts the selected ticket with a, and selects the next one', async () => {
    const { posts } = mockApi();
    await renderInbox();
    await key('j');
    await key('a');
    await waitFor(() => expect(posts()).toEqual([['/api/tickets/22/accept', { expectedUpdatedAt: '2026-11-26T09:00:00Z' }]]));
    await waitFor(() => expect(screen.queryByTestId('triage-item-PAY-22')).toBeNull());
    expect(selectedKey()).toBe('triage-item-PAY-23');
    expect(screen.getByTestId('triage-status').textContent).toBe('PAY-22 accepted to the end of the backlog.');
  });

  it('accepts the selected ticket to the top of the backlog with Shift+A', async () => {
    const { posts } = mockApi();
    await renderInbox();
    await act(async () => {
      fireEvent.keyDown(document.body, { key: 'A', code: 'KeyA', shiftKey: true });
    });
    await waitFor(() => expect(posts()).toEqual([['/api/tickets/21/accept', { index: 0, expectedUpdatedAt: '2026-11-26T09:00:00Z' }]]));
  });

  it('ignores a held key and action keys while a prompt is open; Caps Lock does not change what a accepts', async () => {
    const { posts } = mockApi();
    await renderInbox();
    await act(async () => {
      fireEvent.keyDown(document.body, { key: 'a', code: 'KeyA', repeat: true });
    });
    await key('s');
    await act(async () => {
      fireEvent.keyDown(screen.getByTestId('triage-prompt-submit'), { key: 'a', code: 'KeyA' });
    });
    expect(posts()).toEqual([]);
    fireEvent.keyDown(screen.getByTestId('triage-comment-input'), { key: 'Escape' });
    await act(async () => {
      fireEvent.keyDown(document.body, { key: 'A', code: 'KeyA', shiftKey: false });
    });
    await waitFor(() => expect(posts()).toEqual([['/api/tickets/21/accept', { expectedUpdatedAt: '2026-11-26T09:00:00Z' }]]));
  });

  it('sends back with s: asks the comment inline, ignores the shortcuts while typing, Enter sends it', async () => {
    const { posts } = mockApi();
    await renderInbox();
    await key('s');
    const input = screen.getByTestId('triage-comment-input') as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    expect(screen.getByLabelText(/Comment for the submitter/)).toBe(input);

    // Typing letters that are shortcuts elsewhere does nothing here.
    for (const k of ['j', 'k', 'a', 'r', 'm']) await key(k, input);
    expect(selectedKey()).toBe('triage-item-PAY-21');
    expect(posts()).toEqual([]);

    // Empty: asks for it, sends nothing.
    await act(async () => {
      fireEvent.submit(input.closest('form')!);
    });
    expect(screen.getByTestId('triage-prompt-error').textContent).toMatch(/Say what the submitter should change/);
    expect(posts()).toEqual([]);

    fireEvent.change(input, { target: { value: '  Split it: refunds first, then approvals. ' } });
    await act(async () => {
      fireEvent.submit(input.closest('form')!);
    });
    await waitFor(() => expect(posts()).toEqual([['/api/tickets/21/send-back', { comment: 'Split it: refunds first, then approvals.' }]]));
    await waitFor(() => expect(screen.queryByTestId('triage-comment-input')).toBeNull());
    expect(screen.getByTestId('triage-status').textContent).toBe('PAY-21 sent back to its submitter.');
  });

  it('Escape cancels the inline prompt', async () => {
    const { posts } = mockApi();
    await renderInbox();
    await key('r');
    const input = screen.getByTestId('triage-comment-input');
    fireEvent.change(input, { target: { value: 'Not ours' } });
    await key('Escape', input);
    expect(screen.queryByTestId('triage-comment-input')).toBeNull();
    expect(posts()).toEqual([]);
  });

  it('rejects with r and the reason', async () => {
    const { posts } = mockApi();
    await renderInbox();
    await key('j');
    await key('r');
    expect(screen.getByLabelText('Why is it rejected?')).toBeTruthy();
    const input = screen.getByTestId('triage-comment-input');
    fireEvent.change(input, { target: { value: 'Not something this team does.' } });
    await act(async () => {
      fireEvent.submit(input.closest('form')!);
    });
    await waitFor(() => expect(posts()).toEqual([['/api/tickets/22/reject', { reason: 'Not something this team does.' }]]));
  });

  it('merges with m into the ticket whose key is typed, or says there is none', async () => {
    const { posts } = mockApi();
    await renderInbox();
    await key('m');
    const input = screen.getByTestId('triage-comment-input');
    expect(input.getAttribute('list')).toBeTruthy();
    fireEvent.change(input, { target: { value: 'PAY-99' } });
    await act(async () => {
      fireEvent.submit(input.closest('form')!);
    });
    expect(screen.getByTestId('triage-prompt-error').textContent).toMatch(/no ticket PAY-99/);
    fireEvent.change(input, { target: { value: 'pay-4' } });
    await act(async () => {
      fireEvent.submit(input.closest('form')!);
    });
    await waitFor(() => expect(posts()).toEqual([['/api/tickets/21/merge', { originalId: 't4' }]]));
  });

  it('shows a 409 quality-gate-failed for the selected ticket, with the failing gates', async () => {
    mockApi((url) =>
      url.endsWith('/accept')
        ? json(409, {
            type: 'urn:kanban:problem:quality-gate-failed',
            title: 'The ticket fails its quality gates',
            status: 409,
            detail: 'The ticket fails 1 quality gate.',
            gates: [{ gate: 'estimate', passed: false, message: 'The estimate is 8 days; the most is 5.' }],
          })
        : undefined,
    );
    await renderInbox();
    await key('a');
    const error = await screen.findByTestId('triage-error');
    expect(error.getAttribute('data-problem')).toBe('quality-gate-failed');
    expect(error.textContent).toContain('1 quality gate fails');
    expect(error.textContent).toContain('Estimate: The estimate is 8 days; the most is 5.');
    expect(screen.getByTestId('triage-item-PAY-21')).toBeTruthy();

    // It belongs to that ticket: another selection does not show it.
    await key('j');
    expect(screen.queryByTestId('triage-error')).toBeNull();
    await key('k');
    expect(screen.getByTestId('triage-error')).toBeTruthy();
  });

  it('gives members the inbox read-only: selection, but no actions and no shortcuts', async () => {
    const { posts } = mockApi();
    await renderInbox('Member');
    expect(screen.getByTestId('triage-read-only')).toBeTruthy();
    expect(screen.queryByTestId('triage-accept')).toBeNull();
    expect(screen.queryByTestId('triage-send-back')).toBeNull();
    await key('j');
    expect(selectedKey()).toBe('triage-item-PAY-22');
    for (const k of ['a', 's', 'r', 'm']) await key(k);
    expect(screen.queryByTestId('triage-comment-input')).toBeNull();
    expect(posts()).toEqual([]);
  });

  it('keeps sent-back tickets apart, waiting on their submitters, and says when the inbox is empty', async () => {
    mockApi(undefined, [ticket('24', { state: 'SentBack' })]);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <MemoryRouter>
          <TriageView board={makeFlowBoard()} live={false} />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    expect(await screen.findByTestId('triage-empty')).toBeTruthy();
    const section = screen.getByTestId('triage-sent-back-section');
    expect(section.textContent).toContain('Waiting on the submitter (1)');
    expect(section.textContent).toContain('PAY-24');
    expect(screen.queryByTestId('triage-detail')).toBeNull();
  });

  it('says what an accept to the top did, and Undo puts the ticket back in the inbox, selected', async () => {
    const { posts } = mockUndoApi();
    const { client } = await renderInbox();
    const invalidate = vi.spyOn(client, 'invalidateQueries');
    await key('j');
    await act(async () => {
      fireEvent.keyDown(document.body, { key: 'A', code: 'KeyA', shiftKey: true });
    });
    await waitFor(() => expect(screen.queryByTestId('triage-item-PAY-22')).toBeNull());
    expect(screen.getByTestId('triage-status').textContent).toBe('PAY-22 accepted to the top of the backlog.');
    // Announced with how to undo it, in a live region.
    const live = screen.getByTestId('triage-status').closest('[aria-live]')!;
    expect(live.getAttribute('role')).toBe('status');
    expect(live.textContent).toContain('Press z to undo it.');
    const undo = screen.getByTestId('triage-undo') as HTMLButtonElement;
    expect(undo.getAttribute('aria-keyshortcuts')).toBe('z');
    expect(undo.tagName).toBe('BUTTON');

    await act(async () => {
      fireEvent.click(undo);
    });
    await waitFor(() => expect(screen.getByTestId('triage-item-PAY-22')).toBeTruthy());
    expect(posts()).toEqual(['/api/tickets/22/accept', '/api/tickets/22/undo']);
    expect(selectedKey()).toBe('triage-item-PAY-22');
    expect(screen.getByTestId('triage-status').textContent).toBe('Undone: PAY-22 is back in triage.');
    expect(screen.queryByTestId('triage-undo')).toBeNull();
    // The board refetches: an undone accept takes the card off it.
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['board', 'board-1'] });
  });

  it('undoes a send back with z, and a reject too', async () => {
    const { posts } = mockUndoApi();
    await renderInbox();
    await key('s');
    const input = screen.getByTestId('triage-comment-input');
    fireEvent.change(input, { target: { value: 'Split it in two.' } });
    await act(async () => {
      fireEvent.submit(input.closest('form')!);
    });
    await waitFor(() => expect(screen.getByTestId('triage-status').textContent).toBe('PAY-21 sent back to its submitter.'));
    await key('z');
    await waitFor(() => expect(posts()).toEqual(['/api/tickets/21/send-back', '/api/tickets/21/undo']));
    await waitFor(() => expect(screen.getByTestId('triage-status').textContent).toBe('Undone: PAY-21 is back in triage.'));

    await key('r');
    const reason = screen.getByTestId('triage-comment-input');
    fireEvent.change(reason, { target: { value: 'Not ours.' } });
    await act(async () => {
      fireEvent.submit(reason.closest('form')!);
    });
    await waitFor(() => expect(screen.getByTestId('triage-status').textContent).toBe('PAY-21 rejected.'));
    expect(screen.getByTestId('triage-undo')).toBeTruthy();
  });

  it('offers no undo for a merge or to someone who cannot triage, and z does nothing then', async () => {
    const { posts } = mockUndoApi();
    await renderInbox();
    await key('m');
    const input = screen.getByTestId('triage-comment-input');
    fireEvent.change(input, { target: { value: 'PAY-4' } });
    await act(async () => {
      fireEvent.submit(input.closest('form')!);
    });
    await waitFor(() => expect(screen.getByTestId('triage-status').textContent).toBe('PAY-21 merged into PAY-4.'));
    expect(screen.queryByTestId('triage-undo')).toBeNull();
    await key('z');
    expect(posts()).toEqual(['/api/tickets/21/merge']);
  });

  it('shows why an undo is refused (409 undo-not-possible)', async () => {
    mockUndoApi(() =>
      json(409, {
        type: 'urn:kanban:problem:undo-not-possible',
        status: 409,
        title: 'The decision can no longer be undone',
        detail: 'PAY-21 was moved since it was accepted.',
      }),
    );
    await renderInbox();
    await key('a');
    await screen.findByTestId('triage-undo');
    await key('z');
    const error = await screen.findByTestId('triage-undo-error');
    expect(error.getAttribute('data-problem')).toBe('undo-not-possible');
    expect(error.textContent).toContain('PAY-21 was moved since it was accepted.');
    expect(screen.queryByTestId('triage-undo')).toBeNull();
  });

  it('after a refused undo from its button, the focus is back on the inbox, not lost with the button', async () => {
    mockUndoApi(() =>
      json(409, {
        type: 'urn:kanban:problem:undo-not-possible',
        status: 409,
        title: 'The decision can no longer be undone',
        detail: 'PAY-21 was moved since it was accepted.',
      }),
    );
    await renderInbox();
    await key('a');
    const undo = await screen.findByTestId('triage-undo');
    undo.focus();
    await act(async () => {
      fireEvent.click(undo);
    });
    await screen.findByTestId('triage-undo-error');
    expect(screen.queryByTestId('triage-undo')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('triage-list'));
  });

  it('takes the undo away once the server no longer allows it (30 s), even with the focus on it, and keeps the focus in the inbox', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    mockUndoApi();
    await renderInbox();
    await key('a');
    const undo = await screen.findByTestId('triage-undo');
    undo.focus();
    await act(async () => {
      vi.advanceTimersByTime(28_000);
    });
    expect(screen.getByTestId('triage-undo')).toBe(undo);
    await act(async () => {
      vi.advanceTimersByTime(1_500);
    });
    expect(screen.queryByTestId('triage-undo')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('triage-list'));
  });

  it('takes the undo away after about 10 seconds, but not while it has the focus', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    mockUndoApi();
    await renderInbox();
    await key('a');
    const undo = await screen.findByTestId('triage-undo');
    await act(async () => {
      vi.advanceTimersByTime(9_000);
    });
    expect(screen.getByTestId('triage-undo')).toBe(undo);
    undo.focus();
    await act(async () => {
      vi.advanceTimersByTime(2_000);
    });
    // Focused: it waits for the keyboard user to leave it.
    expect(screen.getByTestId('triage-undo')).toBe(undo);
    await act(async () => {
      undo.blur();
    });
    expect(screen.queryByTestId('triage-undo')).toBeNull();
    expect(screen.getByTestId('triage-status').textContent).toBe('');

    await key('a');
    await screen.findByTestId('triage-undo');
    await act(async () => {
      vi.advanceTimersByTime(10_000);
    });
    expect(screen.queryByTestId('triage-undo')).toBeNull();
  });
});

/** PAY-21 flagged as a likely duplicate of PAY-3, with three other candidates in every state. */
function flaggedInbox(): Ticket[] {
  const list = inbox();
  list[0] = {
    ...list[0]!,
    description: 'Refunds above 500 EUR must be approved by a second person.',
    likelyDuplicateOf: 't3',
    duplicates: [
      candidate('3', { title: 'Second approval for big refunds', score: 0.912, match: 'likely', excerpt: 'A refund over 500 EUR waits for a second approver.' }),
      candidate('5', { title: 'Refund approvals', score: 0.7, match: 'similar', done: true, excerpt: '' }),
      candidate('6', { title: 'Refund limits per day', score: 0.41, match: 'related', state: 'Rejected', excerpt: `${'x'.repeat(279)}…` }),
      candidate('22', { ticketId: '22', title: 'Approvals in triage', score: 0.3, match: 'related', state: 'Triage' }),
    ],
  };
  return list;
}

describe('TriageView: duplicate candidates beside the ticket', () => {
  it('shows each candidate beside the ticket’s own text: key as a link, title, match in words, percentage, state and excerpt', async () => {
    mockApi(undefined, flaggedInbox());
    await renderInbox();
    const compare = screen.getByTestId('triage-compare');
    const own = screen.getByTestId('triage-ticket-text');
    const candidates = screen.getByTestId('triage-candidates');
    // Side by side: the ticket's text and its candidates are the two columns of one grid.
    expect(own.parentElement).toBe(compare);
    expect(candidates.parentElement).toBe(compare);
    expect(own.textContent).toContain('Refunds above 500 EUR must be approved by a second person.');
    expect(own.textContent).toContain('A refund over 500 EUR waits for a second approval');
    expect(within(candidates).getByRole('heading', { name: 'Duplicate candidates' })).toBeTruthy();

    const items = within(screen.getByTestId('triage-duplicates')).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-testid'))).toEqual([
      'triage-candidate-PAY-3',
      'triage-candidate-PAY-5',
      'triage-candidate-PAY-6',
      'triage-candidate-PAY-22',
    ]);
    const link = screen.getByTestId('triage-candidate-link-PAY-3');
    expect(link.getAttribute('href')).toBe('/tickets/t3');
    expect(link.textContent).toBe('PAY-3 Second approval for big refunds');
    expect(within(items[0]!).getByRole('heading', { level: 4 }).textContent).toBe('PAY-3 Second approval for big refunds');
    expect(screen.getByTestId('triage-candidate-match-PAY-3').textContent).toBe('Very likely the same ticket');
    expect(items[0]!.textContent).toContain('91% alike');
    expect(screen.getByTestId('triage-candidate-excerpt-PAY-3').textContent).toBe('A refund over 500 EUR waits for a second approver.');
    // The likely original the server flagged is said so.
    expect(items[0]!.textContent).toContain('flagged as the likely original');
    expect(items[1]!.textContent).not.toContain('flagged');

    expect(screen.getByTestId('triage-candidate-match-PAY-5').textContent).toBe('Similar');
    expect(screen.getByTestId('triage-candidate-match-PAY-6').textContent).toBe('Loosely related');
    expect(screen.getByTestId('triage-candidate-state-PAY-3').textContent).toBe('on the board');
    expect(screen.getByTestId('triage-candidate-state-PAY-5').textContent).toBe('done');
    expect(screen.getByTestId('triage-candidate-state-PAY-6').textContent).toBe('rejected');
    expect(screen.getByTestId('triage-candidate-state-PAY-22').textContent).toBe('in triage');
    expect(items[1]!.textContent).toContain('No description.');
    expect(screen.getByTestId('triage-candidate-excerpt-PAY-6').textContent).toBe(`${'x'.repeat(279)}…`);

    // Flagged: Mark distinct stays, beside a Merge into button on every candidate.
    expect(screen.getByTestId('triage-mark-distinct')).toBeTruthy();
    for (const k of ['PAY-3', 'PAY-5', 'PAY-22']) {
      const button = screen.getByTestId(`triage-merge-into-${k}`) as HTMLButtonElement;
      expect(button.tagName).toBe('BUTTON');
      expect(button.textContent).toBe(`Merge into ${k}`);
      // Reached with Tab: a plain button, enabled, in the tab order.
      expect(button.disabled).toBe(false);
      expect(button.tabIndex).toBe(0);
    }
    // A rejected ticket is closed: nothing can be merged into it, and the candidate says so.
    expect(screen.queryByTestId('triage-merge-into-PAY-6')).toBeNull();
    expect(screen.getByTestId('triage-cannot-merge-PAY-6').textContent).toBe('A rejected ticket cannot be merged into.');
  });

  it('merges into a candidate with one press of "Merge into KEY", no prompt, and the ticket leaves the inbox', async () => {
    const { posts } = mockApi(undefined, flaggedInbox());
    await renderInbox();
    await act(async () => {
      fireEvent.click(screen.getByTestId('triage-merge-into-PAY-3'));
    });
    expect(screen.queryByTestId('triage-prompt')).toBeNull();
    await waitFor(() => expect(posts()).toEqual([['/api/tickets/21/merge', { originalId: 't3' }]]));
    await waitFor(() => expect(screen.queryByTestId('triage-item-PAY-21')).toBeNull());
    expect(screen.getByTestId('triage-status').textContent).toBe('PAY-21 merged into PAY-3.');
    // No undo for a merge; the focus goes to the inbox, not lost with the button.
    expect(screen.queryByTestId('triage-undo')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('triage-list'));
    expect(selectedKey()).toBe('triage-item-PAY-22');
  });

  it('keeps the candidates beside a ticket marked distinct, whose answer carries none, even when the inbox cannot be read again', async () => {
    let marked = false;
    const flagged = flaggedInbox()[0]!;
    mockApi((url, init) => {
      if (url === '/api/tickets/21/mark-distinct' && init?.method === 'POST') {
        marked = true;
        return json(200, { ...flagged, likelyDuplicateOf: null, duplicates: [] });
      }
      if (url === '/api/boards/board-1/triage' && marked) return json(503, { type: 'urn:kanban:problem:unavailable', status: 503 });
      return undefined;
    }, flaggedInbox());
    await renderInbox();
    await act(async () => {
      fireEvent.click(screen.getByTestId('triage-mark-distinct'));
    });
    await waitFor(() => expect(screen.queryByTestId('triage-mark-distinct')).toBeNull());
    expect(screen.getByTestId('triage-candidate-PAY-3')).toBeTruthy();
    expect(screen.getByTestId('triage-candidate-PAY-22')).toBeTruthy();
  });

  it('merges into a candidate that is not the flagged one, even one still in triage', async () => {
    const { posts } = mockApi(undefined, flaggedInbox());
    await renderInbox();
    await act(async () => {
      fireEvent.click(screen.getByTestId('triage-merge-into-PAY-22'));
    });
    await waitFor(() => expect(posts()).toEqual([['/api/tickets/21/merge', { originalId: '22' }]]));
    await waitFor(() => expect(screen.getByTestId('triage-status').textContent).toBe('PAY-21 merged into PAY-22.'));
  });

  it('shows a refused merge with the ticket, which stays in the inbox', async () => {
    mockApi(
      (url) =>
        url.endsWith('/merge')
          ? json(409, {
              type: 'urn:kanban:problem:conflict',
              title: 'The ticket changed',
              status: 409,
              detail: 'PAY-3 was merged into another ticket meanwhile.',
            })
          : undefined,
      flaggedInbox(),
    );
    await renderInbox();
    await act(async () => {
      fireEvent.click(screen.getByTestId('triage-merge-into-PAY-3'));
    });
    const error = await screen.findByTestId('triage-error');
    expect(error.textContent).toContain('PAY-3 was merged into another ticket meanwhile.');
    expect(screen.getByTestId('triage-item-PAY-21')).toBeTruthy();
    expect(screen.getByTestId('triage-status').textContent).toBe('');
  });

  it('shows members the candidates without the merge buttons, and says when there are none', async () => {
    mockApi(undefined, flaggedInbox());
    await renderInbox('Member');
    expect(screen.getByTestId('triage-candidate-PAY-3')).toBeTruthy();
    expect(screen.queryByTestId('triage-merge-into-PAY-3')).toBeNull();
    expect(screen.queryByTestId('triage-mark-distinct')).toBeNull();
    await key('j');
    expect(screen.getByTestId('triage-no-duplicates').textContent).toBe('No similar tickets found.');
  });
});
