// Figure 5: 50 signed-in clients for a minute, reading and editing roles; nothing lost, no 5xx, memory flat.
import { emulatorControls } from '../lib/emulator/testing/control-client';
import type { BenchConsole } from './console-process';

interface Mutation {
  apiKeyId: string;
  roles: string[];
}

const roleSets = [['GROUP_READ_ONLY'], ['GROUP_READ_ONLY', 'GROUP_DATA_ACCESS_READ_ONLY'], ['GROUP_DATA_ACCESS_READ_WRITE']];

export async function load(bench: BenchConsole, cookie: string, groupId: string, keyIds: string[], { clients = 50, seconds = 60 } = {}) {
  const statuses: Record<string, number> = {};
  const succeeded: Mutation[] = [];
  const rss: number[] = [];
  const end = Date.now() + seconds * 1000;
  const sampler = setInterval(() => rss.push(bench.rssMiB()), 2000);
  const headers = { cookie, 'Content-Type': 'application/json', Origin: bench.url };
  let seed = 1;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < end) {
        let answer: Response;
        if (random() < 0.8) {
          answer = await fetch(`${bench.url}/api/groups/${groupId}/apiKeys`, { headers });
          await answer.arrayBuffer();
        } else {
          const apiKeyId = keyIds[Math.floor(random() * keyIds.length)]!;
          const roles = roleSets[Math.floor(random() * roleSets.length)]!;
          answer = await fetch(`${bench.url}/api/groups/${groupId}/apiKeys/${apiKeyId}`, { method: 'PATCH', headers, body: JSON.stringify({ roles }) });
          await answer.arrayBuffer();
          if (answer.ok) succeeded.push({ apiKeyId, roles: [...roles].sort() });
        }
        const bucket = `${Math.floor(answer.status / 100)}xx`;
        statuses[bucket] = (statuses[bucket] ?? 0) + 1;
      }
    }),
  );
  clearInterval(sampler);

  // Every successful mutation must be in the history, and the newest one per key must be the emulator's state.
  const history: { apiKeyId: string; rolesAfter: string[]; createdAt: string }[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = (await (await fetch(`${bench.url}/api/activity?outcome=success&limit=1000&offset=${offset}&groupId=${groupId}`, { headers })).json()) as {
      results: typeof history;
      totalCount: number;
    };
    history.push(...page.results);
    if (history.length >= page.totalCount || page.results.length === 0) break;
  }
  const count = (list: { apiKeyId: string; roles: string[] }[]) => {
    const counts = new Map<string, number>();
    for (const m of list) counts.set(`${m.apiKeyId}:${m.roles.join(',')}`, (counts.get(`${m.apiKeyId}:${m.roles.join(',')}`) ?? 0) + 1);
    return counts;
  };
  const inHistory = count(history.map((h) => ({ apiKeyId: h.apiKeyId, roles: [...h.rolesAfter].sort() })));
  const missingFromHistory = [...count(succeeded)].filter(([k, n]) => (inHistory.get(k) ?? 0) < n).length;

  const state = await emulatorControls(bench.emulator.url).state();
  let stateMismatches = 0;
  for (const apiKeyId of keyIds) {
    const newest = history.find((h) => h.apiKeyId === apiKeyId);
    if (!newest) continue;
    const now = state.apiKeys.find((k) => k.id === apiKeyId)?.roles.filter((r) => r.groupId === groupId).map((r) => r.roleName).sort() ?? [];
    if (now.join(',') !== [...newest.rolesAfter].sort().join(',')) stateMismatches++;
  }
  // The first fifth of the run is warm-up: JIT, caches, connection pools.
  const afterWarmUp = rss.slice(Math.ceil(rss.length / 5));
  return {
    clients,
    seconds,
    statuses,
    successfulMutations: succeeded.length,
    missingFromHistory,
    stateMismatches,
    rssMiB: { afterWarmUp: afterWarmUp[0] ?? Number.NaN, end: afterWarmUp[afterWarmUp.length - 1] ?? Number.NaN, samples: rss.map((v) => Math.round(v)) },
  };
}
