import { isProblemName, type ProblemName } from './contract/problems';
import { withShareToken } from './share';
import type { ProblemDetails } from './types';

/**
 * An error answer from the API, carrying its RFC 9457 ProblemDetails.
 * `message` is the problem's `detail` (what the user should see), falling back to its title.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;

  constructor(status: number, problem: ProblemDetails) {
    super(problem.detail ?? problem.title ?? defaultMessage(status));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /**
   * The problem's short name: `urn:kanban:problem:wip-limit-reached` → `wip-limit-reached`; undefined
   * when there is no type or it is not one of the server's catalogue (`contract/problems.ts`).
   */
  get problemName(): ProblemName | undefined {
    const type = this.problem.type;
    if (!type) return undefined;
    const cut = Math.max(type.lastIndexOf(':'), type.lastIndexOf('/'));
    const name = cut >= 0 ? type.slice(cut + 1) : type;
    return isProblemName(name) ? name : undefined;
  }

  /** Per-field validation messages (400 validation-failed); keys as the server sent them. */
  get fieldErrors(): Record<string, string[]> {
    return this.problem.errors ?? {};
  }

  /** Messages for one field, matched case-insensitively (`Key` and `key` are the same field). */
  errorsFor(field: string): string[] {
    const wanted = field.toLowerCase();
    return Object.entries(this.fieldErrors)
      .filter(([name]) => name.toLowerCase() === wanted || name.toLowerCase() === `$.${wanted}`)
      .flatMap(([, messages]) => messages);
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

function defaultMessage(status: number): string {
  switch (status) {
    case 0:
      return 'The server could not be reached. Check your connection and try again.';
    case 401:
      return 'You are not signed in.';
    case 403:
      return 'You do not have permission to do that.';
    case 404:
      return 'That was not found.';
    case 409:
      return 'That change conflicts with the current state. Reload and try again.';
    default:
      return status >= 500
        ? `The server had a problem (${status}). Try again in a moment.`
        : `The request was refused (${status}).`;
  }
}

/** Turns a non-OK response into an ApiError, parsing a problem+json (or plain JSON) body when there is one. */
export async function toApiError(response: Response): Promise<ApiError> {
  let problem: ProblemDetails = {};
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.includes('json')) {
    try {
      const body: unknown = await response.json();
      if (body && typeof body === 'object' && !Array.isArray(body)) problem = body as ProblemDetails;
    } catch {
      // Body was not valid JSON: keep the empty problem, the status says enough.
    }
  }
  if (problem.status === undefined) problem = { ...problem, status: response.status };
  if (!problem.title && response.statusText) problem = { ...problem, title: response.statusText };
  return new ApiError(response.status, problem);
}

const ANTIFORGERY_COOKIE = 'XSRF-TOKEN';
const ANTIFORGERY_HEADER = 'X-XSRF-TOKEN';

function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined' || !document.cookie) return undefined;
  for (const part of document.cookie.split(';')) {
    const [k, ...rest] = part.trim().split('=');
    if (k === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/**
 * Headers for a cookie-authenticated write made outside `request` (the SignalR hub's negotiate POST):
 * a getter, so the token is read from the cookie each time the headers are copied, never cached.
 */
export function antiforgeryHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  Object.defineProperty(headers, ANTIFORGERY_HEADER, {
    enumerable: true,
    get: () => readCookie(ANTIFORGERY_COOKIE) ?? '',
  });
  return headers;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  body?: unknown;
  signal?: AbortSignal;
  /**
   * A 401 here is an answer, not a lost session (signing in with a wrong password; asking who is
   * signed in): the unauthorized listeners are not told.
   */
  anonymous?: boolean;
}

type UnauthorizedListener = (error: ApiError) => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/**
 * Calls `listener` whenever the API answers 401 (the session ended or never began), so the app can
 * send the person to the sign-in page. Returns the unsubscribe function.
 */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => {
    unauthorizedListeners.delete(listener);
  };
}

/** Calls the API with JSON in and out; resolves with the parsed body (undefined for 204), throws ApiError otherwise. */
export async function request<T>(url: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    // Read on every write, never cached: signing in (and GET /api/me) issues a new token.
    const token = readCookie(ANTIFORGERY_COOKIE);
    if (token) headers[ANTIFORGERY_HEADER] = token;
  }

  let response: Response;
  try {
    // A share link reads only: its token goes on reads, never on a write.
    response = await fetch(method === 'GET' ? withShareToken(url) : url, {
      method,
      headers,
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, { status: 0, title: 'Network error', detail: defaultMessage(0) });
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401 && !options.anonymous) {
      for (const listener of [...unauthorizedListeners]) listener(error);
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const http = {
  get: <T>(url: string, signal?: AbortSignal) => request<T>(url, { signal }),
  post: <T>(url: string, body?: unknown) => request<T>(url, { method: 'POST', body }),
  /** A POST that reads (the gates check): cancelled when a newer one supersedes it. */
  postWithSignal: <T>(url: string, body: unknown, signal?: AbortSignal) => request<T>(url, { method: 'POST', body, signal }),
  put: <T>(url: string, body?: unknown) => request<T>(url, { method: 'PUT', body }),
  delete: <T = void>(url: string) => request<T>(url, { method: 'DELETE' }),
};
