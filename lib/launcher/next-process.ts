// How the console's `next start` process is spawned: by the launcher (`npm start`), and the same way by the end-to-end
// tests and the benchmarks (`lib/testing/next-console.ts`), so that what they measure is what production runs.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { createRequire } from 'node:module';

const nextBin = createRequire(__filename).resolve('next/dist/bin/next');

/**
 * glibc's allocator, held to what a server of one busy event loop needs. By default every thread that allocates may get
 * an arena of its own (8 per core), each keeping what it once held, and a freed block of a large answer raises the
 * threshold above which blocks are mapped, so the next ones stay in the arenas after they are freed: under 50 clients
 * the process kept ~200 MiB of freed memory (`malloc_stats`: 239 MB held, 34 MB in use; `malloc_trim` gave 150 MiB
 * back). Two arenas, and fixed thresholds so that blocks of 128 KiB and more are mapped and unmapped and free memory
 * at the top of a heap is returned. An operator's own setting of any of them wins; other C libraries ignore them.
 */
export const allocatorEnv: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_MMAP_THRESHOLD_: '131072',
  MALLOC_TRIM_THRESHOLD_: '131072',
};

/** The environment of the console's process: `env` with the allocator settings it does not set itself. */
export function consoleEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const result = { ...env };
  for (const [name, value] of Object.entries(allocatorEnv)) result[name] ??= value;
  return result;
}

interface SpawnOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdio: StdioOptions;
}

/** Spawns `next <args>` (start or dev) as the console's process. */
export function spawnNext(args: readonly string[], { cwd, env, stdio }: SpawnOptions): ChildProcess {
  return spawn(process.execPath, [nextBin, ...args], { cwd, env: consoleEnv(env), stdio });
}
