import { describe, expect, it } from 'vitest';
import app from './App.tsx?raw';

// What every page loads first is App.tsx and what it imports statically; the kiosk pages come on demand.

describe('the first page bundle', () => {
  it('does not hold the wall or the status page: both load on demand', () => {
    const statics = [...app.matchAll(/^import[^;]*from '([^']+)'/gm)].map((m) => m[1]);
    expect(statics.filter((path) => /features\/(wall|status)\//.test(path ?? ''))).toEqual([]);
    expect(app).toContain("import('./features/wall/WallPage')");
    expect(app).toContain("import('./features/status/StatusPage')");
  });
});
