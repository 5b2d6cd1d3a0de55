// Starts an emulator and a production console pointed at it, for the benchmarks; both stop with the bench.
import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Seed } from '../lib/emulator/seed';
import { startEmulator, type RunningEmulator } from '../lib/emulator/server';
import { needsBuild } from '../lib/launcher/needs-build';
import { spawnConsole, stopProcess, waitUntilHealthy } from '../lib/testing/next-console';

export { signInDemo as signIn } from '../lib/testing/next-console';

const root = path.resolve(__dirname, '..');
const nextBin = createRequire(__filename).resolve('next/dist/bin/next');

export interface BenchConsole {
  url: string;
  emulator: RunningEmulator;
  seed: Seed;
  child: ChildProcess;
  /** Resident memory of the console's process tree, in MiB. */
  rssMiB(): number;
  stop(): Promise<void>;
}

export function ensureBuild(): void {
  if (!needsBuild(root)) return;
  console.log('building the console (next build)…');
  execFileSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

export function treeRss(pid: number): number {
  const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss=']).toString();
  const rows = out.trim().split('\n').map((line) => line.trim().split(/\s+/).map(Number));
  const inTree = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [child, parent] of rows) {
      if (child !== undefined && parent !== undefined && inTree.has(parent) && !inTree.has(child)) {
        inTree.add(child);
        grew = true;
      }
    }
  }
  return rows.filter(([p]) => p !== undefined && inTree.has(p)).reduce((sum, row) => sum + (row[2] ?? 0), 0) / 1024;
}

/**
 * The emulator runs in the bench's process. In a process of its own it measured the same for figure 1 and put a third
 * busy process on the two cores at saturation, where the real upstream is on other machines (BENCHMARKS.md, 2026-12-03).
 */
export async function startBenchConsole(seed: Seed, { port, latencyMs = 0 }: { port: number; latencyMs?: number }): Promise<BenchConsole> {
  const emulator = await startEmulator({ seed, port: 0, latencyMs });
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-console-'));
  const child = spawnConsole({
    port,
    emulatorUrl: emulator.url,
    seed,
    dataDir,
    env: { MUTATIONS_PER_MINUTE: '1000000' },
    stdio: 'inherit',
  });
  await waitUntilHealthy(url);
  return {
    url,
    emulator,
    seed,
    child,
    rssMiB: () => treeRss(child.pid ?? 0),
    async stop() {
      await stopProcess(child);
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
