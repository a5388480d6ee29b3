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

/** `url` with the share token added to its query when there is one; otherwise `url` unchanged. */
export function withShareToken(url: string): string {
  if (!token) return url;
  const separator = url.includes('?') ? '&' : '?';
  return `${url}${separator}${PARAMETER}=${encodeURIComponent(token)}`;
}
