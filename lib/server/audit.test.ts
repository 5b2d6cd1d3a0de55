// GET /api/audit over an emulated organization of 500 keys × 200 projects (Atlas's size limits): the matrix and summary
// against a plain computation from the seed, per person, and what the audit costs upstream, cold and warm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditReport, type AuditReport } from '@/lib/api/audit';
import type { Seed } from '@/lib/emulator/seed';
import { generateSeed } from '@/lib/emulator/seeds/generate';
import { startHarness, type Harness } from '@/lib/testing/console-harness';

const orgOwnerEmail = 'orgowner@demo.test';
const pageSize = 500;

let harness: Harness;
let seed: Seed;

beforeAll(async () => {
  seed = generateSeed({ keys: 500, projects: 200 });
  harness = await startHarness(seed);
});

afterAll(async () => {
  await harness?.close();
});

function orgIdOf(s: Seed): string {
  const consoleKey = s.apiKeys.find((k) => k.id === s.consoleKey);
  if (!consoleKey) throw new Error('seed without console key');
  return consoleKey.orgId;
}

/** The audit as the seed says it should be, written out plainly and independently of lib/server/audit-report. */
function expectedAudit(s: Seed, email: string, { manyProjects = 3, manyOwnerKeys = 2, unusedDays = 90, now = Date.now() } = {}) {
  const consolePublicKey = s.apiKeys.find((k) => k.id === s.consoleKey)!.publicKey;
  const orgId = orgIdOf(s);
  const person = s.users.find((u) => u.emailAddress.toLowerCase() === email.toLowerCase());
  const personOrgRoles = (person?.roles ?? []).filter((r) => r.orgId === orgId).map((r) => r.roleName);
  const seesAll = personOrgRoles.includes('ORG_OWNER');

  const visibleProjects: { id: string; name: string }[] = [];
  for (const project of s.projects) {
    if (project.orgId !== orgId) continue;
    const hasRole = (person?.roles ?? []).some((r) => r.groupId === project.id);
    if (seesAll || hasRole) visibleProjects.push({ id: project.id, name: project.name });
  }
  const visible = new Set(visibleProjects.map((p) => p.id));

  type Usage = { lastUsed?: string; accessListEntries: number };
  const keys = new Map<string, { desc: string; publicKey: string; orgRoles: string[]; projects: Record<string, string[]>; isConsoleKey?: boolean } & Usage>();
  for (const key of s.apiKeys) {
    if (key.orgId !== orgId) continue;
    const orgRoles: string[] = [];
    const projects: Record<string, string[]> = {};
    for (const role of key.roles) {
      if (role.orgId === orgId) orgRoles.push(role.roleName);
      if (role.groupId && visible.has(role.groupId)) {
        if (!projects[role.groupId]) projects[role.groupId] = [];
        projects[role.groupId]!.push(role.roleName);
      }
    }
    if (!seesAll && Object.keys(projects).length === 0) continue;
    for (const id of Object.keys(projects)) projects[id]!.sort();
    // Last use: the latest lastUsed over the key's access list entries, straight from the seed.
    const usage: Usage = { accessListEntries: key.accessList?.length ?? 0 };
    for (const entry of key.accessList ?? []) {
      if (entry.lastUsed && (!usage.lastUsed || Date.parse(entry.lastUsed) > Date.parse(usage.lastUsed))) usage.lastUsed = new Date(entry.lastUsed).toISOString();
    }
    keys.set(key.id, {
      desc: key.desc,
      publicKey: key.publicKey,
      orgRoles: orgRoles.sort(),
      projects,
      ...(key.publicKey === consolePublicKey ? { isConsoleKey: true } : {}),
      ...usage,
    });
  }

  let accessGrantingKeys = 0;
  let keysInNoProject = 0;
  let keysInManyProjects = 0;
  let orgWideOwnerKeys = 0;
  let unused = 0;
  let keysWithoutAccessList = 0;
  for (const key of keys.values()) {
    if (key.lastUsed && (now - Date.parse(key.lastUsed)) / 86_400_000 >= unusedDays) unused++;
    if (key.accessListEntries === 0) keysWithoutAccessList++;
    const all = [...key.orgRoles, ...Object.values(key.projects).flat()];
    if (all.includes('ORG_OWNER') || all.includes('GROUP_OWNER') || all.includes('GROUP_USER_ADMIN')) accessGrantingKeys++;
    const reach = Object.keys(key.projects).length;
    if (reach === 0) keysInNoProject++;
    if (reach > manyProjects) keysInManyProjects++;
    if (key.orgRoles.includes('ORG_OWNER')) orgWideOwnerKeys++;
  }
  let projectsWithManyOwnerKeys = 0;
  for (const project of visibleProjects) {
    let owners = 0;
    for (const key of keys.values()) {
      if (key.projects[project.id]?.includes('GROUP_OWNER')) owners++;
    }
    if (owners > manyOwnerKeys) projectsWithManyOwnerKeys++;
  }

  return {
    projects: visibleProjects,
    keys,
    // Ops Manager's surface (the harness's default) has no service accounts: their figures are 0 here and checked in
    // audit-service-accounts.test.ts on Cloud Manager's.
    summary: {
      keys: keys.size,
      accessGrantingKeys,
      keysInNoProject,
      keysInManyProjects,
      projectsWithManyOwnerKeys,
      orgWideOwnerKeys,
      orgWideOwnerServiceAccounts: 0,
      unused,
      keysWithoutAccessList,
      serviceAccountsWithoutAccessList: 0,
      serviceAccounts: 0,
      expiringSecrets: 0,
    },
  };
}

