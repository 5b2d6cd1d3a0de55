// Figure 1: the same 300-key project list read through the console and straight from the emulator.
import autocannon from 'autocannon';
import { request } from 'undici';
import { createAtlasClient } from '../lib/atlas/client';
import type { BenchConsole } from './console-process';
import { closedLoop, type LatencySummary } from './stats';

export interface ProxyRun {
  concurrency: number;
  seconds: number;
  console: LatencySummary;
  direct: LatencySummary;
  p50DeltaMs: number;
  throughputRatio: number;
}

/**
 * Measures at each concurrency in turn. One connection shows the time the console adds to a request;
 * ten saturate the two cores the console, the emulator and the load generator share, where the median
 * is mostly queueing (≈ connections ÷ throughput) and the throughput ratio is the telling figure.
 */
export async function proxyOverhead(bench: BenchConsole, cookie: string, groupId: string, seconds: number, concurrencies: readonly number[]): Promise<ProxyRun[]> {
  const consoleKey = bench.seed.apiKeys.find((k) => k.id === bench.seed.consoleKey)!;
  const direct = createAtlasClient({
    baseUrl: `${bench.emulator.url}/api/public/v1.0`,
    orgId: consoleKey.orgId,
    auth: { kind: 'digest', publicKey: consoleKey.publicKey, privateKey: consoleKey.privateKey },
  });
  const url = `${bench.url}/api/groups/${groupId}/apiKeys`;
  const readDirect = async () => void (await direct.listProjectKeys(groupId));
  // The same closed loop and clock for both sides: autocannon's histogram keeps whole milliseconds, and a different
  // client on each side would measure the clients as much as the console.
  const readConsole = async () => {
    const answer = await request(url, { headers: { cookie } });
    await answer.body.arrayBuffer();
    if (answer.statusCode !== 200) throw new Error(`console answered ${answer.statusCode}`);
  };

  const runs: ProxyRun[] = [];
  for (const concurrency of concurrencies) {
    // Warm both paths at this concurrency: Digest nonce, role caches, JIT.
    await closedLoop(readDirect, concurrency, 2);
    await closedLoop(readConsole, concurrency, 2);
    const consoleSummary = await closedLoop(readConsole, concurrency, seconds);
    const directSummary = await closedLoop(readDirect, concurrency, seconds);
    runs.push({
      concurrency,
      seconds,
      console: consoleSummary,
      direct: directSummary,
      p50DeltaMs: consoleSummary.p50 - directSummary.p50,
      throughputRatio: consoleSummary.requestsPerSecond / directSummary.requestsPerSecond,
    });
  }
  return runs;
}

/**
 * What any request costs through Next.js's route pipeline on this machine, for reading figure 1: an unsigned
 * request that the route wrapper answers 401 before it reads or calls anything (autocannon keeps non-2xx latencies).
 */
export async function routeFloor(bench: BenchConsole, seconds: number): Promise<{ p50: number; mean: number }> {
  const url = `${bench.url}/api/groups`;
  await autocannon({ url, connections: 1, duration: 2 });
  const result = await autocannon({ url, connections: 1, duration: seconds });
  if (result.statusCodeStats?.['401']?.count !== result.requests.total) throw new Error('the floor request did not answer 401 every time');
  return { p50: result.latency.p50, mean: result.latency.mean };
}
