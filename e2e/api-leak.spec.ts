import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { demoProjects, e2eEmulator, signedInApi } from './support/api';
import { e2eConsole } from './support/servers';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

test("the console's private key appears in no answer, no static file and no log line", async () => {
  const state = await e2eEmulator.state();
  const secret = state.apiKeys.find((k) => k.id === state.consoleKey)!.privateKey;
  const { p1, orgId } = await demoProjects();
  const api = await signedInApi('orgowner');
  const seen: string[] = [];
  const record = async (answer: { text: () => Promise<string>; headersArray: () => { name: string; value: string }[] }) => {
    seen.push(await answer.text(), JSON.stringify(answer.headersArray()));
  };

  await record(await api.get('/api/groups'));
  await record(await api.get(`/api/groups/${p1.id}/apiKeys`));
  await record(await api.get(`/api/orgs/${orgId}/apiKeys`));
  const created = await api.post(`/api/groups/${p1.id}/apiKeys`, { data: { desc: 'leak test', roles: ['GROUP_READ_ONLY'] } });
  await record(created);
  const key = (await created.json()) as { id: string };
  await record(await api.patch(`/api/groups/${p1.id}/apiKeys/${key.id}`, { data: { roles: ['GROUP_OWNER'] } }));
  await record(await api.patch(`/api/groups/${p1.id}/apiKeys/${key.id}`, { data: { roles: ['NOT_A_ROLE'] } }));
  await record(await api.delete(`/api/groups/${p1.id}/apiKeys/${key.id}`));
  await record(await api.get('/api/health'));
  for (const page of ['/projects', `/projects/${p1.id}`, '/audit', '/activity', '/signin']) await record(await api.get(page));

  for (const text of seen) expect(text).not.toContain(secret);

  const staticFiles = filesUnder(path.resolve(__dirname, '..', '.next', 'static'));
  expect(staticFiles.length).toBeGreaterThan(0);
  for (const file of staticFiles) expect(readFileSync(file, 'utf8').includes(secret), file).toBe(false);

  const log = readFileSync(path.join(e2eConsole.dataDir, 'console.log'), 'utf8');
  expect(log.length).toBeGreaterThan(0);
  expect(log).not.toContain(secret);
  await api.dispose();
});

test('roles in projects the person cannot see are counted, never shown', async () => {
  const { p1, p3 } = await demoProjects();
  const orgOwner = await signedInApi('orgowner');
  const created = (await (await orgOwner.post(`/api/groups/${p1.id}/apiKeys`, { data: { desc: 'leak: two projects', roles: ['GROUP_READ_ONLY'] } })).json()) as { id: string };
  expect((await orgOwner.patch(`/api/groups/${p3.id}/apiKeys/${created.id}`, { data: { roles: ['GROUP_OWNER'] } })).status()).toBe(200);
  const state = await e2eEmulator.state();
  expect(state.apiKeys.find((k) => k.id === created.id)?.roles.some((r) => r.groupId === p3.id)).toBe(true);

  const owner = await signedInApi('owner');
  const answers = [
    await owner.get(`/api/groups/${p1.id}/apiKeys`),
    await owner.patch(`/api/groups/${p1.id}/apiKeys/${created.id}`, { data: { roles: ['GROUP_OWNER'] } }),
    await owner.get(`/api/orgs/${state.orgs[0]!.id}/apiKeys`),
  ];
  for (const answer of answers) {
    expect(answer.status()).toBe(200);
    expect(await answer.text()).not.toContain(p3.id);
  }
  const list = (await answers[0]!.json()) as { results: { id: string; hiddenProjects?: number }[] };
  expect(list.results.find((k) => k.id === created.id)?.hiddenProjects).toBe(1);
  await owner.dispose();
  await orgOwner.dispose();
});

test('a created or rotated service account secret appears in exactly one answer, and in no log line', async () => {
  const { p1, orgId } = await demoProjects();
  const api = await signedInApi('orgowner');
  const answers: string[] = [];
  const record = async (answer: { text: () => Promise<string>; headersArray: () => { name: string; value: string }[] }) => {
    const text = await answer.text();
    answers.push(`${text}${JSON.stringify(answer.headersArray())}`);
    return text;
  };
  const base = `/api/groups/${p1.id}/serviceAccounts`;
  const created = JSON.parse(await record(await api.post(base, { data: { name: 'leak test', description: '', roles: ['GROUP_READ_ONLY'], secretExpiresAfterHours: 24 } }))) as {
    clientId: string;
    secrets: { id: string; secret: string }[];
  };
  const first = created.secrets[0]!;
  const rotated = JSON.parse(await record(await api.post(`${base}/${created.clientId}/secrets`, { data: { secretExpiresAfterHours: 48 } }))) as { id: string; secret: string };
  await record(await api.get(base));
  await record(await api.get(`/api/orgs/${orgId}/serviceAccounts`));
  await record(await api.patch(`${base}/${created.clientId}`, { data: { roles: ['GROUP_OWNER'] } }));
  await record(await api.delete(`${base}/${created.clientId}/secrets/${first.id}`));
  await record(await api.get('/api/audit'));
  await record(await api.get(`/api/activity?groupId=${p1.id}`));
  await record(await api.get(`/api/activity?groupId=${p1.id}&format=csv`));
  await record(await api.get(`/projects/${p1.id}?view=serviceAccounts`));
  await record(await api.delete(`${base}/${created.clientId}`));

  for (const secret of [first.secret, rotated.secret]) {
    expect(secret).toMatch(/^mdb_sa_sk_/);
    expect(answers.filter((text) => text.includes(secret))).toHaveLength(1);
  }
  const log = readFileSync(path.join(e2eConsole.dataDir, 'console.log'), 'utf8');
  for (const secret of [first.secret, rotated.secret]) expect(log).not.toContain(secret);
  await api.dispose();
});
