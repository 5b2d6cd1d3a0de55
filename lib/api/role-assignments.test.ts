// Reading and comparing role lists, as the server, the edit dialogs and the change history do.
import { describe, expect, it } from 'vitest';
import { diffRoles, sameRoles } from './role-assignments';

describe('diffRoles', () => {
  it('splits kept, removed and added roles', () => {
    expect(diffRoles(['GROUP_OWNER', 'GROUP_READ_ONLY'], ['GROUP_READ_ONLY', 'GROUP_CLUSTER_MANAGER'])).toEqual({
      kept: ['GROUP_READ_ONLY'],
      removed: ['GROUP_OWNER'],
      added: ['GROUP_CLUSTER_MANAGER'],
    });
    expect(diffRoles([], ['GROUP_READ_ONLY'])).toEqual({ kept: [], removed: [], added: ['GROUP_READ_ONLY'] });
    expect(diffRoles(['GROUP_READ_ONLY'], [])).toEqual({ kept: [], removed: ['GROUP_READ_ONLY'], added: [] });
  });
});

describe('sameRoles', () => {
  it('compares the names, in any order', () => {
    expect(sameRoles(['GROUP_OWNER', 'GROUP_READ_ONLY'], ['GROUP_READ_ONLY', 'GROUP_OWNER'])).toBe(true);
    expect(sameRoles(['GROUP_OWNER'], ['GROUP_OWNER', 'GROUP_READ_ONLY'])).toBe(false);
    expect(sameRoles([], [])).toBe(true);
  });
});
