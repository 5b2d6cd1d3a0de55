import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditKey } from './audit';
import { isProjectOwner, ownerKeysPerProject, summarize } from './audit-summary';

const day = 86_400_000;
const now = Date.parse('2026-06-01T00:00:00.000Z');
const projects = ['1', '2', '3', '4'].map((n) => ({ id: n.repeat(24) }));
const projectRoles = fc.subarray(['GROUP_OWNER', 'GROUP_USER_ADMIN', 'GROUP_READ_ONLY'], { minLength: 1 });
const auditKey: fc.Arbitrary<AuditKey> = fc.record({
  id: fc.stringMatching(/^[a-f0-9]{24}$/),
  desc: fc.string(),
  publicKey: fc.string(),
  orgRoles: fc.subarray(['ORG_OWNER', 'ORG_MEMBER', 'ORG_READ_ONLY']),
  projects: fc.dictionary(fc.constantFrom(...projects.map((p) => p.id)), projectRoles),
  // Whole days before `now`, so the threshold's edge is hit exactly.
  lastUsed: fc.option(fc.nat(400).map((days) => new Date(now - days * day).toISOString()), { nil: undefined }),
  accessListEntries: fc.option(fc.nat(3), { nil: undefined }),
}, { requiredKeys: ['id', 'desc', 'publicKey', 'orgRoles', 'projects'] });
const thresholds = fc.record({ manyProjects: fc.nat(5), manyOwnerKeys: fc.nat(5), manyOrgOwnerKeys: fc.nat(5), unusedDays: fc.integer({ min: 1, max: 400 }) });

describe('ownerKeysPerProject', () => {
  it('counts, per project, exactly the Project Owner grants made there', () => {
    fc.assert(
      fc.property(fc.array(auditKey, { maxLength: 30 }), (keys) => {
        const counts = ownerKeysPerProject(keys, projects);
        for (const p of projects) expect(counts.get(p.id)).toBe(keys.filter((key) => isProjectOwner(key, p.id)).length);
      }),
    );
  });

  it('does not count an Organization Owner in every project: it is counted once, as organization-wide', () => {
    const orgOwner: AuditKey = { id: 'a'.repeat(24), desc: '', publicKey: 'P', orgRoles: ['ORG_OWNER'], projects: {} };
    expect([...ownerKeysPerProject([orgOwner], projects).values()]).toEqual([0, 0, 0, 0]);
    expect(summarize([orgOwner], [], projects, { manyProjects: 3, manyOwnerKeys: 0, manyOrgOwnerKeys: 2, unusedDays: 90 }, now)).toMatchObject({
      projectsWithManyOwnerKeys: 0,
      orgWideOwnerKeys: 1,
    });
  });

  it('counts Organization Owner service accounts apart from the keys, and never as Project Owners', () => {
    const account = { clientId: `mdb_sa_id_${'b'.repeat(24)}`, name: 'automation', description: '', createdAt: new Date(now).toISOString(), secrets: [] };
    const owner = { ...account, orgRoles: ['ORG_OWNER'], projects: { [projects[0]!.id]: ['GROUP_READ_ONLY'] } };
    const reader = { ...account, clientId: `mdb_sa_id_${'c'.repeat(24)}`, orgRoles: ['ORG_READ_ONLY'], projects: {} };
    expect([...ownerKeysPerProject([owner, reader], projects).values()]).toEqual([0, 0, 0, 0]);
    expect(summarize([], [owner, reader], projects, { manyProjects: 3, manyOwnerKeys: 0, manyOrgOwnerKeys: 2, unusedDays: 90 }, now)).toMatchObject({
      projectsWithManyOwnerKeys: 0,
      orgWideOwnerKeys: 0,
      orgWideOwnerServiceAccounts: 1,
    });
  });
});

describe('summarize', () => {
  it('agrees with a plain count of each figure', () => {
    fc.assert(
      fc.property(fc.array(auditKey, { maxLength: 30 }), thresholds, (keys, t) => {
        const summary = summarize(keys, [], projects, t, now);
        const reach = (k: AuditKey) => Object.keys(k.projects).length;
        const roles = (k: AuditKey) => [...k.orgRoles, ...Object.values(k.projects).flat()];
        expect(summary).toEqual({
          keys: keys.length,
          accessGrantingKeys: keys.filter((k) => roles(k).some((r) => ['ORG_OWNER', 'GROUP_OWNER', 'GROUP_USER_ADMIN', 'GROUP_ACCESS_MANAGER'].includes(r))).length,
          keysInNoProject: keys.filter((k) => reach(k) === 0).length,
          keysInManyProjects: keys.filter((k) => reach(k) > t.manyProjects).length,
          projectsWithManyOwnerKeys: projects.filter((p) => keys.filter((k) => k.projects[p.id]?.includes('GROUP_OWNER')).length > t.manyOwnerKeys).length,
          orgWideOwnerKeys: keys.filter((k) => k.orgRoles.includes('ORG_OWNER')).length,
          orgWideOwnerServiceAccounts: 0,
          // Days since last use, counted by hand; keys without usage data are never unused.
          unused: keys.filter((k) => k.lastUsed !== undefined && Math.round((now - Date.parse(k.lastUsed)) / day) >= t.unusedDays).length,
          keysWithoutAccessList: keys.filter((k) => k.accessListEntries === 0).length,
          serviceAccountsWithoutAccessList: 0,
          serviceAccounts: 0,
          expiringSecrets: 0,
        });
      }),
    );
  });
});
