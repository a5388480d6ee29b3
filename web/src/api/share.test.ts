import { afterEach, describe, expect, it, vi } from 'vitest';
import { request } from './http';
import { keepShareTokenOnlyOn, setShareToken, shareToken, withShareToken } from './share';

afterEach(() => {
  setShareToken(null);
  vi.unstubAllGlobals();
});

function okFetch() {
  return vi.fn(async () => new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } }));
}

describe('share token', () => {
  it('is absent unless set, and leaves urls alone then', () => {
    expect(shareToken()).toBeNull();
    expect(withShareToken('/api/boards/b1/status')).toBe('/api/boards/b1/status');
  });

  it('is added to a url with or without a query, encoded', () => {
    setShareToken('a+b/c=');
    expect(withShareToken('/hubs/board')).toBe('/hubs/board?share=a%2Bb%2Fc%3D');
    expect(withShareToken('/api/boards/b1/metrics/cfd?from=2026-01-01')).toBe('/api/boards/b1/metrics/cfd?from=2026-01-01&share=a%2Bb%2Fc%3D');
  });

  it('goes on reads but never on writes', async () => {
    const fetchMock = okFetch();
    vi.stubGlobal('fetch', fetchMock);
    setShareToken('tok');
    await request('/api/boards/b1/status');
    await request('/api/boards/b1/status/notes', { method: 'POST', body: { text: 'x' } });
    const urls = fetchMock.mock.calls.map((call) => (call as unknown as [string])[0]);
    expect(urls).toEqual(['/api/boards/b1/status?share=tok', '/api/boards/b1/status/notes']);
  });

  it('an empty token is no token', () => {
    setShareToken('');
    expect(shareToken()).toBeNull();
  });

  it('is forgotten once the app leaves the share pages, and kept on them', () => {
    setShareToken('tok');
    keepShareTokenOnlyOn('/wall/b1');
    keepShareTokenOnlyOn('/status/b1');
    expect(shareToken()).toBe('tok');
    keepShareTokenOnlyOn('/signin');
    expect(shareToken()).toBeNull();
    expect(withShareToken('/api/boards')).toBe('/api/boards');
  });

  it('never goes on the sign-in and session requests', () => {
    setShareToken('tok');
    expect(withShareToken('/api/auth/session')).toBe('/api/auth/session');
  });
});
