// Figure 2: upstream requests per page view and per mutation on a warm console, from the emulator's log.
import type { BenchConsole } from './console-process';

interface LoggedRequest {
  method: string;
  path: string;
  challenged: boolean;
}

async function log(bench: BenchConsole): Promise<LoggedRequest[]> {
  return (await (await fetch(`${bench.emulator.url}/__emulator/requests`)).json()) as LoggedRequest[];
}

async function clear(bench: BenchConsole) {
  await fetch(`${bench.emulator.url}/__emulator/requests`, { method: 'DELETE' });
}

export async function roundTrips(bench: BenchConsole, cookie: string, groupId: string, apiKeyId: string) {
  const headers = { cookie, 'Content-Type': 'application/json', Origin: bench.url };
  const read = () => fetch(`${bench.url}/api/groups/${groupId}/apiKeys`, { headers });
  const write = (roles: string[]) =>
    fetch(`${bench.url}/api/groups/${groupId}/apiKeys/${apiKeyId}`, { method: 'PATCH', headers, body: JSON.stringify({ roles }) });
  // Warm-up: the person's roles, the Digest nonce.
  await read();
  await write(['GROUP_READ_ONLY']);

  await clear(bench);
  const views = 20;
  for (let i = 0; i < views; i++) await read();
  const readLog = await log(bench);

  await clear(bench);
  const writes = 10;
  for (let i = 0; i < writes; i++) {
    const answer = await write(i % 2 ? ['GROUP_READ_ONLY'] : ['GROUP_READ_ONLY', 'GROUP_DATA_ACCESS_READ_ONLY']);
    if (!answer.ok) throw new Error(`PATCH answered ${answer.status}`);
  }
  const writeLog = await log(bench);
  return {
    perRead: readLog.length / views,
    perWrite: writeLog.length / writes,
    challengesAfterWarmUp: [...readLog, ...writeLog].filter((r) => r.challenged).length,
  };
}
