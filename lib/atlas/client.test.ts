import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { orgRolesOf, projectRolesOf } from '@/lib/api/role-assignments';
import { apiKey } from '@/lib/api/schemas';
import { generateSeed } from '@/lib/emulator/seeds/generate';
import type { AtlasClient } from './client';
import { UpstreamError } from './errors';
import { startEmulatorFixture, testFlavors, type AuthKind, type EmulatorFixture } from './testing/emulator-fixture';

// 1,100 keys: the organization's list spans three pages of 500, the busiest project's two.
const seed = generateSeed({ keys: 1_100, projects: 12 });
const [busy, quiet] = seed.projects;
if (!busy || !quiet) throw new Error('the generated seed has projects');
const inProject = (groupId: string) => seed.apiKeys.filter((k) => k.roles.some((r) => r.groupId === groupId));
const sorted = <T>(items: T[]) => [...items].sort();
const redacted = /^\*{8}-\*{4}-\*{4}-[0-9a-f]{12}$/;

let fixture: EmulatorFixture;
beforeAll(async () => {
  fixture = await startEmulatorFixture(seed);
});
afterAll(() => fixture.close());

const combos = testFlavors.flatMap((flavor) => (['digest', 'oauth'] as AuthKind[]).map((auth) => ({ flavor, auth })));

describe.each(combos)('$flavor.flavor with $auth', ({ flavor, auth }) => {
  let atlas: AtlasClient;
  beforeAll(() => {
    atlas = fixture.client(flavor, auth);
  });
  beforeEach(async () => {
    await fixture.reset();
  });

  it('tells its flavor and organization', () => {
    expect(atlas.flavor).toBe(flavor.flavor);
    expect(atlas.orgId).toBe(fixture.orgId);
  });

  it("gathers every page of a project's keys, as the console's ApiKey without links", async () => {
    const expected = inProject(busy.id);
    expect(expected.length).toBeGreaterThan(500);
    const list = await atlas.listProjectKeys(busy.id);
    expect(list.totalCount).toBe(expected.length);
    expect(sorted(list.results.map((k) => k.id))).toEqual(sorted(expected.map((k) => k.id)));
    for (const key of list.results) {
      expect(Object.keys(key).sort()).toEqual(['desc', 'id', 'privateKey', 'publicKey', 'roles']);
      expect(apiKey.parse(key)).toEqual(key);
      expect(key.privateKey).toMatch(redacted);
    }
    const pages = (await fixture.requests()).filter((r) => r.path.endsWith(`/groups/${busy.id}/apiKeys`) && r.status === 200);
    expect(pages.map((r) => [r.query.pageNum, r.query.itemsPerPage])).toEqual([
      ['1', '500'],
      ['2', '500'],
    ]);
  });

  it("gathers the organization's 1,100 keys and reads one", async () => {
    const list = await atlas.listOrgKeys();
    expect(list.totalCount).toBe(1_100);
    expect(new Set(list.results.map((k) => k.id)).size).toBe(1_100);
    const sample = seed.apiKeys[777];
    if (!sample) throw new Error('seed too small');
    const key = await atlas.getOrgKey(sample.id);
    expect(key).toEqual({ id: sample.id, desc: sample.desc, publicKey: sample.publicKey, privateKey: expect.stringMatching(redacted), roles: sample.roles });
    expect(list.results.find((k) => k.id === sample.id)).toEqual(key);
  });

  it('reads the organization and its projects', async () => {
    const org = seed.orgs[0];
    expect(await atlas.getOrg()).toEqual({ id: org?.id, name: org?.name });
    const projects = await atlas.listProjects();
    expect(projects.totalCount).toBe(seed.projects.length);
    expect(sorted(projects.results.map((p) => JSON.stringify(p)))).toEqual(sorted(seed.projects.map((p) => JSON.stringify({ id: p.id, name: p.name, orgId: p.orgId }))));
    expect(await atlas.getProject(quiet.id)).toEqual({ id: quiet.id, name: quiet.name, orgId: quiet.orgId });
  });

  it('reads the people of a project and of the organization with their roles as role assignments', async () => {
    const projectUsers = await atlas.listProjectUsers(busy.id);
    const expectedInProject = seed.users.filter((u) => u.roles.some((r) => r.groupId === busy.id));
    expect(projectUsers.totalCount).toBe(expectedInProject.length);
    for (const person of expectedInProject) {
      const found = projectUsers.results.find((u) => u.id === person.id);
      expect(found?.username).toBe(person.username);
      expect(projectRolesOf(found ?? { roles: [] }, busy.id)).toEqual(projectRolesOf(person, busy.id));
    }
    const orgUsers = await atlas.listOrgUsers();
    expect(orgUsers.totalCount).toBe(seed.users.length);
    for (const person of seed.users) {
      const found = orgUsers.results.find((u) => u.id === person.id);
      const roleKey = (r: { groupId?: string; orgId?: string; roleName: string }) => `${r.groupId ?? ''}/${r.orgId ?? ''}/${r.roleName}`;
      expect(sorted((found?.roles ?? []).map(roleKey))).toEqual(sorted(person.roles.map(roleKey)));
      expect(orgRolesOf(found ?? { roles: [] }, fixture.orgId)).toEqual(orgRolesOf(person, fixture.orgId));
      expect(found?.emailAddress ?? found?.username).toBe(person.emailAddress);
    }
  });

  it('hands out an unchanged list as the same frozen value, and a changed one afresh', async () => {
    const first = await atlas.listProjectKeys(quiet.id);
    const again = await atlas.listProjectKeys(quiet.id);
    expect(again).toBe(first);
    expect(Object.isFrozen(first.results[0]?.roles)).toBe(true);
    const spare = seed.apiKeys.find((k) => k.id !== seed.consoleKey && !k.roles.some((r) => r.groupId === quiet.id) && k.roles.some((r) => r.groupId));
    if (!spare) throw new Error('no spare key');
    await atlas.assignKey(quiet.id, spare.id, [flavor.roles[0]]);
    const changed = await atlas.listProjectKeys(quiet.id);
    expect(changed.totalCount).toBe(first.totalCount + 1);
    expect(changed.results.map((k) => k.id)).toContain(spare.id);
  });

  it('creates a key (private key shown once), assigns an org key, replaces its roles and unassigns it', async () => {
    const [common, other] = flavor.roles;
    const created = await atlas.createProjectKey(quiet.id, { desc: 'Integration test key', roles: [common] });
    expect(created.privateKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(created.desc).toBe('Integration test key');
    expect(created.roles).toEqual([{ groupId: quiet.id, roleName: common }]);
    expect(Object.keys(created)).not.toContain('links');

    const spare = seed.apiKeys.find((k) => k.id !== seed.consoleKey && !k.roles.some((r) => r.groupId === quiet.id) && k.roles.some((r) => r.groupId));
    if (!spare) throw new Error('no spare key');
    const assigned = await atlas.assignKey(quiet.id, spare.id, [common]);
    expect(assigned.id).toBe(spare.id);
    expect(projectRolesOf(assigned, quiet.id)).toEqual([common]);
    // Its roles elsewhere stay as they were.
    expect(assigned.roles.filter((r) => r.groupId !== quiet.id)).toEqual(spare.roles);

    const updated = await atlas.updateKeyRoles(quiet.id, spare.id, [other]);
    expect(projectRolesOf(updated, quiet.id)).toEqual([other]);

    await expect(atlas.unassignKey(quiet.id, spare.id)).resolves.toBeUndefined();
    const after = await atlas.getOrgKey(spare.id);
    expect(after.roles).toEqual(spare.roles);
    expect(projectRolesOf(await atlas.getOrgKey(created.id), quiet.id)).toEqual([common]);
  });

  it('passes upstream errors on with their status, code and detail', async () => {
    const missing = 'ffffffffffffffffffffffff';
    const error = await atlas.getProject(missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ kind: 'upstream', status: 404, errorCode: 'GROUP_NOT_FOUND', detail: `No group with ID ${missing} exists.` });
  });

  it('refuses ids that are not 24 hex digits before any request', async () => {
    await fixture.clearRequests();
    await expect(atlas.listProjectKeys('abcdefgh')).rejects.toThrow(RangeError);
    await expect(atlas.unassignKey(busy.id, '../../orgs')).rejects.toThrow(RangeError);
    expect(await fixture.requests()).toEqual([]);
  });
});

