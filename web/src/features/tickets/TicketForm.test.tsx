import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GateResult } from '../../api/types';
import { candidate, makeFlowBoard, passingGates, ticket } from '../../test/fixtures';
import { NewTicketView } from './NewTicketPage';
import { submitState, toCheckRequest, toTicketRequest } from './ticketForm';

function wrapper({ children }: { children: ReactNode }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
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

const failingTwo: GateResult[] = [
  { gate: 'title', passed: false, message: 'The title is all capitals; write it as a sentence.' },
  { gate: 'description', passed: true, message: 'The description has 18 words.' },
  { gate: 'definition-of-done', passed: true, message: '1 criterion, checkable.' },
  { gate: 'estimate', passed: false, message: 'The estimate must be from 0.5 to 5 days.' },
  { gate: 'duplicate', passed: true, message: 'No likely duplicate.' },
];

/** Answers the check with `gates` and a submit with a new ticket PAY-13; records every call. */
function mockApi(gates: GateResult[]) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/tickets/check') return json(200, { gates, duplicates: [], duplicateThreshold: 0.8 });
    if (url === '/api/boards/board-1/tickets' && init?.method === 'POST') return json(201, ticket('13', { gates }));
    return json(404, { type: 'urn:kanban:problem:not-found', status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
  const calls = (url: string) => fetchMock.mock.calls.filter(([u]) => u === url);
  return { fetchMock, calls };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('NewTicketView', () => {
  it('marks a field invalid only once it has been worked on, not on an empty new form', async () => {
    mockApi(failingTwo);
    render(<NewTicketView board={makeFlowBoard({ role: 'Member' })} checkDelay={0} />, { wrapper });
    await screen.findByTestId('gate-title');
    expect(screen.getByTestId('ticket-title').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByTestId('ticket-estimate').getAttribute('aria-invalid')).toBeNull();

    fireEvent.change(screen.getByTestId('ticket-title'), { target: { value: 'FIX IT' } });

    await waitFor(() => expect(screen.getByTestId('ticket-title').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByTestId('ticket-estimate').getAttribute('aria-invalid')).toBeNull();
  });

  it('says when the gates could not be checked and checks again on Try again', async () => {
    let failNext = true;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url !== '/api/tickets/check') return json(404, { status: 404 });
        if (failNext) {
          failNext = false;
          return json(503, { type: 'urn:kanban:problem:internal-error', title: 'Unavailable', status: 503 });
        }
        return json(200, { gates: failingTwo, duplicates: [] });
      }),
    );
    render(<NewTicketView board={makeFlowBoard({ role: 'Member' })} checkDelay={0} />, { wrapper });

    await screen.findByTestId('ticket-check-error');
    fireEvent.click(screen.getByTestId('ticket-check-error-retry'));

    await waitFor(() => expect(screen.queryByTestId('ticket-check-error')).toBeNull());
    expect(screen.getByTestId('gate-title').getAttribute('data-passed')).toBe('false');
  });

  it('shows each gate beside its field and says on the button what is still missing', async () => {
    mockApi(failingTwo);
    render(<NewTicketView board={makeFlowBoard({ role: 'Member' })} checkDelay={0} />, { wrapper });

    const titleGate = await screen.findByTestId('gate-title');
    expect(titleGate.getAttribute('data-passed')).toBe('false');
    expect(titleGate.textContent).toContain('The title is all capitals');
    // Beside its field: in the same field group, and describing the input.
    const title = screen.getByTestId('ticket-title');
    expect(title.closest('.form__field')!.contains(titleGate)).toBe(true);
    expect(title.getAttribute('aria-describedby')).toContain(titleGate.id);

    const estimateGate = screen.getByTestId('gate-estimate');
    expect(screen.getByTestId('ticket-estimate').closest('.form__field')!.contains(estimateGate)).toBe(true);
    expect(screen.getByTestId('gate-description').getAttribute('data-passed')).toBe('true');
    expect(screen.getByTestId('gate-definition-of-done').closest('fieldset')!.contains(screen.getByTestId('ticket-dod-0'))).toBe(true);
    expect(screen.getByTestId('gate-duplicate').getAttribute('data-passed')).toBe('true');
    expect(screen.getByTestId('ticket-gates').getAttribute('aria-live')).toBe('polite');
    expect(screen.getByTestId('ticket-gates').textContent).toContain('3 of 5 quality gates pass');

    const submit = screen.getByTestId('ticket-submit') as HTMLButtonElement;
    expect(submit.textContent).toBe('Fix 2 gates to submit');
    expect(submit.disabled).toBe(true);
    expect(screen.getByTestId('ticket-missing').textContent).toBe('Still to fix: Title, Estimate.');
  });

  it('checks once for a burst of typing, 300 ms after the last key', async () => {
    vi.useFakeTimers();
    const { calls } = mockApi(failingTwo);
    render(<NewTicketView board={makeFlowBoard({ role: 'Member' })} />, { wrapper });

    const title = screen.getByTestId('ticket-title');
    for (const value of ['R', 'Re', 'Ref', 'Refu', 'Refunds need a second approval']) {
      fireEvent.change(title, { target: { value } });
      await act(async () => {
        await vi.advanceTimersByTimeAsync(100);
      });
    }
    expect(calls('/api/tickets/check')).toHaveLength(0);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(200);
    });
    expect(calls('/api/tickets/check')).toHaveLength(1);
    const body = JSON.parse(calls('/api/tickets/check')[0]![1]!.body as string);
    expect(body).toEqual({ boardId: 'board-1', title: 'Refunds need a second approval', description: '', definitionOfDone: [''], estimateDays: 0 });

    await act(async () => {
      await vi.advanceTimersByTimeAsync(1000);
    });
    expect(calls('/api/tickets/check')).toHaveLength(1);
    expect(screen.getByTestId('gate-title')).toBeTruthy();
  });

  it('adds and removes criteria, submits when every gate passes, and says it waits for triage', async () => {
    const { calls } = mockApi(passingGates);
    render(<NewTicketView board={makeFlowBoard({ role: 'Member' })} checkDelay={0} />, { wrapper });

    fireEvent.change(screen.getByTestId('ticket-title'), { target: { value: 'Refunds over 500 EUR need a second approval' } });
    fireEvent.change(screen.getByTestId('ticket-description'), { target: { value: 'When a refund is over 500 EUR…' } });
    fireEvent.change(screen.getByTestId('ticket-dod-0'), { target: { value: 'A refund over 500 EUR waits for approval' } });
    fireEvent.click(screen.getByTestId('ticket-dod-add'));
    fireEvent.change(screen.getByTestId('ticket-dod-1'), { target: { value: 'oops' } });
    fireEvent.click(screen.getByTestId('ticket-dod-add'));
    fireEvent.change(screen.getByTestId('ticket-dod-2'), { target: { value: 'The approver is recorded on the refund' } });
    fireEvent.click(screen.getByTestId('ticket-dod-remove-1'));
    expect((screen.getByTestId('ticket-dod-1') as HTMLInputElement).value).toBe('The approver is recorded on the refund');
    expect(screen.queryByTestId('ticket-dod-2')).toBeNull();
    fireEvent.change(screen.getByTestId('ticket-estimate'), { target: { value: '2' } });
    fireEvent.change(screen.getByTestId('ticket-class'), { target: { value: 'Risk' } });

    const submit = screen.getByTestId('ticket-submit') as HTMLButtonElement;
    await waitFor(() => expect(submit.textContent).toBe('Submit for triage'));
    expect(submit.disabled).toBe(false);
    await act(async () => {
      fireEvent.click(submit);
    });

    const posted = calls('/api/boards/board-1/tickets');
    expect(posted).toHaveLength(1);
    expect(JSON.parse(posted[0]![1]!.body as string)).toEqual({
      title: 'Refunds over 500 EUR need a second approval',
      description: 'When a refund is over 500 EUR…',
      definitionOfDone: ['A refund over 500 EUR waits for approval', 'The approver is recorded on the refund'],
      estimateDays: 2,
      class: 'Risk',
    });
    const done = await screen.findByTestId('ticket-submitted');
    expect(done.textContent).toContain('PAY-13');
    expect(done.textContent).toContain('waiting for triage');
    expect(screen.queryByTestId('ticket-form')).toBeNull();
  });

  it('lists the tickets the check found under "Is it one of these?", with links, the match in words and the percentage', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(200, {
          gates: passingGates.map((g) => (g.gate === 'duplicate' ? { ...g, passed: false, message: 'PAY-3 is 91% alike.' } : g)),
          duplicates: [
            candidate('3', { title: 'Second approval on big refunds', score: 0.914, match: 'likely' }),
            candidate('7', { title: 'Refund approvals by a second person', score: 0.66, match: 'similar' }),
            candidate('9', { title: 'Refund report in EUR', score: 0.31, match: 'related', state: 'Rejected' }),
          ],
          duplicateThreshold: 0.8,
        }),
      ),
    );
    render(<NewTicketView board={makeFlowBoard({ role: 'Member' })} checkDelay={0} />, { wrapper });

    const section = await screen.findByRole('region', { name: 'Is it one of these?' });
    expect(section.getAttribute('data-testid')).toBe('ticket-suggestions');
    // Under the form (after its button), not among the gates; a polite live region says it in one line.
    const region = screen.getByTestId('ticket-suggestions-region');
    expect(region.contains(section)).toBe(true);
    expect(section.closest('[aria-live]')).toBeNull();
    const status = screen.getByTestId('ticket-suggestions-status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('3 tickets read like this one; the closest is PAY-3 Second approval on big refunds: very likely the same ticket.');
    expect(screen.getByTestId('ticket-gates').contains(section)).toBe(false);
    expect(screen.getByTestId('ticket-submit').compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const items = within(section).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-testid'))).toEqual(['duplicate-PAY-3', 'duplicate-PAY-7', 'duplicate-PAY-9']);
    const link = within(items[0]!).getByRole('link');
    expect(link.getAttribute('href')).toBe('/tickets/t3');
    expect(link.textContent).toContain('PAY-3 Second approval on big refunds');
    // Opened beside the draft, so what was typed is not lost.
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.textContent).toContain('(opens in a new tab)');
    expect(screen.getByTestId('duplicate-match-PAY-3').textContent).toBe('Very likely the same ticket');
    expect(screen.getByTestId('duplicate-match-PAY-7').textContent).toBe('Similar');
    expect(screen.getByTestId('duplicate-match-PAY-9').textContent).toBe('Loosely related');
    const score = items[0]!.querySelector('.duplicates__score')!;
    expect(score.textContent).toBe('91% alike');
    expect(items[1]!.textContent).toContain('66% alike');
    expect(screen.getByTestId('ticket-submit').textContent).toBe('Fix 1 gate to submit');
  });

  it('shows nothing under the form while the check finds no similar ticket', async () => {
    mockApi(passingGates);
    render(<NewTicketView board={makeFlowBoard({ role: 'Member' })} checkDelay={0} />, { wrapper });
    await screen.findByTestId('gate-title');
    expect(screen.queryByText('Is it one of these?')).toBeNull();
    expect(screen.queryByTestId('ticket-suggestions')).toBeNull();
    expect(screen.getByTestId('ticket-suggestions-status').textContent).toBe('');
  });

  it('checks again as the description is typed, and the suggestions follow (and go when nothing matches)', async () => {
    const bodies: { title: string; description: string }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (url !== '/api/tickets/check') return json(404, { status: 404 });
        const body = JSON.parse(init!.body as string);
        bodies.push(body);
        const duplicates = body.description.includes('second approval')
          ? [candidate('3', { title: 'Second approval on big refunds', score: 0.93 })]
          : body.description.includes('refund')
            ? [candidate('8', { title: 'Refunds are slow', score: 0.5, match: 'related' })]
            : [];
        return json(200, { gates: passingGates, duplicates, duplicateThreshold: 0.8 });
      }),
    );
    render(<NewTicketView board={makeFlowBoard({ role: 'Member' })} checkDelay={0} />, { wrapper });
    fireEvent.change(screen.getByTestId('ticket-title'), { target: { value: 'Big refunds' } });
    await waitFor(() => expect(bodies.at(-1)?.title).toBe('Big refunds'));
    expect(screen.queryByTestId('ticket-suggestions')).toBeNull();

    fireEvent.change(screen.getByTestId('ticket-description'), { target: { value: 'A refund over 500 EUR' } });
    await screen.findByTestId('duplicate-PAY-8');
    expect(bodies.at(-1)).toMatchObject({ title: 'Big refunds', description: 'A refund over 500 EUR' });
    expect(screen.getByTestId('duplicate-match-PAY-8').textContent).toBe('Loosely related');

    fireEvent.change(screen.getByTestId('ticket-description'), { target: { value: 'A refund over 500 EUR needs a second approval' } });
    await screen.findByTestId('duplicate-PAY-3');
    expect(screen.queryByTestId('duplicate-PAY-8')).toBeNull();
    expect(screen.getByTestId('duplicate-match-PAY-3').textContent).toBe('Very likely the same ticket');

    fireEvent.change(screen.getByTestId('ticket-description'), { target: { value: 'Something else entirely' } });
    await waitFor(() => expect(screen.queryByTestId('ticket-suggestions')).toBeNull());
  });

  it('tells a viewer they cannot submit', () => {
    mockApi(passingGates);
    render(<NewTicketView board={makeFlowBoard({ role: 'Viewer' })} />, { wrapper });
    expect(screen.getByTestId('ticket-submit-not-allowed')).toBeTruthy();
    expect(screen.queryByTestId('ticket-form')).toBeNull();
  });
});

