import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeFlowBoard, passingGates, ticket } from '../../test/fixtures';
import { NewTicketView } from './NewTicketPage';
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

  it('the triage inbox with a prompt open', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json([ticket('21'), ticket('22'), ticket('23', { state: 'SentBack' })])));
    const { container } = render(<TriageView board={makeFlowBoard()} live={false} />, { wrapper });
    await screen.findByTestId('triage-list');
    screen.getByTestId('triage-send-back').click();
    await screen.findByTestId('triage-comment-input');
    expect(await violations(container)).toEqual([]);
  });
});
