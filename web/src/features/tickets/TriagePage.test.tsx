import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BoardRole, Ticket } from '../../api/types';
import { makeFlowBoard, ticket } from '../../test/fixtures';
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
});

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
      duplicates: [{ ticketId: 't3', key: 'PAY-3', title: 'Card 3', score: 0.91 }],
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
    expect(screen.getByTestId('triage-status').textContent).toBe('PAY-22 accepted into the backlog.');
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
});
