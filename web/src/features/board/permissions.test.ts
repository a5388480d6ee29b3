import { describe, expect, it } from 'vitest';
import { canResumeLine, permissionsFor, roleLabel } from './permissions';

describe('permissionsFor', () => {
  it('lets a viewer only read', () => {
    expect(permissionsFor('Viewer')).toEqual({
      canSubmit: false,
      canTriage: false,
      canMove: false,
      canStopLine: false,
      canResume: false,
      canEditLanes: false,
      canEditSettings: false,
      canManageMembers: false,
      canManageShareLinks: false,
    });
  });

  it('lets a member submit tickets, move cards and stop the line, nothing more (triage and resume are the product owner’s)', () => {
    expect(permissionsFor('Member')).toEqual({
      canSubmit: true,
      canTriage: false,
      canMove: true,
      canStopLine: true,
      canResume: false,
      canEditLanes: false,
      canEditSettings: false,
      canManageMembers: false,
      canManageShareLinks: false,
    });
  });

  it('lets a product owner do everything', () => {
    expect(Object.values(permissionsFor('ProductOwner')).every(Boolean)).toBe(true);
  });

  it('lets Member+ submit and only a product owner triage', () => {
    expect(permissionsFor('Viewer').canSubmit).toBe(false);
    expect(permissionsFor('Member').canSubmit).toBe(true);
    expect(permissionsFor('ProductOwner').canSubmit).toBe(true);
    expect(permissionsFor('Viewer').canTriage).toBe(false);
    expect(permissionsFor('Member').canTriage).toBe(false);
    expect(permissionsFor('ProductOwner').canTriage).toBe(true);
  });

  it('treats no role (a share link) or an unknown one as read only', () => {
    for (const role of [null, undefined, 'Owner' as never]) {
      expect(Object.values(permissionsFor(role)).some(Boolean)).toBe(false);
    }
  });
});

describe('roleLabel', () => {
  it('says a role in words', () => {
    expect(roleLabel('ProductOwner')).toBe('Product owner');
    expect(roleLabel('Member')).toBe('Member');
    expect(roleLabel('Viewer')).toBe('Viewer');
  });
});

describe('canResumeLine', () => {
  const stoppedByAna = { stoppedBy: 'ana' };

  it('lets a product owner resume any stop', () => {
    expect(canResumeLine(permissionsFor('ProductOwner'), stoppedByAna, 'ben')).toBe(true);
  });

  it('lets a member resume only the stop they made', () => {
    expect(canResumeLine(permissionsFor('Member'), stoppedByAna, 'ana')).toBe(true);
    expect(canResumeLine(permissionsFor('Member'), stoppedByAna, 'ben')).toBe(false);
  });

  it('never lets a viewer or a signed-out page resume', () => {
    expect(canResumeLine(permissionsFor('Viewer'), stoppedByAna, 'ana')).toBe(false);
    expect(canResumeLine(permissionsFor('Member'), stoppedByAna, undefined)).toBe(false);
  });
});
