import type { Board } from '../../api/types';

/**
 * What the signed-in person may do on a board. Roles come later (product owner: lanes, limits,
 * settings, resume; member: stop the line, move): for now everybody may do everything, and the
 * screens ask these flags rather than assuming, so a role check only has to change this hook.
 */
export interface BoardPermissions {
  canStopLine: boolean;
  canResume: boolean;
  canEditLanes: boolean;
  canEditSettings: boolean;
}

export const everyone: BoardPermissions = {
  canStopLine: true,
  canResume: true,
  canEditLanes: true,
  canEditSettings: true,
};

export function useBoardPermissions(_board?: Pick<Board, 'id'>): BoardPermissions {
  return everyone;
}