describe('ticket form conversions', () => {
  const draft = { title: 'T', description: 'D', definitionOfDone: [' one two three four ', '  '], estimate: '1,5', class: 'Standard' as const };

  it('leaves blank criteria out and reads the estimate', () => {
    expect(toTicketRequest(draft)).toEqual({ title: 'T', description: 'D', definitionOfDone: ['one two three four'], estimateDays: 1.5, class: 'Standard' });
    expect(toCheckRequest('b', { ...draft, estimate: '' }).estimateDays).toBe(0);
  });

  it('names the ticket being edited in its check, so the server leaves it out of its own candidates', () => {
    expect(toCheckRequest('b', draft, 't-31').ticketId).toBe('t-31');
    expect(toCheckRequest('b', draft)).not.toHaveProperty('ticketId');
  });

  it('words the button from the gates', () => {
    const base = { stale: false, pending: false, checkFailed: false, readyLabel: 'Submit for triage', pendingLabel: 'Submitting…' };
    expect(submitState({ ...base, gates: undefined })).toMatchObject({ label: 'Checking the gates…', disabled: true });
    expect(submitState({ ...base, gates: passingGates })).toEqual({ label: 'Submit for triage', disabled: false, missing: [] });
    expect(submitState({ ...base, gates: passingGates, stale: true }).disabled).toBe(true);
    expect(submitState({ ...base, gates: failingTwo, stale: true })).toEqual({
      label: 'Fix 2 gates to submit',
      disabled: true,
      missing: ['Title', 'Estimate'],
    });
    expect(submitState({ ...base, gates: passingGates, pending: true }).label).toBe('Submitting…');
  });
});
