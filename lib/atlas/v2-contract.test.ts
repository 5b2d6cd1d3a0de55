// The official v2 contract: every request the client sends and every answer the emulator gives, checked against the OpenAPI specification.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, Client } from 'undici';
import { startEmulator, type RunningEmulator } from '@/lib/emulator/server';
import { generateSeed } from '@/lib/emulator/seeds/generate';
import { createAtlasClient, type AtlasClient } from './client';
import { loadContract, type Contract } from './testing/openapi-contract';
import { startRecordingProxy, type RecordedExchange, type RecordingProxy } from './testing/recording-proxy';
import { surfaceClient, testSurfaces } from '@/lib/emulator/testing/surface-client';

// 600 keys: the organization's list takes two pages, so paging parameters are part of the traffic. v2's name pattern
// admits no space and the generated names have some: that is the seed's data, not the emulator's behaviour.
const generated = generateSeed({ keys: 600, projects: 3 });
const specName = (name: string) => name.replace(/ /g, '-');
const seed = {
  ...generated,
  orgs: generated.orgs.map((o) => ({ ...o, name: specName(o.name) })),
  projects: generated.projects.map((p) => ({ ...p, name: specName(p.name) })),
};
const [busy, quiet] = seed.projects;
if (!busy || !quiet) throw new Error('the generated seed has projects');
const spare = seed.apiKeys.find((k) => k.id !== seed.consoleKey && !k.roles.some((r) => r.groupId === quiet.id));
const consoleKey = seed.apiKeys.find((k) => k.id === seed.consoleKey);
if (!spare || !consoleKey) throw new Error('the seed has a console key and a spare key');
const unknownProject = 'ffffffffffffffffffffffff';

/** The service account the calls below create, change, rotate, invite and remove. */
const made = { clientId: '', firstSecretId: '' };

type Methods = { [K in keyof AtlasClient as AtlasClient[K] extends (...args: never[]) => unknown ? K : never]: unknown };

/**
 * Drive these client calls, then validate all the traffic captured on the way. Every method of the client is here (the
 * type says so), in an order in which each succeeds; add new operations to the list and the check covers them.
 */
const calls: { [K in keyof Methods]: (atlas: AtlasClient) => Promise<unknown> } = {
  getOrg: (a) => a.getOrg(),
  listProjects: (a) => a.listProjects(),
  getProject: (a) => a.getProject(busy.id),
  listProjectKeys: (a) => a.listProjectKeys(busy.id),
  listOrgKeys: (a) => a.listOrgKeys(),
  getOrgKey: (a) => a.getOrgKey(spare.id),
  listProjectUsers: (a) => a.listProjectUsers(busy.id),
  listOrgUsers: (a) => a.listOrgUsers(),
  listOrgTeams: (a) => a.listOrgTeams(),
  listProjectTeams: (a) => a.listProjectTeams(busy.id),
  // v2 lists invited people among the users: the client refuses before sending anything.
  listOrgInvitations: (a) => expect(a.listOrgInvitations()).rejects.toBeInstanceOf(RangeError),
  createProjectKey: (a) => a.createProjectKey(quiet.id, { desc: 'contract', roles: ['GROUP_READ_ONLY'] }),
  assignKey: (a) => a.assignKey(quiet.id, spare.id, ['GROUP_READ_ONLY']),
  updateKeyRoles: (a) => a.updateKeyRoles(quiet.id, spare.id, ['GROUP_OWNER', 'GROUP_READ_ONLY']),
  unassignKey: (a) => a.unassignKey(quiet.id, spare.id),
  listOrgServiceAccounts: (a) => a.listOrgServiceAccounts(),
  createProjectServiceAccount: async (a) => {
    const account = await a.createProjectServiceAccount(quiet.id, { name: 'contract', description: 'made by the contract test', roles: ['GROUP_READ_ONLY'], secretExpiresAfterHours: 24 });
    made.clientId = account.clientId;
    made.firstSecretId = account.secrets[0]?.id ?? '';
  },
  listProjectServiceAccounts: (a) => a.listProjectServiceAccounts(quiet.id),
  getProjectServiceAccount: (a) => a.getProjectServiceAccount(quiet.id, made.clientId),
  updateServiceAccountRoles: (a) => a.updateServiceAccountRoles(quiet.id, made.clientId, ['GROUP_OWNER', 'GROUP_READ_ONLY']),
  createServiceAccountSecret: (a) => a.createServiceAccountSecret(quiet.id, made.clientId, 48),
  deleteServiceAccountSecret: (a) => a.deleteServiceAccountSecret(quiet.id, made.clientId, made.firstSecretId),
  inviteServiceAccount: (a) => a.inviteServiceAccount(busy.id, made.clientId, ['GROUP_READ_ONLY']),
  listServiceAccountProjects: (a) => a.listServiceAccountProjects(made.clientId),
  // After driveAccessList has given the account entries through its project and its organization, so that the list's
  // items are checked too; the organization's path is the one the client reads.
  listServiceAccountAccessList: async (a) => {
    await driveAccessList(`/groups/${quiet.id}`, made.clientId, 'POST');
    await driveAccessList(`/orgs/${consoleKey.orgId}`, made.clientId, 'POST', '192.0.2.0/24');
    expect(await a.listServiceAccountAccessList(made.clientId)).toHaveLength(3);
    await driveAccessList(`/groups/${quiet.id}`, made.clientId, 'DELETE');
    await driveAccessList(`/orgs/${consoleKey.orgId}`, made.clientId, 'DELETE', '192.0.2.0/24');
    expect(await a.listServiceAccountAccessList(made.clientId)).toHaveLength(1);
  },
  removeProjectServiceAccount: (a) => a.removeProjectServiceAccount(quiet.id, made.clientId),
  // After the changes above, so that there are events to read.
  listKeyEvents: async (a) => {
    await a.listKeyEvents({ until: new Date() });
    await a.listKeyEvents({ groupId: quiet.id, since: new Date(Date.now() - 3_600_000), until: new Date() });
  },
  listAccessList: (a) => a.listAccessList(consoleKey.id),
};

