// Figure 1: the same 300-key project list read through the console and straight from the emulator.
import autocannon from 'autocannon';
import { createAtlasClient } from '../lib/atlas/client';
import type { BenchConsole } from './console-process';
import { closedLoop, type LatencySummary } from './stats';

const concurrency = 10;

export async function proxyOverhead(bench: BenchConsole, cookie: string, groupId: string, seconds: number) {
  const consoleKey = bench.seed.apiKeys.find((k) => k.id === bench.seed.consoleKey)!;
  const direct = createAtlasClient({
    baseUrl: `${bench.emulator.url}/api/public/v1.0`,
    orgId: consoleKey.orgId,
    auth: { kind: 'digest', publicKey: consoleKey.publicKey, privateKey: consoleKey.privateKey },
  });
  const path = `/api/groups/${groupId}/apiKeys`;
  // Warm both paths: Digest nonce, role caches, JIT.
  await closedLoop(async () => void (await direct.listProjectKeys(groupId)), concurrency, 2);
  await autocannon({ url: `${bench.url}${path}`, connections: concurrency, duration: 2, headers: { cookie } });

  const viaConsole = await autocannon({ url: `${bench.url}${path}`, connections: concurrency, duration: seconds, headers: { cookie } });
  if (viaConsole.non2xx > 0 || viaConsole.errors > 0) throw new Error(`console answered ${viaConsole.non2xx} non-2xx and ${viaConsole.errors} errors`);
  const consoleSummary: LatencySummary = {
    p50: viaConsole.latency.p50,
    p99: viaConsole.latency.p99,
    requestsPerSecond: viaConsole.requests.average,
    count: viaConsole.requests.total,
  };
  const directSummary = await closedLoop(async () => void (await direct.listProjectKeys(groupId)), concurrency, seconds);
  return {
    concurrency,
    seconds,
    console: consoleSummary,
    direct: directSummary,
    p50DeltaMs: consoleSummary.p50 - directSummary.p50,
    throughputRatio: consoleSummary.requestsPerSecond / directSummary.requestsPerSecond,
  };
}
