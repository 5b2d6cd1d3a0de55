// The audit summary's thresholds and visibility rules, on small hand-made organizations.
import { describe, expect, it } from 'vitest';
import type { ApiKey } from '@/lib/api/schemas';
import { buildAuditReport } from './audit-report';

const orgId = 'a'.repeat(24);
const otherOrg = 'b'.repeat(24);
const p = (n: number) => `${'c'.repeat(23)}${n}`;
const projects = [1, 2, 3, 4].map((n) => ({ id: p(n), name: `Project ${n}` }));
let seq = 0;

function key(roles: ApiKey['roles'], desc = `key ${++seq}`): ApiKey {
  const id = String(++seq).padStart(24, '0');
  return { id, desc, publicKey: `PUB${seq}`, privateKey: '********', roles };
}
const org = (roleName: string) => ({ orgId, roleName });
const inProject = (n: number, roleName: string) => ({ groupId: p(n), roleName });

const build = (keys: ApiKey[], options: Partial<Parameters<typeof buildAuditReport>[0]> = {}) =>
  buildAuditReport({
    orgId,
    keys,
    projects,
    seesWholeOrg: true,
    thresholds: { manyProjects: 2, manyOwnerKeys: 1, manyOrgOwnerKeys: 2, unusedDays: 90 },
    now: new Date('2025-01-02T03:04:05.000Z'),
    ...options,
  });