const users2025 = 'application/vnd.atlas.2025-02-19+json';
const serviceAccounts2024 = 'application/vnd.atlas.2024-08-05+json';
const v2Surface = testSurfaces.find((s) => s.versioned);
if (!v2Surface) throw new Error('the emulator has a v2 surface');

/**
 * Operations the console does not send but the emulator answers, so that the teams and invitations the client reads
 * exist: a team with a member, its roles in a project, its users, and an invitation (the tests' fixture data).
 */
const driveEmulatorOnly = async (baseUrl: string): Promise<void> => {
  const call = surfaceClient(baseUrl, v2Surface, { publicKey: consoleKey.publicKey, privateKey: consoleKey.privateKey });
  const team = await call<{ id: string }>('POST', `/orgs/${consoleKey.orgId}/teams`, { name: 'Contract-Team', usernames: ['member@demo.test'] });
  expect(team.status).toBe(200);
  expect((await call('POST', `/groups/${busy.id}/teams`, [{ teamId: team.body.id, roleNames: ['GROUP_OWNER'] }])).status).toBe(200);
  expect((await call('GET', `/orgs/${consoleKey.orgId}/teams/${team.body.id}/users`, undefined, { accept: users2025 })).status).toBe(200);
  const invitation = { username: 'invitee@contract.test', roles: { orgRoles: ['ORG_MEMBER'], groupRoleAssignments: [{ groupId: busy.id, groupRoles: ['GROUP_OWNER'] }] } };
  expect((await call('POST', `/orgs/${consoleKey.orgId}/users`, invitation, { accept: users2025, 'content-type': users2025 })).status).toBe(201);
};

/**
 * The access list changes the console does not send (it only reads the list), through a project (`/groups/{groupId}`)
 * or the organization (`/orgs/{orgId}`): an address and a block added, then the block deleted with its slash encoded,
 * through the same recording proxy so their answers are checked too. The organization's list is read with paging too.
 */
const driveAccessList = async (owner: string, clientId: string, step: 'POST' | 'DELETE', block = '198.51.100.0/24'): Promise<void> => {
  const call = surfaceClient(proxy.url, v2Surface, { publicKey: consoleKey.publicKey, privateKey: consoleKey.privateKey });
  const accessList = `${owner}/serviceAccounts/${clientId}/accessList`;
  const headers = { accept: serviceAccounts2024, 'content-type': serviceAccounts2024 };
  if (step === 'POST') {
    expect((await call('POST', `${accessList}?itemsPerPage=100&includeCount=true`, [{ ipAddress: '203.0.113.9' }, { cidrBlock: block }], headers)).status).toBe(200);
  } else {
    expect((await call('GET', `${accessList}?pageNum=1&itemsPerPage=1&includeCount=false`, undefined, { accept: serviceAccounts2024 })).status).toBe(200);
    expect((await call('DELETE', `${accessList}/${block.replace('/', '%2F')}`, undefined, { accept: serviceAccounts2024 })).status).toBe(204);
  }
};

/** Failures the client meets and must be able to read: their answers are part of the contract too. */
const failingCalls: [string, (atlas: AtlasClient) => Promise<unknown>][] = [
  ['an unknown project', (a) => a.getProject(unknownProject)],
  ["an unknown project's keys", (a) => a.listProjectKeys(unknownProject)],
  ['a service account no longer in the project', (a) => a.getProjectServiceAccount(quiet.id, made.clientId)],
  // Through the organization an account in no project is still there; one of no organization is not.
  ['an unknown service account', (a) => a.listServiceAccountAccessList(`mdb_sa_id_${'f'.repeat(24)}`)],
];

