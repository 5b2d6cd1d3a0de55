// Per-project key counts and highest privileges from one organization key list.
import { describe, expect, it } from 'vitest';
import { projectKeyStats } from './project-key-stats';

const p1 = 'a'.repeat(24);
const p2 = 'b'.repeat(24);
const org = 'c'.repeat(24);

describe('projectKeyStats', () => {
  it('counts each key once per project and keeps the roles of the highest tier', () => {
    const stats = projectKeyStats({
      totalCount: 3,
      results: [
        { id: '1'.repeat(24), desc: 'a', publicKey: 'aaaaaaaa', privateKey: '', roles: [{ groupId: p1, roleName: 'GROUP_READ_ONLY' }, { groupId: p1, roleName: 'GROUP_DATA_ACCESS_READ_ONLY' }] },
        { id: '2'.repeat(24), desc: 'b', publicKey: 'bbbbbbbb', privateKey: '', roles: [{ groupId: p1, roleName: 'GROUP_USER_ADMIN' }, { groupId: p2, roleName: 'GROUP_CLUSTER_MANAGER' }] },
        { id: '3'.repeat(24), desc: 'c', publicKey: 'cccccccc', privateKey: '', roles: [{ orgId: org, roleName: 'ORG_OWNER' }] },
      ],
    });
    expect(stats.get(p1)).toEqual({ keyCount: 2, topRoles: ['GROUP_USER_ADMIN'] });
    expect(stats.get(p2)).toEqual({ keyCount: 1, topRoles: ['GROUP_CLUSTER_MANAGER'] });
    expect(stats.has(org)).toBe(false);
  });
});
