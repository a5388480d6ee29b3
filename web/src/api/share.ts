// A share link's token (`?share=TOKEN`), for the read-only screens a link opens (wall, status): every
// read and the hub connection carry it, so a kiosk or a stakeholder needs no sign-in. Writes never do.

const PARAMETER = 'share';
const SHARED_PAGES = /^\/(wall|status)\//;

let token: string | null = readFromLocation();

function readFromLocation(): string | null {
  if (typeof window === 'undefined' || !SHARED_PAGES.test(window.location.pathname)) return null;
  const value = new URLSearchParams(window.location.search).get(PARAMETER);
  return value && value.length > 0 ? value : null;
}

/** The share token this page was opened with, or null when it was not opened from a share link. */
export function shareToken(): string | null {
  return token;
}

/** Sets (or, with null, forgets) the token the reads carry: a page opened from a link calls it with the URL's. */
export function setShareToken(value: string | null): void {
  token = value && value.length > 0 ? value : null;
}

/** Whether `pathname` is one of the pages a share link opens (the wall, the status page). */
export function isSharedPage(pathname: string): boolean {
  return SHARED_PAGES.test(pathname);
}

/**
 * Forgets the token once the app is on any other page: the rest of the app is the signed-in
 * person's, and a read carrying the link would be answered as the link, not as them.
 */
export function keepShareTokenOnlyOn(pathname: string): void {
  if (!isSharedPage(pathname)) token = null;
}

/** Sign-in and session requests: always the person's own, never the link's. */
const OWN_SESSION = /^\/api\/auth\//;

/** `url` with the share token added to its query when there is one; otherwise `url` unchanged. */
export function withShareToken(url: string): string {
  if (!token || OWN_SESSION.test(url)) return url;
  const separator = url.includes('?') ? '&' : '?';
  return `${url}${separator}${PARAMETER}=${encodeURIComponent(token)}`;
}
