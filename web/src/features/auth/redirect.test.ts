import { describe, expect, it } from 'vitest';
import { isPublicPath, nextFromSearch, safeNext, signInPath } from './redirect';

describe('signInPath', () => {
  it('remembers the page, its query and its hash in next=', () => {
    expect(signInPath({ pathname: '/boards/b1/settings' })).toBe('/signin?next=%2Fboards%2Fb1%2Fsettings');
    expect(signInPath({ pathname: '/boards/b1', search: '?x=1&y=2', hash: '#lanes' })).toBe(
      '/signin?next=%2Fboards%2Fb1%3Fx%3D1%26y%3D2%23lanes',
    );
  });

  it('says nothing for the start page, the sign-in page itself, or no location', () => {
    expect(signInPath({ pathname: '/' })).toBe('/signin');
    expect(signInPath({ pathname: '/signin', search: '?next=%2Fboards%2Fb1' })).toBe('/signin');
    expect(signInPath(null)).toBe('/signin');
  });

  it('round-trips through nextFromSearch', () => {
    const from = { pathname: '/boards/b1/activity', search: '?before=abc', hash: '' };
    const path = signInPath(from);
    expect(nextFromSearch(path.slice(path.indexOf('?')))).toBe('/boards/b1/activity?before=abc');
  });
});

describe('safeNext', () => {
  it('keeps a path on this site', () => {
    expect(safeNext('/boards/b1')).toBe('/boards/b1');
    expect(safeNext('/boards/b1/settings?tab=1#members')).toBe('/boards/b1/settings?tab=1#members');
    expect(safeNext('/admin/people')).toBe('/admin/people');
  });

  it('sends anything else to the start page', () => {
    for (const bad of [
      null,
      undefined,
      '',
      'boards/b1',
      'https://evil.example/boards',
      '//evil.example/x',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      '/\tjavascript:alert(1)',
      '/\t/evil.example',
      ' /boards/b1',
    ]) {
      expect(safeNext(bad), String(bad)).toBe('/');
    }
  });

  it('never goes back to the sign-in page', () => {
    expect(safeNext('/signin')).toBe('/');
    expect(safeNext('/signin?next=/boards')).toBe('/');
  });
});

describe('nextFromSearch', () => {
  it('reads and checks next=', () => {
    expect(nextFromSearch('?next=%2Fboards%2Fb1')).toBe('/boards/b1');
    expect(nextFromSearch('?next=https%3A%2F%2Fevil.example')).toBe('/');
    expect(nextFromSearch('')).toBe('/');
  });
});

describe('isPublicPath', () => {
  it('knows the pages that open without signing in', () => {
    expect(isPublicPath('/signin')).toBe(true);
    expect(isPublicPath('/wall/b1')).toBe(true);
    expect(isPublicPath('/status/b1')).toBe(true);
    expect(isPublicPath('/')).toBe(false);
    expect(isPublicPath('/boards/b1')).toBe(false);
    expect(isPublicPath('/signing')).toBe(false);
  });
});
