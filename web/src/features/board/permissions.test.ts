import { describe, expect, it } from 'vitest';
import { permissionsFor, roleLabel } from './permissions';

describe('permissionsFor', () => {
  it('lets a viewer only read', () => {
    expect(permissionsFor('Viewer')).toEqual({
      canMove: false,
      canStopLine: false,
      canResume: false,
      canEditLanes: false,
      canEditSettings: false,
      canManageMembers: false,
      canManageShareLinks: false,
    });
  });

  it('lets a member move cards and stop the line, nothing more (resume is the product owner’s)', () => {
    expect(permissionsFor('Member')).toEqual({
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