describe('Atlas v2 specifics', () => {
  const v2 = testFlavors.find((f) => f.flavor === 'atlas-v2');
  if (!v2) throw new Error('no v2 flavor');
  beforeEach(() => fixture.reset());

  it('assigns with a POST of an array, and reads the key back when the answer has no body', async () => {
    const atlas = fixture.client(v2, 'digest');
    const spare = seed.apiKeys.find((k) => k.id !== seed.consoleKey && !k.roles.some((r) => r.groupId === quiet.id));
    if (!spare) throw new Error('no spare key');
    await atlas.getOrg();
    await fixture.clearRequests();
    // An answer without a body, as recent API versions give.
    await fixture.fault({ method: 'POST', path: `/apiKeys/${spare.id}$`, status: 204 });
    const key = await atlas.assignKey(quiet.id, spare.id, ['GROUP_READ_ONLY']);
    expect(key.id).toBe(spare.id);
    const log = await fixture.requests();
    expect(log.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /api/atlas/v2/groups/${quiet.id}/apiKeys/${spare.id}`,
      `GET /api/atlas/v2/orgs/${fixture.orgId}/apiKeys/${spare.id}`,
    ]);
  });

  it('speaks the versioned media type', async () => {
    const atlas = fixture.client(v2, 'oauth');
    // Without it the emulator, like Atlas, answers 406 INVALID_VERSION_DATE; so every call succeeding is the proof.
    await expect(atlas.listProjects()).resolves.toMatchObject({ totalCount: seed.projects.length });
    await expect(atlas.listOrgUsers()).resolves.toMatchObject({ totalCount: seed.users.length });
  });
});
