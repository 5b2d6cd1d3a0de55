// Per-project key counts, highest privileges and access-granting keys from one organization key list, and the list's orders.
import { describe, expect, it } from 'vitest';
import { projectKeyStats, sortProjects } from './project-key-stats';

const p1 = 'a'.repeat(24);
const p2 = 'b'.repeat(24);
const p3 = 'd'.repeat(24);
const org = 'c'.repeat(24);

const stats = projectKeyStats({
  totalCount: 4,
  results: [
    { id: '1'.repeat(24), desc: 'a', publicKey: 'aaaaaaaa', privateKey: '', roles: [{ groupId: p1, roleName: 'GROUP_READ_ONLY' }, { groupId: p1, roleName: 'GROUP_DATA_ACCESS_READ_ONLY' }] },
    { id: '2'.repeat(24), desc: 'b', publicKey: 'bbbbbbbb', privateKey: '', roles: [{ groupId: p1, roleName: 'GROUP_USER_ADMIN' }, { groupId: p2, roleName: 'GROUP_CLUSTER_MANAGER' }] },
    { id: '3'.repeat(24), desc: 'c', publicKey: 'cccccccc', privateKey: '', roles: [{ orgId: org, roleName: 'ORG_OWNER' }] },
    { id: '4'.repeat(24), desc: 'd', publicKey: 'dddddddd', privateKey: '', roles: [{ groupId: p2, roleName: 'GROUP_OWNER' }, { groupId: p2, roleName: 'GROUP_READ_ONLY' }] },
  ],
});

describe('projectKeyStats', () => {
  it('counts each key once per project, keeps the roles of the highest tier, and counts access-granting keys and owners', () => {
    expect(stats.get(p1)).toEqual({ keyCount: 2, topRoles: ['GROUP_USER_ADMIN'], accessKeys: 1, ownerKeys: 0 });
    expect(stats.get(p2)).toEqual({ keyCount: 2, topRoles: ['GROUP_OWNER'], accessKeys: 1, ownerKeys: 1 });
    expect(stats.has(org)).toBe(false);
  });
});

describe('sortProjects', () => {
  const projects = [
    { id: p3, name: 'Alpha' },
    { id: p1, name: 'Bravo' },
    { id: p2, name: 'Charlie' },
  ];
  const names = (sort: 'name' | 'keys' | 'risk') => sortProjects(projects, stats, sort).map((p) => p.name);

  it('sorts by name, by keys (most first) and by risk (access-granting keys, then owners), ties by name', () => {
    expect(names('name')).toEqual(['Alpha', 'Bravo', 'Charlie']);
    expect(names('keys')).toEqual(['Bravo', 'Charlie', 'Alpha']);
    expect(names('risk')).toEqual(['Charlie', 'Bravo', 'Alpha']);
    expect(sortProjects(projects, undefined, 'risk').map((p) => p.name)).toEqual(['Alpha', 'Bravo', 'Charlie']);
  });
});
