import type { LiveStatus } from './useBoardHub';

/** What every board page says once the server has ended this screen's access to the board. */
export function AccessRevokedNotice({ status, boardId }: { status: LiveStatus; boardId: string }) {
  if (status.state !== 'revoked') return null;
  return (
    <div className="alert" role="alert" data-testid="access-revoked">
      <p className="alert__text">
        <strong>{status.revokedReason ?? 'Your access to this board changed.'}</strong> This board is no longer live.{' '}
        <a href={`/boards/${boardId}`}>Reload</a> to see what you may see now.
      </p>
    </div>
  );
}
