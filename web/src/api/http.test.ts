import { afterEach, describe, expect, it, vi } from 'vitest';
import { antiforgeryHeaders, ApiError, isApiError, onUnauthorized, request } from './http';

function respond(status: number, body: unknown, contentType = 'application/problem+json') {
  return vi.fn(async () =>
    new Response(body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: body === undefined ? {} : { 'Content-Type': contentType },
    }),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
});

describe('request', () => {
  it('returns parsed JSON and sends same-origin credentials', async () => {
    const fetchMock = respond(200, [{ id: 'b1' }], 'application/json');
    vi.stubGlobal('fetch', fetchMock);
    await expect(request('/api/boards')).resolves.toEqual([{ id: 'b1' }]);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/boards');
    expect(init.credentials).toBe('same-origin');
    expect(init.method).toBe('GET');
  });

  it('sends a JSON body with its content type', async () => {
    const fetchMock = respond(200, { id: 'c1' }, 'application/json');
    vi.stubGlobal('fetch', fetchMock);
    await request('/api/cards/c1/move', { method: 'POST', body: { laneId: 'l2', index: 0 } });
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.body).toBe('{"laneId":"l2","index":0}');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('sends the antiforgery cookie back as a header on writes only', async () => {
    document.cookie = 'XSRF-TOKEN=abc%3D123; path=/';
    const fetchMock = respond(200, {}, 'application/json');
    vi.stubGlobal('fetch', fetchMock);
    await request('/api/boards', { method: 'POST', body: {} });
    await request('/api/boards');
    const post = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    const get = fetchMock.mock.calls[1] as unknown as [string, RequestInit];
    expect((post[1].headers as Record<string, string>)['X-XSRF-TOKEN']).toBe('abc=123');
    expect((get[1].headers as Record<string, string>)['X-XSRF-TOKEN']).toBeUndefined();
  });

  it('resolves undefined for 204', async () => {
    vi.stubGlobal('fetch', respond(204, undefined));
    await expect(request('/api/x', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('throws ApiError carrying a 409 problem, its detail as the message and its extensions', async () => {
    vi.stubGlobal(
      'fetch',
      respond(409, {
        type: 'urn:kanban:problem:wip-limit-reached',
        title: 'WIP limit reached',
        status: 409,
        detail: 'In progress already holds 3 of 3 cards. Finish one first.',
        laneId: 'l2',
        count: 3,
        limit: 3,
      }),
    );
    const error = await request('/api/cards/c1/move', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(isApiError(error)).toBe(true);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(409);
    expect(apiError.message).toBe('In progress already holds 3 of 3 cards. Finish one first.');
    expect(apiError.problemName).toBe('wip-limit-reached');
    expect(apiError.problem.limit).toBe(3);
    expect(apiError.problem.laneId).toBe('l2');
  });

  it('exposes validation errors per field, whatever their case', async () => {
    vi.stubGlobal(
      'fetch',
      respond(400, {
        type: 'urn:kanban:problem:validation-failed',
        title: 'One or more fields are invalid.',
        status: 400,
        errors: { Key: ['Key must be 2–10 capital letters or digits.'], name: ['Name is required.'] },
      }),
    );
    const error = (await request('/api/boards', { method: 'POST', body: {} }).catch((e: unknown) => e)) as ApiError;
    expect(error.errorsFor('key')).toEqual(['Key must be 2–10 capital letters or digits.']);
    expect(error.errorsFor('name')).toEqual(['Name is required.']);
    expect(error.errorsFor('other')).toEqual([]);
    expect(error.message).toBe('One or more fields are invalid.');
  });

  it('falls back to a status message when the body is not a problem', async () => {
    vi.stubGlobal('fetch', respond(502, '<html>Bad gateway</html>', 'text/html'));
    const error = (await request('/api/boards').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(502);
    expect(error.message.length).toBeGreaterThan(0);
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const error = (await request('/api/boards').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(0);
    expect(error.message).toMatch(/could not be reached/);
  });
});

describe('sign-in plumbing', () => {
  const unauthorized = { type: 'urn:kanban:problem:unauthorized', title: 'Not signed in', status: 401, detail: 'Sign in first.' };

  it('tells the unauthorized listeners about a 401, unless the call expects one', async () => {
    const seen: number[] = [];
    const stop = onUnauthorized((e) => seen.push(e.status));
    try {
      vi.stubGlobal('fetch', respond(401, unauthorized));
      await request('/api/boards').catch(() => undefined);
      expect(seen).toEqual([401]);

      await request('/api/auth/login', { method: 'POST', body: {}, anonymous: true }).catch(() => undefined);
      expect(seen).toEqual([401]);

      vi.stubGlobal('fetch', respond(403, { status: 403, title: 'Not allowed' }));
      await request('/api/boards/b1/settings', { method: 'PUT', body: {} }).catch(() => undefined);
      expect(seen).toEqual([401]);
    } finally {
      stop();
    }
    vi.stubGlobal('fetch', respond(401, unauthorized));
    await request('/api/boards').catch(() => undefined);
    expect(seen).toEqual([401]);
  });

  it('reads the antiforgery cookie on every write, since signing in replaces it', async () => {
    const fetchMock = respond(200, {}, 'application/json');
    vi.stubGlobal('fetch', fetchMock);
    document.cookie = 'XSRF-TOKEN=before; path=/';
    await request('/api/auth/logout', { method: 'POST' });
    document.cookie = 'XSRF-TOKEN=after; path=/';
    await request('/api/auth/logout', { method: 'POST' });
    const header = (i: number) => ((fetchMock.mock.calls[i] as unknown as [string, RequestInit])[1].headers as Record<string, string>)['X-XSRF-TOKEN'];
    expect(header(0)).toBe('before');
    expect(header(1)).toBe('after');
  });

  it('gives the hub headers that read the cookie when they are copied', () => {
    document.cookie = 'XSRF-TOKEN=one; path=/';
    const headers = antiforgeryHeaders();
    expect({ ...headers }).toEqual({ 'X-XSRF-TOKEN': 'one' });
    document.cookie = 'XSRF-TOKEN=two; path=/';
    expect({ ...headers }).toEqual({ 'X-XSRF-TOKEN': 'two' });
  });
});
