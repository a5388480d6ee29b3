import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import type { Board, BoardSettings } from '../../api/types';
import { BoardSubpageHeader, WithBoard } from '../board/BoardSubpage';
import { permissionsFor, useBoardPermissions } from '../board/permissions';
import { AccessRevokedNotice } from '../board/AccessRevokedNotice';
import { useBoardHub } from '../board/useBoardHub';
import { BoardSettingsForm, GateSettingsForm, StatusSettingsForm } from './BoardSettingsForm';
import { LanesEditor } from './LanesEditor';
import { MembersPanel } from './MembersPanel';
import { ShareLinksPanel } from './ShareLinksPanel';
import { UnsavedChangesProvider, useDirtySections, type SettingsSectionId } from './unsavedChanges';
import { useBoardSettings } from './useSettings';
import './settings.css';

export function SettingsPage() {
  const { boardId = '' } = useParams();
  return (
    <WithBoard boardId={boardId} title="Settings">
      {(board) => <SettingsView board={board} />}
    </WithBoard>
  );
}

interface SectionLink {
  id: SettingsSectionId;
  label: string;
}

/** The heading a section is labelled by; focused when the section is reached through the nav or the URL's hash. */
const headingId = (section: SettingsSectionId) => `${section}-title`;

export function SettingsView({ board }: { board: Board }) {
  return (
    <UnsavedChangesProvider>
      <SettingsSections board={board} />
    </UnsavedChangesProvider>
  );
}

function SettingsSections({ board }: { board: Board }) {
  const roleCan = useBoardPermissions(board);
  const settings = useBoardSettings(board.id);
  // Live: another product owner's lane or settings change shows up here too.
  const live = useBoardHub(board.id);
  // Once the server has ended this screen's access, nothing here may be changed.
  const can = live.state === 'revoked' ? permissionsFor(null) : roleCan;

  const sections: SectionLink[] = [
    { id: 'board', label: 'Board' },
    { id: 'lanes', label: 'Lanes' },
    { id: 'gates', label: 'Quality gates' },
    { id: 'status', label: 'Status and wall' },
    ...(can.canManageMembers ? [{ id: 'people', label: 'People' } as const] : []),
    ...(can.canManageShareLinks ? [{ id: 'share-links', label: 'Share links' } as const] : []),
  ];

  const settingsState = (form: (data: BoardSettings) => ReactNode, title: string, section: SettingsSectionId) => {
    if (settings.isSuccess) return form(settings.data);
    return (
      <>
        <h2 id={headingId(section)} tabIndex={-1} className="settings-section__title">
          {title}
        </h2>
        {settings.isPending && <p className="muted">Loading settings…</p>}
        {settings.isError && (
          <div className="alert" role="alert" data-testid={`settings-load-error-${section}`}>
            <p className="alert__text">{settings.error.message}</p>
          </div>
        )}
      </>
    );
  };

  useSectionFromHash(sections.map((s) => s.id), settings.isSuccess);

  return (
    <div className="subpage settings-page" data-testid="settings-page" data-live={live.state}>
      <BoardSubpageHeader board={board} title="Settings" />
      <AccessRevokedNotice status={live} boardId={board.id} />

      {!can.canEditSettings && (
        <p className="notice" data-testid="settings-read-only">
          Only the board&rsquo;s product owners can change its lanes, settings, people and share links. You can read
          them here.
        </p>
      )}

      <div className="settings-layout">
        <SectionNav sections={sections} />

        <div className="settings-sections">
          <section id="board" className="panel settings-section" aria-labelledby={headingId('board')} data-testid="board-settings-panel">
            {settingsState(
              (data) => (
                <BoardSettingsForm boardId={board.id} settings={data} canEdit={can.canEditSettings} headingId={headingId('board')} />
              ),
              'Board',
              'board',
            )}
          </section>

          <section id="lanes" className="panel settings-section" aria-labelledby={headingId('lanes')} data-testid="lanes-panel">
            <div className="settings-section__header">
              <h2 id={headingId('lanes')} tabIndex={-1} className="settings-section__title">
                Lanes
              </h2>
            </div>
            <LanesEditor boardId={board.id} lanes={board.lanes} canEdit={can.canEditLanes} />
          </section>

          <section id="gates" className="panel settings-section" aria-labelledby={headingId('gates')} data-testid="gate-settings-panel">
            {settingsState(
              (data) => (
                <GateSettingsForm boardId={board.id} settings={data} canEdit={can.canEditSettings} headingId={headingId('gates')} />
              ),
              'Quality gates',
              'gates',
            )}
          </section>

          <section id="status" className="panel settings-section" aria-labelledby={headingId('status')} data-testid="status-settings-panel">
            {settingsState(
              (data) => (
                <StatusSettingsForm boardId={board.id} settings={data} canEdit={can.canEditSettings} headingId={headingId('status')} />
              ),
              'Status and wall',
              'status',
            )}
          </section>

          {can.canManageMembers && (
            <section id="people" className="panel settings-section" aria-labelledby={headingId('people')} data-testid="members-panel">
              <div className="settings-section__header">
                <h2 id={headingId('people')} tabIndex={-1} className="settings-section__title">
                  People on this board
                </h2>
              </div>
              <MembersPanel board={board} />
            </section>
          )}

          {can.canManageShareLinks && (
            <section
              id="share-links"
              className="panel settings-section"
              aria-labelledby={headingId('share-links')}
              data-testid="share-links-panel"
            >
              <div className="settings-section__header">
                <h2 id={headingId('share-links')} tabIndex={-1} className="settings-section__title">
                  Share links
                </h2>
              </div>
              <ShareLinksPanel board={board} />
            </section>
          )}
        </div>
      </div>
    </div>
  );
}

