import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { describeProblem, type ProblemMessage } from '../../api/problems';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { Board, CreatedShareLink, ShareLink, ShareView } from '../../api/types';
import { formatLocalTime, useNow } from '../../lib/time';
import { useCurrentUser } from '../auth/AuthProvider';
import { useMembers, useShareLinkCommands, useShareLinks } from './useAccess';

/** `Wall` / `wall` → "Wall", `Status` → "Status". */
export function shareViewLabel(view: string): string {
  const v = view.toLowerCase();
  return v === 'wall' ? 'Wall' : v === 'status' ? 'Status' : view;
}

/**
 * The address to hand out: the server's `url` (a path on this server) made absolute against this
 * page's origin. Only a path or an http(s) address is accepted; anything else is shown as it came.
 */
export function absoluteShareUrl(url: string, origin: string): string {
  try {
    const absolute = new URL(url, origin);
    return absolute.protocol === 'http:' || absolute.protocol === 'https:' ? absolute.href : url;
  } catch {
    return url;
  }
}

/** The link just made: its full address, shown this once, with a copy button. */
function CreatedLink({ link, onDone }: { link: CreatedShareLink; onDone: () => void }) {
  const url = absoluteShareUrl(link.url, window.location.origin);
  const [copyStatus, setCopyStatus] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const urlRef = useRef<HTMLElement>(null);
  const id = useId();

  useEffect(() => {
    headingRef.current?.focus();
  }, [link.id]);

  const selectUrl = () => {
    const node = urlRef.current;
    const selection = window.getSelection();
    if (!node || !selection) return;
    const range = document.createRange();
    range.selectNodeContents(node);
    selection.removeAllRanges();
    selection.addRange(range);
  };

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('No clipboard');
      await navigator.clipboard.writeText(url);
      setCopyStatus('Copied.');
    } catch {
      selectUrl();
      setCopyStatus('Could not copy by itself: the link is selected, press Ctrl+C (⌘C on a Mac) to copy it.');
    }
  };

  return (
    <div className="share-created" data-testid="share-link-created" aria-labelledby={`${id}-title`} role="group">
      <h3 id={`${id}-title`} tabIndex={-1} ref={headingRef}>
        New {shareViewLabel(link.view).toLowerCase()} link
      </h3>
      <p className="share-created__once" data-testid="share-link-once">
        <strong>Copy it now: it is shown only once.</strong> The server keeps only a fingerprint of it, so it cannot
        show it again. If it is lost, create another and revoke this one.
      </p>
      <p className="share-created__url">
        <code ref={urlRef} data-testid="share-link-url">
          {url}
        </code>
      </p>
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={() => void copy()} data-testid="share-link-copy">
          Copy link
        </button>
        <button type="button" className="button" onClick={onDone} data-testid="share-link-done">
          Done
        </button>
      </div>
      <p className="form__saved" role="status" aria-live="polite" data-testid="share-link-copy-status">
        {copyStatus}
      </p>
    </div>
  );
}

function ShareLinkRow({
  link,
  createdBy,
  now,
  revoking,
  onRevoke,
}: {
  link: ShareLink;
  createdBy: string | null;
  now: number;
  revoking: boolean;
  onRevoke: () => void;
}) {
  const view = shareViewLabel(link.view);
  const revoked = link.revokedAt !== null;
  const created = formatLocalTime(link.createdAt, now);
  return (
    <li
      className={`share-row${revoked ? ' share-row--revoked' : ''}`}
      data-testid={`share-link-${link.id}`}
      data-state={revoked ? 'revoked' : 'active'}
      data-view={link.view.toLowerCase()}
    >
      <div className="share-row__what">
        <span className="share-row__view">{view} link</span>
        <span className="muted">
          Created <time dateTime={link.createdAt}>{created}</time>
          {createdBy ? ` by ${createdBy}` : ''}
        </span>
      </div>
      <p className="share-row__state">
        {revoked ? (
          <span className="tag tag--revoked">
            Revoked <time dateTime={link.revokedAt!}>{formatLocalTime(link.revokedAt!, now)}</time>
          </span>
        ) : (
          <span className="tag tag--active">Active</span>
        )}
      </p>
      <div className="share-row__actions">
        {!revoked && (
          <button
            type="button"
            className="button button--danger"
            onClick={onRevoke}
            disabled={revoking}
            data-testid={`share-link-revoke-${link.id}`}
          >
            {revoking ? 'Revoking…' : 'Revoke'}
            <span className="sr-only">
              {' '}
              the {view.toLowerCase()} link created {created}
            </span>
          </button>
        )}
      </div>
    </li>
  );
}

