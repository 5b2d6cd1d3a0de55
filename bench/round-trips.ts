// Figure 2: upstream requests per page view and per mutation on a warm console, from the emulator's log.
import { emulatorControls } from '../lib/emulator/testing/control-client';
import type { BenchConsole } from './console-process';

export async function roundTrips(bench: BenchConsole, cookie: string, groupId: string, apiKeyId: string) {
  const upstream = emulatorControls(bench.emulator.url);
  const headers = { cookie, 'Content-Type': 'application/json', Origin: bench.url };
  const read = () => fetch(`${bench.url}/api/groups/${groupId}/apiKeys`, { headers });
  const write = (roles: string[]) =>
    fetch(`${bench.url}/api/groups/${groupId}/apiKeys/${apiKeyId}`, { method: 'PATCH', headers, body: JSON.stringify({ roles }) });
  // Warm-up: the person's roles, the Digest nonce.
  await read();
  await write(['GROUP_READ_ONLY']);

  await upstream.clearRequests();
  const views = 20;
  for (let i = 0; i < views; i++) await read();
  const readLog = await upstream.requests();

  await upstream.clearRequests();
  const writes = 10;
  for (let i = 0; i < writes; i++) {
    const answer = await write(i % 2 ? ['GROUP_READ_ONLY'] : ['GROUP_READ_ONLY', 'GROUP_DATA_ACCESS_READ_ONLY']);
    if (!answer.ok) throw new Error(`PATCH answered ${answer.status}`);
  }
  const writeLog = await upstream.requests();
  return {
    perRead: readLog.length / views,
    perWrite: writeLog.length / writes,
    challengesAfterWarmUp: [...readLog, ...writeLog].filter((r) => r.challenged).length,
  };
}
