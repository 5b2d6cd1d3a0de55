import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import type { RunningEmulator } from '@/lib/emulator/server';
import { emulatorControls } from '@/lib/emulator/testing/control-client';
import { signInDemo, spawnConsole, startDemoEmulator, stopProcess, waitUntilHealthy } from '@/lib/testing/next-console';
import { e2eConsole } from './support/servers';

// Two production consoles on one emulator and one PostgreSQL database, as behind a load balancer.
const server = 'postgresql://postgres@127.0.0.1:5432';
const database = `e2e_instances_${randomBytes(6).toString('hex')}`;
const basePort = Number(new URL(e2eConsole.url).port);
const urls = [`http://127.0.0.1:${basePort + 6}`, `http://127.0.0.1:${basePort + 7}`] as const;
const perMinute = 30;

const dataDir = mkdtempSync(path.join(tmpdir(), 'instances-test-'));
let emulator: RunningEmulator;
let consoles: ChildProcess[] = [];

async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${server}/postgres` });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

interface Change {
  id: string;
  apiKeyId: string | null;
  actor: string;
  outcome: string;
  settledBy: string | null;
  rolesAfter: string[];
}

async function history(url: string, cookie: string, groupId: string): Promise<Change[]> {
  const answer = await fetch(`${url}/api/activity?groupId=${groupId}&limit=1000`, { headers: { cookie } });
  return ((await answer.json()) as { results: Change[] }).results;
}

function patch(url: string, cookie: string, groupId: string, apiKeyId: string, body: object): Promise<Response> {
  return fetch(`${url}/api/groups/${groupId}/apiKeys/${apiKeyId}`, {
    method: 'PATCH',
    headers: { cookie, 'Content-Type': 'application/json', Origin: url },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
}

function rolesIn(apiKeyId: string, groupId: string): string[] {
  const key = emulator.snapshot().apiKeys.find((k) => k.id === apiKeyId)!;
  return key.roles.filter((r) => r.groupId === groupId).map((r) => r.roleName).sort();
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await onServer(`create database ${database}`);
  emulator = await startDemoEmulator();
  const env = { DATABASE_URL: `${server}/${database}`, MUTATIONS_PER_MINUTE: String(perMinute), ATLAS_TIMEOUT_MS: '5000' };
  consoles = urls.map((url) => spawnConsole({ port: Number(new URL(url).port), emulatorUrl: emulator.url, seed: emulator.snapshot(), dataDir, env, stdio: 'inherit' }));
  await Promise.all(urls.map((url) => waitUntilHealthy(url)));
});

test.afterAll(async () => {
  await Promise.all(consoles.map(stopProcess));
  await emulator?.close();
  await onServer(`drop database if exists ${database} with (force)`);
  rmSync(dataDir, { recursive: true, force: true });
});

test('20 guarded changes of one key split across both consoles: one succeeds, 19 answer 409, state and history agree', async () => {
  const state = emulator.snapshot();
  const groupId = state.users.find((u) => u.emailAddress === 'owner@demo.test')!.roles.find((r) => r.roleName === 'GROUP_OWNER')!.groupId!;
  const key = state.apiKeys.find((k) => k.id !== state.consoleKey && k.roles.some((r) => r.groupId === groupId))!;
  const expectedRoles = rolesIn(key.id, groupId);
  const choices = [['GROUP_OWNER'], ['GROUP_READ_ONLY'], ['GROUP_DATA_ACCESS_READ_ONLY', 'GROUP_READ_ONLY']].filter(
    (roles) => JSON.stringify(roles) !== JSON.stringify(expectedRoles),
  );
  const cookies = await Promise.all(urls.map((url) => signInDemo(url, 'orgowner@demo.test')));
  // Slow reads of the key: without a lock across instances, both consoles would read the same roles and both write.
  await emulatorControls(emulator.url).fault({ method: 'GET', path: `/apiKeys/${key.id}$`, delayMs: 150, times: 20 });

  const requests = Array.from({ length: 20 }, (_, i) => ({ console: i % 2, roles: choices[i % choices.length]! }));
  const answers = await Promise.all(
    requests.map(async (request) => {
      const answer = await patch(urls[request.console]!, cookies[request.console]!, groupId, key.id, { roles: request.roles, expectedRoles });
      return { ...request, status: answer.status, body: (await answer.json()) as { errorCode?: string } };
    }),
  );

  expect(answers.map((a) => `${a.status} ${a.body.errorCode ?? 'ok'}`).sort()).toEqual(['200 ok', ...Array<string>(19).fill('409 ROLES_CHANGED')]);
  const winners = answers.filter((a) => a.status === 200);
  expect(new Set(answers.map((a) => a.console))).toEqual(new Set([0, 1]));
  const applied = [...winners[0]!.roles].sort();
  expect(rolesIn(key.id, groupId)).toEqual(applied);
  const records = (await history(urls[1], cookies[1]!, groupId)).filter((r) => r.apiKeyId === key.id);
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({ outcome: 'success', settledBy: null, rolesAfter: applied });
});

test('the mutation limit counts one person’s changes across both consoles', async () => {
  const state = emulator.snapshot();
  const groupId = state.users.find((u) => u.emailAddress === 'useradmin@demo.test')!.roles.find((r) => r.roleName === 'GROUP_USER_ADMIN')!.groupId!;
  const cookies = await Promise.all(urls.map((url) => signInDemo(url, 'useradmin@demo.test')));
  // A key no organization has: each request takes a token, then the upstream answers it is not found.
  const missingKey = randomBytes(12).toString('hex');
  const statuses = await Promise.all(
    Array.from({ length: 40 }, async (_, i) => (await patch(urls[i % 2]!, cookies[i % 2]!, groupId, missingKey, { roles: ['GROUP_READ_ONLY'] })).status),
  );
  const accepted = statuses.filter((status) => status !== 429).length;
  // Each console alone would accept all of its 20; together they hold to the budget (plus a token refilled meanwhile).
  expect(accepted).toBeGreaterThanOrEqual(perMinute);
  expect(accepted).toBeLessThanOrEqual(perMinute + 2);
});

test('a console killed between intent and write has its record settled by the other', async () => {
  test.setTimeout(120_000);
  const state = emulator.snapshot();
  const groupId = state.users.find((u) => u.emailAddress === 'owner@demo.test')!.roles.find((r) => r.roleName === 'GROUP_OWNER')!.groupId!;
  const key = state.apiKeys.filter((k) => k.id !== state.consoleKey && k.roles.some((r) => r.groupId === groupId))[1]!;
  const requested = rolesIn(key.id, groupId).includes('GROUP_OWNER') ? ['GROUP_READ_ONLY'] : ['GROUP_OWNER'];
  const [killedCookie, survivorCookie] = await Promise.all(urls.map((url) => signInDemo(url, 'owner@demo.test')));

  // The upstream holds the write long enough for the first console to die with the intent written and no outcome.
  await emulatorControls(emulator.url).fault({ method: 'PATCH', path: `/apiKeys/${key.id}$`, delayMs: 3000 });
  const pending = patch(urls[0], killedCookie!, groupId, key.id, { roles: requested }).catch(() => undefined);
  const ofKey = async () => (await history(urls[1], survivorCookie!, groupId)).filter((r) => r.apiKeyId === key.id);
  await expect(async () => expect((await ofKey()).map((r) => r.outcome)).toEqual(['pending'])).toPass({ timeout: 10_000 });
  const exited = new Promise((resolve) => consoles[0]!.once('exit', resolve));
  consoles[0]!.kill('SIGKILL');
  await Promise.all([pending, exited]);

  // The survivor settles it once the dead console's key lock is gone and the write's time is up (3 × 5 s).
  await expect(async () => expect((await ofKey())[0]?.outcome).not.toBe('pending')).toPass({ timeout: 60_000, intervals: [1000] });
  const [settled] = await ofKey();
  expect(settled).toMatchObject({ outcome: 'success', settledBy: 'recovery', rolesAfter: [...requested].sort() });
  expect(rolesIn(key.id, groupId)).toEqual([...requested].sort());
});
