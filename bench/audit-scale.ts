// Figure 3: time to a complete audit matrix of 500 keys × 200 projects with 100 ms of upstream latency.
import type { BenchConsole } from './console-process';

export async function auditAtScale(bench: BenchConsole, cookie: string, latencyMs: number) {
  const keys = bench.seed.apiKeys.length;
  const projects = bench.seed.projects.length;
  // The org keys and the projects are fetched side by side; their pages follow one another.
  const sequentialCalls = Math.max(Math.ceil(keys / 500), Math.ceil(projects / 500));
  const lowerBoundMs = sequentialCalls * latencyMs;
  // Warm: the person's roles are cached as on any second page view; the matrix itself is never cached.
  const warm = await fetch(`${bench.url}/api/audit`, { headers: { cookie } });
  if (!warm.ok) throw new Error(`audit answered ${warm.status}`);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const answer = await fetch(`${bench.url}/api/audit`, { headers: { cookie } });
    const report = (await answer.json()) as { keys: unknown[]; projects: unknown[] };
    times.push(performance.now() - t0);
    if (report.keys.length !== keys || report.projects.length !== projects) throw new Error('the audit is incomplete');
  }
  times.sort((a, b) => a - b);
  const medianMs = times[Math.floor(times.length / 2)]!;
  return { keys, projects, latencyMs, lowerBoundMs, medianMs, ratio: medianMs / lowerBoundMs };
}
