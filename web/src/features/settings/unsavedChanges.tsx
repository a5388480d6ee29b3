// Which settings forms hold edits not yet saved, and the warning when someone leaves with them:
// the browser's own prompt on reload, close or an address typed (beforeunload), and a confirmation
// before a link takes them to another page of the app.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';

export type SettingsSectionId = 'board' | 'lanes' | 'gates' | 'status' | 'people' | 'share-links';

interface UnsavedChanges {
  /** Forms with unsaved edits, by key; each key starts with its section's id (`lanes:ready`). */
  readonly dirty: ReadonlySet<string>;
  set: (key: string, dirty: boolean) => void;
}

const Context = createContext<UnsavedChanges | null>(null);

/** The sections that hold a form with unsaved edits. */
export function dirtySections(dirty: ReadonlySet<string>): Set<SettingsSectionId> {
  return new Set([...dirty].map((key) => key.split(':')[0] as SettingsSectionId));
}

export const LEAVE_MESSAGE = 'You have unsaved changes on this page. Leave it and lose them?';

/** Whether a click on this link would take the app to another page (not a hash on this one, not a new tab). */
function leavesThePage(event: MouseEvent, link: HTMLAnchorElement, here: { pathname: string; search: string }): boolean {
  if (event.defaultPrevented || event.button !== 0) return false;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  if (link.target && link.target !== '_self') return false;
  if (link.hasAttribute('download')) return false;
  const to = new URL(link.href, window.location.href);
  return to.origin !== window.location.origin || to.pathname !== here.pathname || to.search !== here.search;
}

export function UnsavedChangesProvider({ children }: { children: ReactNode }) {
  const [dirty, setDirty] = useState<ReadonlySet<string>>(() => new Set());

  const set = useCallback((key: string, isDirty: boolean) => {
    setDirty((current) => {
      if (current.has(key) === isDirty) return current;
      const next = new Set(current);
      if (isDirty) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  // Where the app is, as the router says (the same as the address bar in the browser).
  const location = useLocation();
  const here = useRef(location);
  here.current = location;

  const anyDirty = dirty.size > 0;
  useEffect(() => {
    if (!anyDirty) return undefined;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    // Capturing on the document runs before the router's own handler on the app's root.
    const click = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement) || !leavesThePage(event, link, here.current)) return;
      if (window.confirm(LEAVE_MESSAGE)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', click, true);
    };
  }, [anyDirty]);

  const value = useMemo(() => ({ dirty, set }), [dirty, set]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** Reports a form's unsaved state under `key` while it is mounted (a no-op outside a provider). */
export function useUnsavedChanges(key: string, isDirty: boolean): void {
  const set = useContext(Context)?.set;
  useEffect(() => {
    if (!set || !isDirty) return undefined;
    set(key, true);
    return () => set(key, false);
  }, [set, key, isDirty]);
}

export function useDirtySections(): Set<SettingsSectionId> {
  const context = useContext(Context);
  return useMemo(() => dirtySections(context?.dirty ?? new Set()), [context?.dirty]);
}

/** The visible mark of a form with edits not yet saved. */
export function UnsavedMarker({ id, testId }: { id?: string; testId?: string }) {
  return (
    <span className="unsaved-marker" id={id} data-testid={testId}>
      <span className="unsaved-marker__dot" aria-hidden="true" />
      Unsaved changes
    </span>
  );
}