async function getAudit(email: string, query = ''): Promise<AuditReport> {
  const answer = await harness.call('GET', `/api/audit${query}`, { as: email });
  expect(answer.status).toBe(200);
  expect(answer.headers.get('cache-control')).toBe('no-store');
  return auditReport.parse(await answer.json());
}

function expectMatches(report: AuditReport, expected: ReturnType<typeof expectedAudit>) {
  expect(report.summary).toEqual(expected.summary);
  expect(new Set(report.projects.map((p) => `${p.id} ${p.name}`))).toEqual(new Set(expected.projects.map((p) => `${p.id} ${p.name}`)));
  expect(report.keys).toHaveLength(expected.keys.size);
  for (const key of report.keys) {
    const want = expected.keys.get(key.id);
    expect(want, `key ${key.id}`).toBeDefined();
    expect({
      desc: key.desc,
      publicKey: key.publicKey,
      orgRoles: key.orgRoles,
      projects: key.projects,
      ...(key.isConsoleKey ? { isConsoleKey: true } : {}),
      ...(key.lastUsed ? { lastUsed: key.lastUsed } : {}),
      accessListEntries: key.accessListEntries,
    }).toEqual(want);
  }
}

/** A person with roles in some projects of the organization, but not all, and no Organization Owner role. */
function projectOnlyPerson(s: Seed): string {
  const orgId = orgIdOf(s);
  const projectCount = s.projects.filter((p) => p.orgId === orgId).length;
  const candidates = s.users
    .filter((u) => !u.roles.some((r) => r.orgId === orgId && r.roleName === 'ORG_OWNER'))
    .map((u) => ({ email: u.emailAddress, projects: new Set(u.roles.filter((r) => r.groupId).map((r) => r.groupId)).size }))
    .filter((u) => u.projects > 0 && u.projects < projectCount)
    .sort((a, b) => b.projects - a.projects);
  if (!candidates[0]) throw new Error('the generated seed has no person with roles in only some projects');
  return candidates[0].email;
}

/** Upstream calls that did work: a Digest challenge (401 then retried) is the handshake, not a call. */
async function upstreamCalls() {
  const requests = await harness.upstreamRequests();
  return requests.filter((r) => !(r.status === 401 && r.challenged)).map((r) => `${r.method} ${r.path.split('?')[0]}`);
}

const countMatching = (calls: string[], pattern: RegExp) => calls.filter((c) => pattern.test(c)).length;

