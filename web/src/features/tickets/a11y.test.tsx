import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { candidate, makeFlowBoard, passingGates, ticket } from '../../test/fixtures';
import { queryKeys } from '../../api/boards';
import type { CurrentUser, TicketDetail } from '../../api/types';
import { AuthProvider } from '../auth/AuthProvider';
import { NewTicketView } from './NewTicketPage';
import { TicketView } from './TicketPage';
import { TriageView } from './TriagePage';

function json(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
}

function wrapper({ children }: { children: ReactNode }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return (
    <QueryClientProvider client={client}>
      <MemoryRouter>{children}</MemoryRouter>
    </QueryClientProvider>
  );
}

async function violations(container: Element) {
  // Layout-dependent rules (contrast) need a real browser: the end-to-end tests run them.
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('accessibility (axe, without layout rules)', () => {
  it('the submit form with its gates', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json({ gates: passingGates.map((g, i) => ({ ...g, passed: i % 2 === 0 })), duplicates: [] })));
    const { container } = render(<NewTicketView board={makeFlowBoard({ role: 'Member' })} checkDelay={0} />, { wrapper });
    await screen.findByTestId('gate-title');
    expect(await violations(container)).toEqual([]);
  });

  it('the submit form with "Is it one of these?"', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json({
          gates: passingGates,
          duplicates: [candidate('3'), candidate('7', { match: 'similar', score: 0.7 }), candidate('9', { match: 'related', score: 0.3 })],
          duplicateThreshold: 0.8,
        }),
      ),
    );
    const { container } = render(<NewTicketView board={makeFlowBoard({ role: 'Member' })} checkDelay={0} />, { wrapper });
    await screen.findByTestId('ticket-suggestions');
    expect(await violations(container)).toEqual([]);
  });

  it('the triage inbox with duplicate candidates and their merge buttons', async () => {
    const flagged = ticket('21', {
      likelyDuplicateOf: 't3',
      duplicates: [candidate('3'), candidate('5', { match: 'similar', done: true, excerpt: '' }), candidate('6', { match: 'related', state: 'Rejected' })],
    });
    vi.stubGlobal('fetch', vi.fn(async () => json([flagged, ticket('22')])));
    const { container } = render(<TriageView board={makeFlowBoard()} live={false} />, { wrapper });
    await screen.findByTestId('triage-merge-into-PAY-3');
    expect(await violations(container)).toEqual([]);
  });

  it('the triage inbox with a prompt open', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json([ticket('21'), ticket('22'), ticket('23', { state: 'SentBack' })])));
    const { container } = render(<TriageView board={makeFlowBoard()} live={false} />, { wrapper });
    await screen.findByTestId('triage-list');
    screen.getByTestId('triage-send-back').click();
    await screen.findByTestId('triage-comment-input');
    expect(await violations(container)).toEqual([]);
  });

  it('the triage inbox after an accept, with its undo', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => (url.endsWith('/accept') ? json({ ...ticket('21'), state: 'OnBoard' }) : json([ticket('21'), ticket('22')]))),
    );
    const { container } = render(<TriageView board={makeFlowBoard()} live={false} />, { wrapper });
    await screen.findByTestId('triage-list');
    await act(async () => {
      screen.getByTestId('triage-accept').click();
    });
    await screen.findByTestId('triage-undo');
    expect(await violations(container)).toEqual([]);
  });

  it('a ticket on the board, blocked, with comments, the assign picker open', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json([
          { id: 'ana', displayName: 'Ana Lima', role: 'Member' },
          { id: 'ben', displayName: 'Ben Ode', role: 'Member' },
        ]),
      ),
    );
    const detail: TicketDetail = {
      ...ticket('31', { state: 'OnBoard', laneId: 'doing' }),
      comments: [{ id: 'c1', kind: 'Comment', text: 'On it.', at: '2026-11-26T10:00:00Z', by: 'ben', byName: 'Ben Ode' }],
      history: [{ version: 40, at: '2026-11-26T09:00:00Z', by: 'ana', byName: 'Ana Lima', kind: 'TicketSubmitted', summary: 'Submitted PAY-31' }],
      assigneeId: 'ben',
      assigneeName: 'Ben Ode',
      blocked: true,
      blockedReason: 'Sandbox down',
      blockedSince: '2026-11-26T09:00:00Z',
      role: 'Member',
    };
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const me: CurrentUser = { id: 'ana', email: 'ana@example.com', displayName: 'Ana Lima', roles: [] };
    client.setQueryData(queryKeys.me, me);
    const { container } = render(
      <QueryClientProvider client={client}>
        <AuthProvider>
          <MemoryRouter>
            <TicketView ticket={detail} board={makeFlowBoard({ role: 'Member' })} checkDelay={0} />
          </MemoryRouter>
        </AuthProvider>
      </QueryClientProvider>,
    );
    fireEvent.click(screen.getByTestId('ticket-assign'));
    await screen.findByTestId('assignee-option-ben');
    expect(await violations(container)).toEqual([]);
  });
});
