// The seed format, the built-in demo seed and the deterministic generator of large seeds.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSeed, seedSchema, type Seed } from './seed';
import { demoSeedPath } from './seeds/demo';
import { generateSeed } from './seeds/generate';

const dir = mkdtempSync(path.join(tmpdir(), 'emulator-seed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const projectCount = (seed: Seed, keyRoles: { groupId?: string }[]) => new Set(keyRoles.flatMap((r) => (r.groupId ? [r.groupId] : []))).size;
const rolesOf = (seed: Seed, email: string) => seed.users.find((u) => u.emailAddress === email)?.roles;

/** What the console and its tests rely on in any seed meant for demos: the console key and one person per case. */
function expectDemoPeople(seed: Seed) {
  const [p1, p2] = seed.projects;
  const org = seed.orgs[0]!.id;
  const consoleKey = seed.apiKeys.find((k) => k.id === seed.consoleKey);
  expect(consoleKey?.roles).toEqual([{ orgId: org, roleName: 'ORG_OWNER' }]);
  expect(consoleKey?.desc).toMatch(/console's own key/);
  expect(rolesOf(seed, 'owner@demo.test')).toEqual(
    expect.arrayContaining([
      { groupId: p1?.id, roleName: 'GROUP_OWNER' },
      { groupId: p2?.id, roleName: 'GROUP_READ_ONLY' },
    ]),
  );
  expect(rolesOf(seed, 'owner@demo.test')?.filter((r) => r.groupId)).toHaveLength(2);
  expect(rolesOf(seed, 'useradmin@demo.test')?.filter((r) => r.groupId)).toEqual([{ groupId: p1?.id, roleName: 'GROUP_USER_ADMIN' }]);
  expect(rolesOf(seed, 'reader@demo.test')?.filter((r) => r.groupId)).toEqual([{ groupId: p1?.id, roleName: 'GROUP_READ_ONLY' }]);
  expect(rolesOf(seed, 'orgowner@demo.test')).toEqual([{ orgId: org, roleName: 'ORG_OWNER' }]);
  expect(rolesOf(seed, 'member@demo.test')).toEqual([{ orgId: org, roleName: 'ORG_MEMBER' }]);
  expect(seed.serviceAccounts?.[0]?.roles).toEqual([{ orgId: org, roleName: 'ORG_OWNER' }]);
}

describe('the demo seed', () => {
  const seed = loadSeed(demoSeedPath);

  it('is a mid-size organization: 6 to 8 projects and 40 to 60 keys', () => {
    expect(seed.orgs).toHaveLength(1);
    expect(seed.projects.length).toBeGreaterThanOrEqual(6);
    expect(seed.projects.length).toBeLessThanOrEqual(8);
    expect(seed.apiKeys.length).toBeGreaterThanOrEqual(40);
    expect(seed.apiKeys.length).toBeLessThanOrEqual(60);
  });

  it('shows what the audit is for: keys in many projects, risky and unused keys, a non-Latin description', () => {
    expect(seed.apiKeys.filter((k) => projectCount(seed, k.roles) >= 5).length).toBeGreaterThanOrEqual(3);
    const orgOwners = seed.apiKeys.filter((k) => k.id !== seed.consoleKey && k.roles.some((r) => r.roleName === 'ORG_OWNER'));
    expect(orgOwners.length).toBeGreaterThanOrEqual(1);
    const ownedBy = (groupId: string) => seed.apiKeys.filter((k) => k.roles.some((r) => r.groupId === groupId && r.roleName === 'GROUP_OWNER')).length;
    expect(seed.projects.filter((p) => ownedBy(p.id) >= 3).length).toBeGreaterThanOrEqual(1);
    const lastUse = (k: (typeof seed.apiKeys)[number]) => k.accessList?.map((e) => e.lastUsed).filter(Boolean).sort().at(-1);
    expect(seed.apiKeys.some((k) => (lastUse(k) ?? '9') < '2026-01-01')).toBe(true);
    expect(seed.apiKeys.some((k) => /[^\u0000-\u024f\u2000-\u206f]/.test(k.desc))).toBe(true);
  });

  it('has keys in several projects, keys with organization roles and a key in no project', () => {
    expect(seed.apiKeys.filter((k) => projectCount(seed, k.roles) >= 2).length).toBeGreaterThanOrEqual(2);
    expect(seed.apiKeys.filter((k) => projectCount(seed, k.roles) === 0 && k.id !== seed.consoleKey).length).toBeGreaterThanOrEqual(1);
    const orgRoles = new Set(seed.apiKeys.flatMap((k) => k.roles.filter((r) => r.orgId).map((r) => r.roleName)));
    expect(orgRoles.size).toBeGreaterThanOrEqual(3);
  });

  it('has the console key and one person per case of the permission table', () => {
    expectDemoPeople(seed);
    // The third project is one in which owner@demo.test has no role (the end-to-end tests rely on it).
    expect(rolesOf(seed, 'owner@demo.test')?.some((r) => r.groupId === seed.projects[2]?.id)).toBe(false);
  });

  it('has a person who owns a project through a team only, and one invited as a Project Owner who has not joined', () => {
    const teamOwner = seed.users.find((u) => u.username === 'teamowner@demo.test');
    expect(teamOwner?.roles.filter((r) => r.groupId)).toEqual([]);
    const team = seed.teams?.find((t) => teamOwner && t.userIds.includes(teamOwner.id));
    expect(team?.roles).toEqual([{ groupId: seed.projects[2]?.id, roleName: 'GROUP_OWNER' }]);
    const invited = seed.users.find((u) => u.username === 'invited@demo.test');
    expect(invited?.orgMembershipStatus).toBe('PENDING');
    expect(invited?.roles).toContainEqual({ groupId: seed.projects[0]?.id, roleName: 'GROUP_OWNER' });
  });
});

describe('teams and invitations in a seed', () => {
  const base = (): Seed => loadSeed(demoSeedPath);

  it('refuses a team naming an unknown person or a project of another organization', () => {
    const seed = base();
    seed.teams = [{ id: 'e'.repeat(24), orgId: seed.orgs[0]!.id, name: 'Ghosts', userIds: ['f'.repeat(24)], roles: [{ groupId: 'd'.repeat(24), roleName: 'GROUP_OWNER' }] }];
    const issues = seedSchema.safeParse(seed).error?.issues.map((i) => i.message);
    expect(issues).toEqual(expect.arrayContaining([`team ${'e'.repeat(24)} names unknown user ${'f'.repeat(24)}`, `team ${'e'.repeat(24)} has a role in unknown project ${'d'.repeat(24)}`]));
  });

  it('refuses an invited person without the invitation the specification requires', () => {
    const seed = base();
    const member = seed.users.find((u) => u.username === 'member@demo.test')!;
    member.orgMembershipStatus = 'PENDING';
    expect(seedSchema.safeParse(seed).error?.issues.map((i) => i.message)).toEqual(['an invited person needs invitationCreatedAt and inviterUsername']);
  });
});

describe('loadSeed', () => {
  it('names the file and the problem when the file is missing, not JSON or inconsistent', () => {
    expect(() => loadSeed(path.join(dir, 'missing.json'))).toThrow(/cannot read seed .*missing\.json/);
    const notJson = path.join(dir, 'not.json');
    writeFileSync(notJson, '{');
    expect(() => loadSeed(notJson)).toThrow(/cannot read seed/);
    const inconsistent = path.join(dir, 'inconsistent.json');
    writeFileSync(inconsistent, JSON.stringify({ ...generateSeed({ keys: 3, projects: 2 }), consoleKey: 'f'.repeat(24) }));
    expect(() => loadSeed(inconsistent)).toThrow(/invalid seed .*consoleKey/);
  });

  it('refuses duplicate ids and roles pointing nowhere', () => {
    const seed = generateSeed({ keys: 3, projects: 2 });
    const [a, b] = seed.apiKeys;
    const duplicated = { ...seed, apiKeys: [a, { ...b, id: a!.id }] };
    expect(seedSchema.safeParse(duplicated).error?.issues.map((i) => i.message)).toContain(`duplicate API key id ${a!.id}`);
    const dangling = { ...seed, users: [{ ...seed.users[0]!, roles: [{ groupId: 'f'.repeat(24), roleName: 'GROUP_OWNER' }] }] };
    expect(seedSchema.safeParse(dangling).success).toBe(false);
  });
});

describe('generateSeed', () => {
  it('is deterministic for a given seed number and differs between numbers', () => {
    expect(generateSeed({ keys: 50, projects: 5, seed: 7 })).toEqual(generateSeed({ keys: 50, projects: 5, seed: 7 }));
    expect(generateSeed({ keys: 50, projects: 5, seed: 7 })).not.toEqual(generateSeed({ keys: 50, projects: 5, seed: 8 }));
  });

  it.each([
    [1100, 40],
    [500, 200],
  ])('makes %i keys × %i projects with a varied role distribution', (keys, projects) => {
    const seed = generateSeed({ keys, projects });
    expect(seed.apiKeys).toHaveLength(keys);
    expect(seed.projects).toHaveLength(projects);
    expect(new Set(seed.projects.map((p) => p.name)).size).toBe(projects);
    const counts = seed.apiKeys.map((k) => projectCount(seed, k.roles));
    expect(counts.filter((c) => c === 0).length).toBeGreaterThan(keys * 0.03);
    expect(counts.filter((c) => c >= 3).length).toBeGreaterThan(keys * 0.1);
    const roleNames = new Set(seed.apiKeys.flatMap((k) => k.roles.map((r) => r.roleName)));
    expect(roleNames.size).toBeGreaterThanOrEqual(15);
    const inFirst = seed.apiKeys.filter((k) => k.roles.some((r) => r.groupId === seed.projects[0]!.id)).length;
    expect(inFirst).toBeGreaterThan(keys * 0.4);
    expect(seed.apiKeys.filter((k) => k.accessList).length).toBeGreaterThan(keys * 0.2);
    expectDemoPeople(seed);
  });

  it('refuses sizes it cannot honour', () => {
    expect(() => generateSeed({ keys: 0, projects: 3 })).toThrow(RangeError);
    expect(() => generateSeed({ keys: 10, projects: 1 })).toThrow(RangeError);
    expect(() => generateSeed({ keys: 1.5, projects: 3 })).toThrow(RangeError);
  });
});
