// Percentiles and rates of a set of latency samples.

export interface LatencySummary {
  p50: number;
  p99: number;
  requestsPerSecond: number;
  count: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function summarize(samples: readonly number[], seconds: number): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), requestsPerSecond: samples.length / seconds, count: samples.length };
}

/** Runs `task` from `concurrency` workers for `seconds`, recording each call's latency in milliseconds. */
export async function closedLoop(task: () => Promise<void>, concurrency: number, seconds: number): Promise<LatencySummary> {
  const samples: number[] = [];
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        await task();
        samples.push(performance.now() - t0);
      }
    }),
  );
  return summarize(samples, (performance.now() - started) / 1000);
}