/** Create a read-only wall or status link (its address shown once), see the board's links, revoke them. */
export function ShareLinksPanel({ board }: { board: Pick<Board, 'id'> }) {
  const links = useShareLinks(board.id);
  const members = useMembers(board.id);
  const me = useCurrentUser();
  const { create, revoke } = useShareLinkCommands(board.id);
  const [view, setView] = useState<ShareView>('wall');
  const [created, setCreated] = useState<CreatedShareLink | null>(null);
  const [revokeError, setRevokeError] = useState<ProblemMessage | null>(null);
  const [status, setStatus] = useState('');
  const now = useNow(60_000);
  const createRef = useRef<HTMLButtonElement>(null);
  const id = useId();

  const nameOf = (userId: string): string | null => {
    if (userId === me?.id) return 'you';
    return members.data?.find((m) => m.userId === userId)?.displayName ?? null;
  };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setStatus('');
    setCreated(null);
    create.mutate(view, { onSuccess: (link) => setCreated(link) });
  };

  const doRevoke = (link: ShareLink) => {
    setRevokeError(null);
    setStatus('');
    revoke.mutate(link.id, {
      onSuccess: () => {
        setStatus(`The ${shareViewLabel(link.view).toLowerCase()} link was revoked; it no longer opens anything.`);
        if (created?.id === link.id) setCreated(null);
      },
      onError: (error) => setRevokeError(describeProblem(error, 'The link was not revoked')),
    });
  };

  return (
    <div className="share-links">
      <p className="muted share-links__intro">
        A share link opens the board&rsquo;s wall (for a screen in the team room) or its status page, read-only and
        without signing in. Anyone who has it can see that page until the link is revoked.
      </p>

      <form className="share-links__create" onSubmit={submit} noValidate data-testid="create-share-link-form" aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`} className="sr-only">
          Create a share link
        </h3>
        <div className="form__field">
          <label htmlFor={`${id}-view`}>Page the link opens</label>
          <select id={`${id}-view`} value={view} onChange={(e) => setView(e.target.value as ShareView)} data-testid="share-link-view">
            <option value="wall">Wall: the board for a screen</option>
            <option value="status">Status: the status page</option>
          </select>
        </div>
        <div>
          <button type="submit" ref={createRef} className="button button--primary" disabled={create.isPending} data-testid="share-link-create">
            {create.isPending ? 'Creating…' : 'Create link'}
          </button>
        </div>
      </form>
      {create.error && (
        <ProblemAlert problem={describeProblem(create.error, 'No link was created')} testId="share-link-create-error" />
      )}

      {created && (
        <CreatedLink
          link={created}
          onDone={() => {
            setCreated(null);
            createRef.current?.focus();
          }}
        />
      )}

      {revokeError && <ProblemAlert problem={revokeError} testId="share-link-revoke-error" onDismiss={() => setRevokeError(null)} />}
      <p className="form__saved" role="status" aria-live="polite" data-testid="share-links-status">
        {status}
      </p>

      {links.isPending && <p className="muted">Loading share links…</p>}
      {links.isError && <ProblemAlert problem={describeProblem(links.error, 'The share links could not be loaded')} testId="share-links-error" />}
      {links.isSuccess && links.data.length === 0 && (
        <p className="muted" data-testid="no-share-links">
          No share links yet.
        </p>
      )}
      {links.isSuccess && links.data.length > 0 && (
        <ul className="share-list" data-testid="share-links-list" aria-label="Share links">
          {links.data.map((link) => (
            <ShareLinkRow
              key={link.id}
              link={link}
              createdBy={nameOf(link.createdBy)}
              now={now}
              revoking={revoke.isPending && revoke.variables === link.id}
              onRevoke={() => doRevoke(link)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
