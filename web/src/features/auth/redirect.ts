// Where the sign-in page sends people, and back: pure, so the rules are tested on their own.

export const SIGN_IN_PATH = '/signin';
export const DEFAULT_NEXT = '/';

/** Pages that open without signing in: the sign-in page, and the wall and status that share links open. */
export function isPublicPath(pathname: string): boolean {
  return (
    pathname === SIGN_IN_PATH ||
    pathname.startsWith(`${SIGN_IN_PATH}/`) ||
    pathname.startsWith('/wall/') ||
    pathname.startsWith('/status/')
  );
}

export interface LocationLike {
  pathname: string;
  search?: string;
  hash?: string;
}

/**
 * The sign-in page's address, remembering where the person was (`?next=`); plain `/signin` when
 * they were on the start page, or already on a public page.
 */
export function signInPath(from?: LocationLike | null): string {
  if (!from) return SIGN_IN_PATH;
  const next = `${from.pathname}${from.search ?? ''}${from.hash ?? ''}`;
  if (isPublicPath(from.pathname) || next === DEFAULT_NEXT || next === '') return SIGN_IN_PATH;
  return `${SIGN_IN_PATH}?${new URLSearchParams({ next }).toString()}`;
}

const BASE = 'http://kanban.invalid';

/**
 * Where to go after signing in: `next` when it is a path on this site (so a crafted link cannot send
 * a person elsewhere: no other origin, no `//host`, no `javascript:`), never the sign-in page
 * itself; else the start page.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return DEFAULT_NEXT;
  // Control characters and backslashes are what browsers forgive in a URL; a real path has none.
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return DEFAULT_NEXT;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return DEFAULT_NEXT;
  }
  if (url.origin !== BASE) return DEFAULT_NEXT;
  if (url.pathname === SIGN_IN_PATH) return DEFAULT_NEXT;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The `next` of a sign-in page's query string (`?next=/boards/1`), made safe. */
export function nextFromSearch(search: string): string {
  return safeNext(new URLSearchParams(search).get('next'));
}