describe('buildAuditReport', () => {
  it('counts a key as far-reaching only when it is in more projects than the threshold', () => {
    const atThreshold = key([org('ORG_MEMBER'), inProject(1, 'GROUP_READ_ONLY'), inProject(2, 'GROUP_READ_ONLY')]);
    const above = key([org('ORG_MEMBER'), inProject(1, 'GROUP_READ_ONLY'), inProject(2, 'GROUP_READ_ONLY'), inProject(3, 'GROUP_READ_ONLY')]);
    const report = build([atThreshold, above]);
    expect(report.summary.keysInManyProjects).toBe(1);
    expect(build([atThreshold, above], { thresholds: { manyProjects: 1, manyOwnerKeys: 1, manyOrgOwnerKeys: 2, unusedDays: 90 } }).summary.keysInManyProjects).toBe(2);
    expect(build([atThreshold, above], { thresholds: { manyProjects: 3, manyOwnerKeys: 1, manyOrgOwnerKeys: 2, unusedDays: 90 } }).summary.keysInManyProjects).toBe(0);
  });

  it('counts a project as over-owned only when it has more owner-level keys than the threshold', () => {
    const keys = [
      key([org('ORG_MEMBER'), inProject(1, 'GROUP_OWNER')]),
      key([org('ORG_MEMBER'), inProject(1, 'GROUP_OWNER'), inProject(2, 'GROUP_OWNER')]),
      key([org('ORG_MEMBER'), inProject(3, 'GROUP_USER_ADMIN'), inProject(3, 'GROUP_READ_ONLY')]),
    ];
    expect(build(keys).summary.projectsWithManyOwnerKeys).toBe(1);
    expect(build(keys, { thresholds: { manyProjects: 2, manyOwnerKeys: 0, manyOrgOwnerKeys: 2, unusedDays: 90 } }).summary.projectsWithManyOwnerKeys).toBe(2);
    expect(build(keys, { thresholds: { manyProjects: 2, manyOwnerKeys: 2, manyOrgOwnerKeys: 2, unusedDays: 90 } }).summary.projectsWithManyOwnerKeys).toBe(0);
  });

  it('counts an Organization Owner key once, as organization-wide, not as an owner in every project', () => {
    const keys = [key([org('ORG_OWNER')]), key([org('ORG_MEMBER'), inProject(4, 'GROUP_OWNER')]), key([org('ORG_MEMBER'), inProject(4, 'GROUP_OWNER')])];
    const report = build(keys);
    // Project 4 has two Project Owner grants (> 1); the Organization Owner adds to no project's count.
    expect(report.summary.projectsWithManyOwnerKeys).toBe(1);
    expect(report.summary.orgWideOwnerKeys).toBe(1);
    expect(build(keys, { thresholds: { manyProjects: 2, manyOwnerKeys: 0, manyOrgOwnerKeys: 2, unusedDays: 90 } }).summary.projectsWithManyOwnerKeys).toBe(1);
  });

  it('marks the key the console signs in with, and only that one', () => {
    const own = key([org('ORG_OWNER')], 'the console');
    const other = key([org('ORG_OWNER')]);
    const report = build([own, other], { consolePublicKey: own.publicKey });
    expect(report.keys.find((k) => k.id === own.id)!.isConsoleKey).toBe(true);
    expect(report.keys.find((k) => k.id === other.id)!.isConsoleKey).toBeUndefined();
    expect(build([own, other]).keys.every((k) => k.isConsoleKey === undefined)).toBe(true);
  });

  it('counts access-granting keys by Owner, User Admin and Organization Owner, and keys in no project', () => {
    const keys = [
      key([org('ORG_OWNER')]),
      key([org('ORG_MEMBER'), inProject(1, 'GROUP_USER_ADMIN')]),
      key([org('ORG_MEMBER'), inProject(2, 'GROUP_OWNER')]),
      key([org('ORG_MEMBER'), inProject(2, 'GROUP_CLUSTER_MANAGER')]),
      key([org('ORG_READ_ONLY')]),
    ];
    const { summary } = build(keys);
    // Project 2 has one Project Owner grant, not more than the threshold; the Organization Owner is counted on its own.
    expect(summary).toEqual({ keys: 5, accessGrantingKeys: 3, keysInNoProject: 2, keysInManyProjects: 0, projectsWithManyOwnerKeys: 0, orgWideOwnerKeys: 1, orgWideOwnerServiceAccounts: 0, unused: 0, keysWithoutAccessList: 0, serviceAccountsWithoutAccessList: 0, serviceAccounts: 0, expiringSecrets: 0 });
  });

  it('shows only the visible projects and, to a non-owner, only keys with a role in one of them', () => {
    const hidden = { id: p(9), name: 'Hidden' };
    const keys = [
      key([org('ORG_MEMBER'), inProject(1, 'GROUP_READ_ONLY'), { groupId: hidden.id, roleName: 'GROUP_OWNER' }]),
      key([org('ORG_MEMBER'), { groupId: hidden.id, roleName: 'GROUP_OWNER' }]),
      key([org('ORG_OWNER')]),
    ];
    const person = build(keys, { projects: [projects[0]!], seesWholeOrg: false });
    expect(person.projects).toEqual([projects[0]]);
    expect(person.keys).toHaveLength(1);
    expect(person.keys[0]!.projects).toEqual({ [p(1)]: ['GROUP_READ_ONLY'] });
    expect(JSON.stringify(person)).not.toContain(hidden.id);
    // Reach counts visible projects only, so a key owning a hidden project is not "far-reaching" here.
    expect(person.summary).toMatchObject({ keys: 1, accessGrantingKeys: 0, keysInNoProject: 0 });

    const owner = build(keys, { projects: [projects[0]!], seesWholeOrg: true });
    expect(owner.keys).toHaveLength(3);
    expect(owner.summary.keysInNoProject).toBe(2);
  });

  it('keeps only this organization’s roles as org roles, sorted, and sorts project roles', () => {
    const k = key([{ orgId: otherOrg, roleName: 'ORG_OWNER' }, org('ORG_READ_ONLY'), org('ORG_BILLING_ADMIN'), inProject(1, 'GROUP_READ_ONLY'), inProject(1, 'GROUP_CLUSTER_MANAGER')]);
    const [row] = build([k]).keys;
    expect(row!.orgRoles).toEqual(['ORG_BILLING_ADMIN', 'ORG_READ_ONLY']);
    expect(row!.projects[p(1)]).toEqual(['GROUP_CLUSTER_MANAGER', 'GROUP_READ_ONLY']);
    expect(build([k]).summary.accessGrantingKeys).toBe(0);
  });

  it('stamps the generation time and echoes the thresholds', () => {
    const report = build([]);
    expect(report.generatedAt).toBe('2025-01-02T03:04:05.000Z');
    expect(report.thresholds).toEqual({ manyProjects: 2, manyOwnerKeys: 1, manyOrgOwnerKeys: 2, unusedDays: 90 });
    expect(report.summary).toEqual({ keys: 0, accessGrantingKeys: 0, keysInNoProject: 0, keysInManyProjects: 0, projectsWithManyOwnerKeys: 0, orgWideOwnerKeys: 0, orgWideOwnerServiceAccounts: 0, unused: 0, keysWithoutAccessList: 0, serviceAccountsWithoutAccessList: 0, serviceAccounts: 0, expiringSecrets: 0 });
  });
});
