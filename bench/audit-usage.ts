// Figure 3b: what last use costs the audit at 500 keys × 200 projects with usage data — upstream calls and time, cold and warm.
import { emulatorControls } from '../lib/emulator/testing/control-client';
import type { BenchConsole } from './console-process';
import type { Figure } from './report';

/** Access list reads in flight at once (lib/server/key-usage.ts). */
const usageConcurrency = 8;

async function auditCalls(bench: BenchConsole, cookie: string) {
  const upstream = emulatorControls(bench.emulator.url);
  await upstream.clearRequests();
  const t0 = performance.now();
  const answer = await fetch(`${bench.url}/api/audit`, { headers: { cookie } });
  const report = (await answer.json()) as { keys: { lastUsed?: string }[] };
  const ms = performance.now() - t0;
  if (!answer.ok) throw new Error(`audit answered ${answer.status}`);
  const log = await upstream.requests();
  // A Digest challenge is the handshake, not a call.
  const calls = log.filter((r) => !(r.status === 401 && r.challenged));
  return {
    ms,
    calls: calls.length,
    accessListCalls: calls.filter((r) => r.path.endsWith('/accessList')).length,
    keysWithLastUse: report.keys.filter((k) => k.lastUsed).length,
  };
}

/** Must run on a console whose key usage is not read yet (a fresh process), before any other audit view. */
export async function auditUsageCost(bench: BenchConsole, cookie: string, latencyMs: number) {
  const keys = bench.seed.apiKeys.length;
  const projects = bench.seed.projects.length;
  const listCalls = Math.ceil(keys / 500) + Math.ceil(projects / 500);
  const cold = await auditCalls(bench, cookie);
  const warm = await auditCalls(bench, cookie);
  // Budgets: cold, the lists plus one access list per key (and at most two look-ups of the person), in about
  // ⌈keys / concurrency⌉ waves of one latency each; warm, the lists alone.
  const coldCallBudget = listCalls + keys + 2;
  const coldMsBudget = 1.5 * (Math.ceil(keys / usageConcurrency) + listCalls) * latencyMs;
  return { keys, projects, latencyMs, listCalls, cold, warm, coldCallBudget, coldMsBudget };
}

/** The stated bound (README, "Last use"): cold, the lists plus one access list per key; warm, the lists alone. */
export function usageFigures(usage: Awaited<ReturnType<typeof auditUsageCost>>): Figure[] {
  return [
    {
      figure: `3b audit with last use, cold: upstream calls / time @${usage.latencyMs} ms`,
      value: `${usage.cold.calls} (${usage.cold.accessListCalls} access lists) / ${usage.cold.ms.toFixed(0)} ms; ${usage.cold.keysWithLastUse} keys with last use`,
      budget: `⌈k/500⌉+⌈p/500⌉+k (+2) = ${usage.coldCallBudget} calls, ≤ ${usage.coldMsBudget.toFixed(0)} ms`,
      met: usage.cold.calls <= usage.coldCallBudget && usage.cold.ms <= usage.coldMsBudget,
    },
    {
      figure: `3b audit with last use, warm (within 5 min): upstream calls / time`,
      value: `${usage.warm.calls} (${usage.warm.accessListCalls} access lists) / ${usage.warm.ms.toFixed(0)} ms`,
      budget: `⌈k/500⌉+⌈p/500⌉ = ${usage.listCalls} calls, no access list`,
      met: usage.warm.calls <= usage.listCalls && usage.warm.accessListCalls === 0,
    },
  ];
}
