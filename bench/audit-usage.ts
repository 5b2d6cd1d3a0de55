// Figure 3b: what last use costs the audit at 500 keys × 200 projects with usage data — upstream calls and time, cold and warm.
import { emulatorControls } from '../lib/emulator/testing/control-client';
import type { BenchConsole } from './console-process';

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
