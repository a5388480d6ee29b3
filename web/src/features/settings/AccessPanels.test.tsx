import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../api/boards';
import type { BoardMember, ShareLink } from '../../api/types';
import { AuthProvider } from '../auth/AuthProvider';
import { draftToCreateUser } from '../people/PeoplePage';
import { MembersPanel } from './MembersPanel';
import { absoluteShareUrl, ShareLinksPanel } from './ShareLinksPanel';

const ana = { id: 'u-ana', email: 'ana@example.com', displayName: 'Ana Owner', roles: [] };
const members: BoardMember[] = [
  { userId: 'u-ana', email: 'ana@example.com', displayName: 'Ana Owner', role: 'ProductOwner' },
  { userId: 'u-ben', email: 'ben@example.com', displayName: 'Ben Member', role: 'Member' },
];

function json(status: number, body?: unknown) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: body === undefined ? {} : { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

function setup(seed: (client: QueryClient) => void) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  client.setQueryData(queryKeys.me, ana);
  seed(client);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <AuthProvider>
        <MemoryRouter>{children}</MemoryRouter>
      </AuthProvider>
    </QueryClientProvider>
  );
  return { client, wrapper };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('MembersPanel', () => {
  it('saves a role on change and shows why the only product owner cannot step down', async () => {
    let current = members;
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (init?.method === 'PUT' && url.endsWith('/u-ana')) {
        return json(409, {
          type: 'urn:kanban:problem:last-product-owner',
          title: 'A board needs a product owner',
          status: 409,
          detail: "This is the board's only product owner; make someone else product owner first.",
        });
      }
      if (init?.method === 'PUT') {
        current = current.map((m) => (m.userId === 'u-ben' ? { ...m, role: 'Viewer' } : m));
        return json(200, current[1]);
      }
      return json(200, current);
    });
    vi.stubGlobal('fetch', fetchMock);
    const { wrapper } = setup((c) => c.setQueryData(queryKeys.members('board-1'), members));
    render(<MembersPanel board={{ id: 'board-1' }} />, { wrapper });

    const list = screen.getByTestId('members-list');
    expect(within(list).getByTestId('member-ana@example.com').textContent).toContain('(you)');

    await act(async () => {
      fireEvent.change(screen.getByTestId('member-role-ben@example.com'), { target: { value: 'Viewer' } });
    });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/boards/board-1/members/u-ben');
    expect(JSON.parse(init!.body as string)).toEqual({ role: 'Viewer' });
    expect((await screen.findByTestId('members-status')).textContent).toBe('Ben Member is now viewer.');
    expect((screen.getByTestId('member-role-ben@example.com') as HTMLSelectElement).value).toBe('Viewer');

    await act(async () => {
      fireEvent.change(screen.getByTestId('member-role-ana@example.com'), { target: { value: 'Member' } });
    });
    const error = await screen.findByTestId('member-error-ana@example.com');
    expect(error.textContent).toContain('A board needs a product owner');
    expect(error.textContent).toContain('make someone else product owner first');
    expect((screen.getByTestId('member-role-ana@example.com') as HTMLSelectElement).value).toBe('ProductOwner');
  });

  it('shows the 400 for an email without an account beside the field', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(400, {
          type: 'urn:kanban:problem:validation-failed',
          status: 400,
          errors: { email: ['Nobody has the account zoe@example.com; ask an administrator to create it first.'] },
        }),
      ),
    );
    const { wrapper } = setup((c) => c.setQueryData(queryKeys.members('board-1'), members));
    render(<MembersPanel board={{ id: 'board-1' }} />, { wrapper });
    fireEvent.change(screen.getByTestId('add-member-email'), { target: { value: 'zoe@example.com' } });
    fireEvent.change(screen.getByTestId('add-member-role'), { target: { value: 'Viewer' } });
    await act(async () => {
      fireEvent.submit(screen.getByTestId('add-member-form'));
    });
    expect((await screen.findByTestId('add-member-email-error')).textContent).toMatch(/Nobody has the account/);
    expect(screen.getByTestId('add-member-email').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('ShareLinksPanel', () => {
  const links: ShareLink[] = [
    { id: 'l1', view: 'Status', createdAt: '2026-11-20T09:00:00Z', createdBy: 'u-ben', revokedAt: null },
    { id: 'l0', view: 'Wall', createdAt: '2026-11-19T09:00:00Z', createdBy: 'u-ana', revokedAt: '2026-11-19T10:00:00Z' },
  ];

  it('shows a new link’s full address once, and revokes', async () => {
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
      if (init?.method === 'POST') return json(201, { id: 'l2', view: 'Wall', url: '/wall/board-1?share=TOKEN' });
      if (init?.method === 'DELETE') return json(204);
      return json(200, links);
    });
    vi.stubGlobal('fetch', fetchMock);
    const { wrapper } = setup((c) => {
      c.setQueryData(queryKeys.shareLinks('board-1'), links);
      c.setQueryData(queryKeys.members('board-1'), members);
    });
    render(<ShareLinksPanel board={{ id: 'board-1' }} />, { wrapper });

    expect(screen.getByTestId('share-link-l1').getAttribute('data-state')).toBe('active');
    expect(screen.getByTestId('share-link-l1').textContent).toContain('by Ben Member');
    expect(screen.getByTestId('share-link-l0').getAttribute('data-state')).toBe('revoked');
    expect(screen.queryByTestId('share-link-revoke-l0')).toBeNull();

    await act(async () => {
      fireEvent.submit(screen.getByTestId('create-share-link-form'));
    });
    expect(JSON.parse(fetchMock.mock.calls[0]![1]!.body as string)).toEqual({ view: 'wall' });
    expect((await screen.findByTestId('share-link-url')).textContent).toBe(`${window.location.origin}/wall/board-1?share=TOKEN`);
    expect(screen.getByTestId('share-link-once').textContent).toMatch(/shown only once/);

    fireEvent.click(screen.getByTestId('share-link-done'));
    expect(screen.queryByTestId('share-link-url')).toBeNull();

    await act(async () => {
      fireEvent.click(screen.getByTestId('share-link-revoke-l1'));
    });
    const revoke = fetchMock.mock.calls.find(([, i]) => i?.method === 'DELETE')!;
    expect(revoke[0]).toBe('/api/share-links/l1');
    expect((await screen.findByTestId('share-links-status')).textContent).toMatch(/revoked/);
  });

  it('makes the server’s path absolute, and leaves anything but http(s) alone', () => {
    expect(absoluteShareUrl('/status/b1?share=abc', 'https://kanban.example')).toBe('https://kanban.example/status/b1?share=abc');
    expect(absoluteShareUrl('javascript:alert(1)', 'https://kanban.example')).toBe('javascript:alert(1)');
  });
});

describe('draftToCreateUser', () => {
  it('trims, and sends no password rather than an empty one', () => {
    expect(draftToCreateUser({ email: ' dan@example.com ', displayName: ' Dan ', password: '', isAdmin: false })).toEqual({
      email: 'dan@example.com',
      displayName: 'Dan',
      password: null,
      isAdmin: false,
    });
    expect(draftToCreateUser({ email: 'a@b.c', displayName: 'A', password: ' spaces kept ', isAdmin: true }).password).toBe(' spaces kept ');
  });
});