/** Links to each section (the URL's hash names it), each marked while a form in it holds unsaved changes. */
function SectionNav({ sections }: { sections: SectionLink[] }) {
  const { hash } = useLocation();
  const dirty = useDirtySections();
  const fromHash = sections.some((s) => `#${s.id}` === hash) ? hash.slice(1) : sections[0]?.id;
  // Scrolling on past the section the hash named makes the one in view the current one.
  const [scrolledTo, setScrolledTo] = useState<{ hash: string; id: string } | null>(null);
  const ids = sections.map((s) => s.id).join(' ');
  useEffect(() => {
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        // The section the hash names stays current while any of it is in view (the last ones never reach the top).
        const named = document.getElementById(window.location.hash.slice(1))?.getBoundingClientRect();
        if (named && ids.split(' ').includes(window.location.hash.slice(1)) && named.top < window.innerHeight && named.bottom > 0) {
          setScrolledTo(null);
          return;
        }
        const inView = ids
          .split(' ')
          .filter((id) => (document.getElementById(id)?.getBoundingClientRect().top ?? Infinity) <= 120)
          .pop();
        setScrolledTo({ hash: window.location.hash, id: inView ?? ids.split(' ')[0]! });
      });
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
    };
  }, [ids]);
  const current = scrolledTo && scrolledTo.hash === hash ? scrolledTo.id : fromHash;
  return (
    <nav className="settings-nav" aria-label="Settings sections" data-testid="settings-nav">
      <ul className="settings-nav__list">
        {sections.map((section) => (
          <li key={section.id}>
            <Link
              to={{ hash: section.id }}
              className="settings-nav__link"
              aria-current={current === section.id ? 'location' : undefined}
              data-testid={`settings-nav-${section.id}`}
            >
              <span>{section.label}</span>
              {dirty.has(section.id) && (
                <span className="settings-nav__unsaved" data-testid={`settings-nav-unsaved-${section.id}`}>
                  <span className="unsaved-marker__dot" aria-hidden="true" />
                  <span className="sr-only">(unsaved changes)</span>
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * When the URL's hash names a section (a nav link, a shared address, a reload), scrolls to it and
 * moves focus to its heading, so keyboard and screen reader users land where they asked to go.
 */
function useSectionFromHash(sectionIds: readonly string[], ready: boolean) {
  const { hash } = useLocation();
  const done = useRef<string | null>(null);
  const known = sectionIds.includes(hash.slice(1));
  useEffect(() => {
    if (!known) {
      done.current = null;
      return;
    }
    if (done.current === hash) return;
    const section = document.getElementById(hash.slice(1));
    const heading = document.getElementById(headingId(hash.slice(1) as SettingsSectionId));
    // The forms replace their placeholder headings once the settings load: wait for them.
    if (!ready || !section || !heading) return;
    done.current = hash;
    section.scrollIntoView?.({ block: 'start' });
    heading.focus({ preventScroll: true });
  }, [hash, known, ready]);
}
