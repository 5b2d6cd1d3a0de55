import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { RunningEmulator } from '@/lib/emulator/server';
import { emulatorControls, type EmulatorControls } from '@/lib/emulator/testing/control-client';
import { signInDemo, spawnConsole, startDemoEmulator, waitUntilHealthy } from '@/lib/testing/next-console';
import { e2eConsole } from './support/servers';

// SIGKILL the console while the upstream holds two role changes, one it then applies and one it drops unapplied:
// after a restart each record is settled by recovery with exactly what the upstream did.
const port = Number(new URL(e2eConsole.url).port) + 5;
const url = `http://127.0.0.1:${port}`;
// Longer than sending both writes and seeing their intents recorded takes on a loaded machine, so the kill comes first.
const holdMs = 12_000;

let emulator: RunningEmulator;
let controls: EmulatorControls;
const dataDir = mkdtempSync(path.join(tmpdir(), 'crash-test-'));

function startConsole(): ChildProcess {
  return spawnConsole({ port, emulatorUrl: emulator.url, seed: emulator.snapshot(), dataDir });
}

interface Record_ {
  origin: string;
  outcome: string;
  settledBy: string | null;
  apiKeyId: string;
  rolesBefore: string[];
  rolesAfter: string[];
  errorCode: string | null;
}

async function history(cookie: string): Promise<Record_[]> {
  return ((await (await fetch(`${url}/api/activity`, { headers: { cookie } })).json()) as { results: Record_[] }).results;
}

function patchRoles(cookie: string, groupId: string, apiKeyId: string, roles: string[]): Promise<unknown> {
  return fetch(`${url}/api/groups/${groupId}/apiKeys/${apiKeyId}`, {
    method: 'PATCH',
    headers: { cookie, 'Content-Type': 'application/json', Origin: url },
    body: JSON.stringify({ roles }),
    signal: AbortSignal.timeout(30_000),
  }).catch(() => undefined);
}

function rolesIn(apiKeyId: string, groupId: string): string[] {
  const key = emulator.snapshot().apiKeys.find((k) => k.id === apiKeyId)!;
  return key.roles.filter((r) => r.groupId === groupId).map((r) => r.roleName).sort();
}

test.beforeAll(async () => {
  emulator = await startDemoEmulator();
  controls = emulatorControls(emulator.url);
});

test.afterAll(async () => {
  await emulator.close();
});

test('a console killed between intent and outcome settles each record from what the upstream did', async () => {
  test.setTimeout(180_000);
  let console_ = startConsole();
  await waitUntilHealthy(url);
  const cookie = await signInDemo(url, 'orgowner@demo.test');
  const state = emulator.snapshot();
  const owner = state.users.find((u) => u.emailAddress === 'owner@demo.test')!;
  const groupId = owner.roles.find((r) => r.roleName === 'GROUP_OWNER')!.groupId!;
  const [landed, lost] = state.apiKeys.filter((k) => k.id !== state.consoleKey && k.roles.some((r) => r.groupId === groupId));
  const requested = ['GROUP_DATA_ACCESS_READ_ONLY', 'GROUP_READ_ONLY'];
  const lostBefore = rolesIn(lost!.id, groupId);
  expect(rolesIn(landed!.id, groupId)).not.toEqual(requested);
  expect(lostBefore).not.toEqual(requested);

  // The upstream holds both PATCHes; then it applies the first and drops the second's connection without applying it.
  await controls.fault({ method: 'PATCH', path: `/apiKeys/${landed!.id}$`, delayMs: holdMs });
  await controls.fault({ method: 'PATCH', path: `/apiKeys/${lost!.id}$`, delayMs: holdMs, drop: true });
  const pending = async (count: number) =>
    expect(async () => expect((await history(cookie)).filter((r) => r.outcome === 'pending')).toHaveLength(count)).toPass({ timeout: holdMs / 3 });
  const first = patchRoles(cookie, groupId, landed!.id, requested);
  await pending(1);
  // A read while the first write holds its Digest nonce gives the client a second one, so the second write is signed
  // at once rather than sent unsigned for a challenge (which its fault would hold instead).
  expect((await fetch(`${url}/api/groups/${groupId}/apiKeys`, { headers: { cookie } })).status).toBe(200);
  const second = patchRoles(cookie, groupId, lost!.id, requested);
  await pending(2);
  const exited = new Promise((resolve) => console_.once('exit', resolve));
  console_.kill('SIGKILL');
  await Promise.all([first, second, exited]);
  // Restart only once the upstream has done what it was told: applied one (200), dropped the other (0).
  await expect
    .poll(async () => (await controls.requests()).filter((r) => r.method === 'PATCH').map((r) => `${r.path.split('/').at(-1)} ${r.status}`).sort(), {
      timeout: holdMs * 2,
    })
    .toEqual([`${landed!.id} 200`, `${lost!.id} 0`].sort());
  expect(rolesIn(landed!.id, groupId)).toEqual(requested);
  expect(rolesIn(lost!.id, groupId)).toEqual(lostBefore);

  console_ = startConsole();
  try {
    await waitUntilHealthy(url);
    let settled: Record_[] = [];
    await expect(async () => {
      settled = await history(cookie);
      expect(settled.filter((r) => r.outcome === 'pending')).toEqual([]);
    }).toPass({ timeout: 30_000 });
    const record = (apiKeyId: string) => settled.find((r) => r.origin === 'console' && r.apiKeyId === apiKeyId);
    expect(record(landed!.id)).toMatchObject({ outcome: 'success', settledBy: 'recovery', rolesAfter: requested });
    expect(record(lost!.id)).toMatchObject({ outcome: 'failure', errorCode: 'NOT_APPLIED', settledBy: 'recovery', rolesBefore: lostBefore, rolesAfter: requested });
    // Recovery only read: the upstream still holds exactly what it applied.
    expect(rolesIn(landed!.id, groupId)).toEqual(requested);
    expect(rolesIn(lost!.id, groupId)).toEqual(lostBefore);
  } finally {
    console_.kill('SIGTERM');
  }
});
