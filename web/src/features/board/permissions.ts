import type { Board, BoardRole } from '../../api/types';

/**
 * What the signed-in person may do on a board, from their role on it (the board's `role`; an Admin
 * is ProductOwner everywhere). The screens hide what these flags say no to; the server still checks
 * every command, so a hidden control is a convenience, never the protection.
 *
 * - Viewer: reads.
 * - Member: also submits tickets (into triage), moves cards and stops the line (andon).
 * - ProductOwner: also triages (accept, send back, reject, merge), edits lanes and settings, manages
 *   members and share links, resumes the line.
 *
 * A member may also resume a stop they made themselves: see `canResumeLine`.
 */
export interface BoardPermissions {
  /** Submit a ticket into the triage inbox (Member+). */
  canSubmit: boolean;
  /** Accept, send back, reject or merge tickets in triage (ProductOwner). */
  canTriage: boolean;
  canMove: boolean;
  canStopLine: boolean;
  canResume: boolean;
  canEditLanes: boolean;
  canEditSettings: boolean;
  canManageMembers: boolean;
  canManageShareLinks: boolean;
}

const nothing: BoardPermissions = {
  canSubmit: false,
  canTriage: false,
  canMove: false,
  canStopLine: false,
  canResume: false,
  canEditLanes: false,
  canEditSettings: false,
  canManageMembers: false,
  canManageShareLinks: false,
};

/** Everything: a product owner's flags. */
export const everyone: BoardPermissions = {
  canSubmit: true,
  canTriage: true,
  canMove: true,
  canStopLine: true,
  canResume: true,
  canEditLanes: true,
  canEditSettings: true,
  canManageMembers: true,
  canManageShareLinks: true,
};

/** The flags for a role; no role (a share link, or unknown) may only read. */
export function permissionsFor(role: BoardRole | null | undefined): BoardPermissions {
  switch (role) {
    case 'ProductOwner':
      return everyone;
    case 'Member':
      return { ...nothing, canSubmit: true, canMove: true, canStopLine: true };
    default:
      return nothing;
  }
}

const ROLE_LABELS: Record<BoardRole, string> = {
  ProductOwner: 'Product owner',
  Member: 'Member',
  Viewer: 'Viewer',
};

/** A role in words: `ProductOwner` → "Product owner". */
export function roleLabel(role: BoardRole | null | undefined): string {
  return role ? (ROLE_LABELS[role] ?? role) : 'Read only';
}

export const BOARD_ROLES: readonly BoardRole[] = ['ProductOwner', 'Member', 'Viewer'];

export function useBoardPermissions(board?: { role?: Board['role'] }): BoardPermissions {
  return permissionsFor(board?.role);
}

/** Product owners resume any stop; a member who may stop the line resumes the stop they made. */
export function canResumeLine(can: BoardPermissions, line: { stoppedBy?: string | null }, userId: string | undefined): boolean {
  return can.canResume || (can.canStopLine && !!userId && line.stoppedBy === userId);
}
