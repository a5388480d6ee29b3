import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CreateBoardForm } from './CreateBoardForm';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderForm() {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <CreateBoardForm />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('CreateBoardForm', () => {
  it('shows the 400 field errors next to their fields', async () => {
    const fetchMock = vi.fn(async () =>
      new Response(
        JSON.stringify({
          type: 'urn:kanban:problem:validation-failed',
          title: 'Validation failed',
          status: 400,
          errors: { Key: ['The key must start with a letter.'] },
        }),
        { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderForm();

    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Payments' } });
    fireEvent.change(screen.getByLabelText('Key'), { target: { value: '1pay' } });
    fireEvent.submit(screen.getByTestId('create-board-form'));

    expect((await screen.findByTestId('field-error-key')).textContent).toBe('The key must start with a letter.');
    expect(screen.getByLabelText('Key').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('field-error-name')).toBeNull();
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toEqual({ name: 'Payments', key: '1PAY' });
  });

  it('shows a refusal’s detail when it is not about a field', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        new Response(JSON.stringify({ status: 403, title: 'Forbidden', detail: 'Only signed-in people can create boards.' }), {
          status: 403,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
      ),
    );
    renderForm();
    fireEvent.submit(screen.getByTestId('create-board-form'));
    expect((await screen.findByRole('alert')).textContent).toBe('Only signed-in people can create boards.');
  });
});
