import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { demoProjects, emulatorState, signedInApi } from './support/api';
import { e2eConsole } from './support/servers';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

test("the console's private key appears in no answer, no static file and no log line", async () => {
  const state = await emulatorState();
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