let emulator: RunningEmulator;
let proxy: RecordingProxy;
let contract: Contract;
const agent = new Agent();
const connections: Client[] = [];

beforeAll(async () => {
  contract = loadContract();
  emulator = await startEmulator({ seed, port: 0 });
  proxy = await startRecordingProxy(emulator.url);
  const atlas = createAtlasClient({
    baseUrl: `${proxy.url}/api/atlas/v2`,
    orgId: consoleKey.orgId,
    auth: { kind: 'digest', publicKey: consoleKey.publicKey, privateKey: consoleKey.privateKey },
    dispatcher: agent,
    connection: () => {
      const client = new Client(proxy.url);
      connections.push(client);
      return client;
    },
  });
  await driveEmulatorOnly(proxy.url);
  for (const run of Object.values(calls)) await run(atlas);
  for (const [, run] of failingCalls) await expect(run(atlas)).rejects.toMatchObject({ status: 404 });
});

afterAll(async () => {
  await Promise.all(connections.map((c) => c.close()));
  await agent.close();
  await proxy.close();
  await emulator.close();
});

describe('the Atlas Administration API v2 contract', () => {
  it('drives every method of the client', () => {
    const methods = Object.entries(createAtlasClient({ baseUrl: 'http://127.0.0.1:1/api/atlas/v2', orgId: consoleKey.orgId, auth: { kind: 'digest', publicKey: 'p', privateKey: 'k' } }))
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => name);
    expect(Object.keys(calls).sort()).toEqual(methods.sort());
  });

  it('every request the client sent matches an operation, and every answer the emulator gave is one the operation specifies', () => {
    const traffic = proxy.exchanges.filter((e) => e.target.startsWith('/api/atlas/v2/'));
    const deviations = traffic.flatMap((e) => [...contract.checkRequest(e), ...contract.checkAnswer(e)]);
    const operations = new Set(traffic.map((e) => contract.operationOf(e)));
    const statuses = [...new Set(traffic.map((e) => e.answer.status))].sort().join(', ');
    console.info(
      `v2 contract: ${operations.size} operations, ${traffic.length} requests and ${traffic.length} answers (statuses ${statuses}) checked; ${deviations.length} deviations`,
    );
    expect(operations.size).toBeGreaterThanOrEqual(37);
    expect(deviations).toEqual([]);
  });
});

describe('the contract checker', () => {
  const exchange = (overrides: Partial<RecordedExchange> & Pick<RecordedExchange, 'method' | 'target'>): RecordedExchange => ({
    request: { accept: 'application/vnd.atlas.2023-01-01+json', contentType: undefined, body: '' },
    answer: { status: 200, contentType: 'application/vnd.atlas.2023-01-01+json', body: '{"results":[]}' },
    ...overrides,
  });
  const assign = `/api/atlas/v2/groups/${quiet.id}/apiKeys/${spare.id}`;

  it('finds the deviations it exists for', () => {
    const assignAnswer = { status: 200, contentType: 'application/vnd.atlas.2023-01-01+json', body: '{"id":"x"}' };
    const assigning = { accept: 'application/vnd.atlas.2023-01-01+json', contentType: 'application/vnd.atlas.2023-01-01+json', body: '[{"roles":["GROUP_READ_ONLY"]}]' };
    expect(contract.checkAnswer(exchange({ method: 'POST', target: assign, request: assigning, answer: assignAnswer }))).toEqual([
      'addGroupApiKey answered 200: the specification lists only 204, 401, 403, 404, 429, 500',
    ]);
    expect(contract.checkRequest(exchange({ method: 'POST', target: assign, request: { ...assigning, body: '{"roles":["GROUP_READ_ONLY"]}' } }))[0]).toMatch(
      /request body: \(root\) must be array/,
    );
    const list = `/api/atlas/v2/groups/${busy.id}/apiKeys`;
    expect(contract.checkRequest(exchange({ method: 'GET', target: `${list}?pageNum=0&sort=desc` }))).toEqual([
      `listGroupApiKeys (GET ${list}?pageNum=0&sort=desc): query parameter sort is not listed`,
      `listGroupApiKeys (GET ${list}?pageNum=0&sort=desc): parameters: /pageNum must be >= 1`,
    ]);
    expect(contract.checkRequest(exchange({ method: 'GET', target: list, request: { accept: 'application/json', contentType: undefined, body: '' } }))[0]).toMatch(/Accept application\/json is none of/);
    expect(contract.checkRequest(exchange({ method: 'PUT', target: list }))[0]).toMatch(/no operation of the specification/);
    expect(contract.checkAnswer(exchange({ method: 'GET', target: list, answer: { status: 200, contentType: 'application/vnd.atlas.2023-01-01+json', body: '{"results":[{"id":"nope"}]}' } }))[0]).toMatch(
      /\/results\/0\/id must match pattern/,
    );
  });
});
