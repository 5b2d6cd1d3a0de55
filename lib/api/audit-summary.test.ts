import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditKey } from './audit';
import { isOwnerLevel, ownerKeysPerProject } from './audit-summary';

const projects = ['1', '2', '3', '4'].map((n) => ({ id: n.repeat(24) }));
const projectRoles = fc.subarray(['GROUP_OWNER', 'GROUP_USER_ADMIN', 'GROUP_READ_ONLY'], { minLength: 1 });
const auditKey: fc.Arbitrary<AuditKey> = fc.record({
  id: fc.stringMatching(/^[a-f0-9]{24}$/),
  desc: fc.string(),
  publicKey: fc.string(),
  orgRoles: fc.subarray(['ORG_OWNER', 'ORG_MEMBER', 'ORG_READ_ONLY']),
  projects: fc.dictionary(fc.constantFrom(...projects.map((p) => p.id)), projectRoles),
});

describe('ownerKeysPerProject', () => {
  it('counts, per project, exactly the keys that are owner-level there', () => {
    fc.assert(
      fc.property(fc.array(auditKey, { maxLength: 30 }), (keys) => {
        const counts = ownerKeysPerProject(keys, projects);
        for (const p of projects) expect(counts.get(p.id)).toBe(keys.filter((key) => isOwnerLevel(key, p.id)).length);
      }),
    );
  });

  it('counts an Organization Owner in every project, including projects no key is in', () => {
    const orgOwner: AuditKey = { id: 'a'.repeat(24), desc: '', publicKey: 'P', orgRoles: ['ORG_OWNER'], projects: {} };
    expect([...ownerKeysPerProject([orgOwner], projects).values()]).toEqual([1, 1, 1, 1]);
  });
});