describe('GET /api/audit on a generated organization', () => {
  it('is big enough to matter', () => {
    const orgId = orgIdOf(seed);
    expect(seed.apiKeys.filter((k) => k.orgId === orgId).length).toBe(500);
    expect(seed.projects.filter((p) => p.orgId === orgId).length).toBe(200);
  });

  it('shows an Organization Owner every key in every project and its last use, as the seed says, for ⌈keys/500⌉ + ⌈projects/500⌉ + 1 calls and one access list per key when cold', async () => {
    await harness.clearUpstreamRequests();
    const report = await getAudit(orgOwnerEmail);
    const expected = expectedAudit(seed, orgOwnerEmail, { now: Date.parse(report.generatedAt) });
    expectMatches(report, expected);
    // The seed has keys of every kind: used lately, unused for long, and without an access list.
    expect(expected.summary.unused).toBeGreaterThan(0);
    expect(expected.summary.keysWithoutAccessList).toBeGreaterThan(0);
    expect(report.keys.filter((k) => k.lastUsed).length).toBeGreaterThan(0);

    const orgId = orgIdOf(seed);
    const keyPages = Math.ceil(seed.apiKeys.filter((k) => k.orgId === orgId).length / pageSize);
    const projectPages = Math.ceil(seed.projects.filter((p) => p.orgId === orgId).length / pageSize);
    const calls = await upstreamCalls();
    expect(countMatching(calls, /^GET .*\/orgs\/[0-9a-f]{24}\/apiKeys$/)).toBe(keyPages);
    expect(countMatching(calls, /^GET .*\/orgs\/[0-9a-f]{24}\/groups$/)).toBe(projectPages);
    expect(countMatching(calls, /^GET .*\/orgs\/[0-9a-f]{24}\/users$/)).toBe(1);
    // The organization's name (cached 5 minutes and fetched by every page's layout first) comes along with the
    // project list in a cold process; it is not part of the audit's own cost.
    const orgDetails = countMatching(calls, /^GET .*\/orgs\/[0-9a-f]{24}$/);
    expect(orgDetails).toBeLessThanOrEqual(1);
    const accessLists = countMatching(calls, /^GET .*\/orgs\/[0-9a-f]{24}\/apiKeys\/[0-9a-f]{24}\/accessList$/);
    expect(accessLists).toBe(report.keys.length);
    expect(calls, calls.join('\n')).toHaveLength(keyPages + projectPages + 1 + orgDetails + accessLists);
    // Never one call per project.
    expect(countMatching(calls, /\/groups\/[0-9a-f]{24}/)).toBe(0);
  });

  it('shows a project-only person their projects only, and costs only the org-keys pages when warm (access lists reused)', async () => {
    const email = projectOnlyPerson(seed);
    await harness.clearUpstreamRequests();
    const report = await getAudit(email);
    const expected = expectedAudit(seed, email, { now: Date.parse(report.generatedAt) });
    expectMatches(report, expected);

    // Projects the person has no role in are not hinted at: no id, no name.
    const hidden = seed.projects.filter((p) => !expected.projects.some((v) => v.id === p.id));
    expect(hidden.length).toBeGreaterThan(0);
    const text = JSON.stringify(report);
    for (const project of hidden) expect(text).not.toContain(project.id);

    const orgId = orgIdOf(seed);
    const keyPages = Math.ceil(seed.apiKeys.filter((k) => k.orgId === orgId).length / pageSize);
    const calls = await upstreamCalls();
    expect(calls, calls.join('\n')).toHaveLength(keyPages);
    expect(countMatching(calls, /^GET .*\/orgs\/[0-9a-f]{24}\/apiKeys$/)).toBe(keyPages);
  });

  it('applies the thresholds from the query', async () => {
    const report = await getAudit(orgOwnerEmail, '?manyProjects=1&manyOwnerKeys=0&unusedDays=400');
    expect(report.thresholds).toEqual({ manyProjects: 1, manyOwnerKeys: 0, manyOrgOwnerKeys: 2, unusedDays: 400 });
    const expected = expectedAudit(seed, orgOwnerEmail, { manyProjects: 1, manyOwnerKeys: 0, unusedDays: 400, now: Date.parse(report.generatedAt) });
    expect(report.summary).toEqual(expected.summary);
    expect(expected.summary.unused).toBeLessThan(expectedAudit(seed, orgOwnerEmail, { now: Date.parse(report.generatedAt) }).summary.unused);
  });

  it('refuses bad thresholds before any upstream call, and anonymous callers', async () => {
    await harness.clearUpstreamRequests();
    const bad = await harness.call('GET', '/api/audit?manyProjects=-1', { as: orgOwnerEmail });
    expect(bad.status).toBe(400);
    const unknown = await harness.call('GET', '/api/audit?groupId=x', { as: orgOwnerEmail });
    expect(unknown.status).toBe(400);
    const anonymous = await harness.call('GET', '/api/audit');
    expect(anonymous.status).toBe(401);
    expect(await upstreamCalls()).toEqual([]);
  });
});
