import { useParams } from 'react-router-dom';
import type { Board } from '../../api/types';
import { BoardSubpageHeader, WithBoard } from '../board/BoardSubpage';
import { permissionsFor, useBoardPermissions } from '../board/permissions';
import { AccessRevokedNotice } from '../board/AccessRevokedNotice';
import { useBoardHub } from '../board/useBoardHub';
import { BoardSettingsForm } from './BoardSettingsForm';
import { LanesEditor } from './LanesEditor';
import { MembersPanel } from './MembersPanel';
import { ShareLinksPanel } from './ShareLinksPanel';
import { useBoardSettings } from './useSettings';

export function SettingsPage() {
  const { boardId = '' } = useParams();
  return (
    <WithBoard boardId={boardId} title="Settings">
      {(board) => <SettingsView board={board} />}
    </WithBoard>
  );
}

export function SettingsView({ board }: { board: Board }) {
  const roleCan = useBoardPermissions(board);
  const settings = useBoardSettings(board.id);
  // Live: another product owner's lane or settings change shows up here too.
  const live = useBoardHub(board.id);
  // Once the server has ended this screen's access, nothing here may be changed.
  const can = live.state === 'revoked' ? permissionsFor(null) : roleCan;

  return (
    <div className="subpage settings-page" data-testid="settings-page">
      <BoardSubpageHeader board={board} title="Settings" />
      <AccessRevokedNotice status={live} boardId={board.id} />

      {!can.canEditSettings && (
        <p className="notice" data-testid="settings-read-only">
          Only the board&rsquo;s product owners can change its lanes, settings, people and share links. You can read
          them here.
        </p>
      )}

      <section className="panel" aria-labelledby="lanes-title" data-testid="lanes-panel">
        <h2 id="lanes-title">Lanes</h2>
        <LanesEditor boardId={board.id} lanes={board.lanes} canEdit={can.canEditLanes} />
      </section>

      <div className="panel">
        {settings.isPending && <p className="muted">Loading settings…</p>}
        {settings.isError && (
          <div className="alert" role="alert" data-testid="settings-load-error">
            <p className="alert__text">{settings.error.message}</p>
          </div>
        )}
        {settings.isSuccess && (
          <BoardSettingsForm boardId={board.id} settings={settings.data} canEdit={can.canEditSettings} />
        )}
      </div>

      {can.canManageMembers && (
        <section className="panel" aria-labelledby="members-title" data-testid="members-panel">
          <h2 id="members-title">People on this board</h2>
          <MembersPanel board={board} />
        </section>
      )}

      {can.canManageShareLinks && (
        <section className="panel" aria-labelledby="share-links-title" data-testid="share-links-panel">
          <h2 id="share-links-title">Share links</h2>
          <ShareLinksPanel board={board} />
        </section>
      )}
    </div>
  );
}
