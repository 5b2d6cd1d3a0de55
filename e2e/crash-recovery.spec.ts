import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { seedSchema } from '@/lib/emulator/seed';
import { startEmulator, type RunningEmulator } from '@/lib/emulator/server';
import { signInDemo, spawnConsole, waitUntilHealthy } from '@/lib/testing/next-console';
import { e2eConsole } from './support/servers';

// SIGKILL the console between a mutation's intent and its outcome: after a restart the record is there, settled.
const root = path.resolve(__dirname, '..');
const port = Number(new URL(e2eConsole.url).port) + 5;
const url = `http://127.0.0.1:${port}`;

let emulator: RunningEmulator;
const dataDir = mkdtempSync(path.join(tmpdir(), 'crash-test-'));

function startConsole(): ChildProcess {
  return spawnConsole({ port, emulatorUrl: emulator.url, seed: emulator.snapshot(), dataDir });
}

interface Record_ {
  outcome: string;
  settledBy: string | null;
  apiKeyId: string;
  rolesAfter: string[];
  detail: string | null;
}

async function history(cookie: string): Promise<Record_[]> {
  return ((await (await fetch(`${url}/api/activity`, { headers: { cookie } })).json()) as { results: Record_[] }).results;
}

test.beforeAll(async () => {
  emulator = await startEmulator({ seed: seedSchema.parse(JSON.parse(readFileSync(path.join(root, 'lib/emulator/seeds/demo.json'), 'utf8'))), port: 0 });
});

test.afterAll(async () => {
  await emulator.close();
});

test('a console killed between intent and outcome settles the record on its next start', async () => {
  test.setTimeout(180_000);
  let console_ = startConsole();
  await waitUntilHealthy(url);
  const cookie = await signInDemo(url, 'orgowner@demo.test');
  const state = emulator.snapshot();
  const owner = state.users.find((u) => u.emailAddress === 'owner@demo.test')!;
  const groupId = owner.roles.find((r) => r.roleName === 'GROUP_OWNER')!.groupId!;
  const key = state.apiKeys.find((k) => k.id !== state.consoleKey && k.roles.some((r) => r.groupId === groupId))!;
  const requested = ['GROUP_DATA_ACCESS_READ_ONLY', 'GROUP_READ_ONLY'];

  // The upstream holds the PATCH long enough for the console to die with the intent written and no outcome.
  await fetch(`${emulator.url}/__emulator/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ method: 'PATCH', path: `/apiKeys/${key.id}$`, delayMs: 3000 }),
  });
  const patch = fetch(`${url}/api/groups/${groupId}/apiKeys/${key.id}`, {
    method: 'PATCH',
    headers: { cookie, 'Content-Type': 'application/json', Origin: url },
    body: JSON.stringify({ roles: requested }),
    signal: AbortSignal.timeout(20_000),
  }).catch(() => undefined);
  await expect(async () => expect((await history(cookie)).filter((r) => r.outcome === 'pending')).toHaveLength(1)).toPass({ timeout: 10_000 });
  const exited = new Promise((resolve) => console_.once('exit', resolve));
  console_.kill('SIGKILL');
  await Promise.all([patch, exited]);
  // Let the held request finish upstream (or not): recovery must find out either way.
  await new Promise((resolve) => setTimeout(resolve, 3500));

  console_ = startConsole();
  try {
    await waitUntilHealthy(url);
    let settled: Record_ | undefined;
    await expect(async () => {
      [settled] = await history(cookie);
      expect(settled?.outcome).not.toBe('pending');
    }).toPass({ timeout: 30_000 });
    expect(settled).toMatchObject({ apiKeyId: key.id, settledBy: 'recovery' });
    const now = emulator.snapshot().apiKeys.find((k) => k.id === key.id)!.roles.filter((r) => r.groupId === groupId).map((r) => r.roleName).sort();
    if (settled!.outcome === 'success') expect(now).toEqual(requested);
    else expect(['failure', 'unknown']).toContain(settled!.outcome);
  } finally {
    console_.kill('SIGTERM');
  }
});
