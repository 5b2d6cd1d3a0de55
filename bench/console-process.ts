// Starts an emulator and a production console pointed at it, for the benchmarks; both stop with the bench.
import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Seed } from '../lib/emulator/seed';
import { startEmulator, type RunningEmulator } from '../lib/emulator/server';
import { needsBuild } from '../lib/launcher/needs-build';

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

function treeRss(pid: number): number {
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

export async function startBenchConsole(seed: Seed, { port, latencyMs = 0 }: { port: number; latencyMs?: number }): Promise<BenchConsole> {
  const emulator = await startEmulator({ seed, port: 0, latencyMs });
  const consoleKey = seed.apiKeys.find((k) => k.id === seed.consoleKey);
  if (!consoleKey) throw new Error('seed without console key');
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      ATLAS_BASE_URL: `${emulator.url}/api/public/v1.0`,
      ATLAS_ORG_ID: consoleKey.orgId,
      ATLAS_PUBLIC_KEY: consoleKey.publicKey,
      ATLAS_PRIVATE_KEY: consoleKey.privateKey,
      NEXTAUTH_SECRET: 'bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
      NEXTAUTH_URL: url,
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bench-console-')),
      MUTATIONS_PER_MINUTE: '1000000',
    },
  });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    emulator,
    seed,
    child,
    rssMiB: () => treeRss(child.pid ?? 0),
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await emulator.close();
    },
  };
}

/** Signs a demo person in through next-auth's demo callback and returns the session cookie. */
export async function signIn(url: string, email: string): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const answer = await fetch(`${url}/api/auth/callback/demo`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, json: 'true' }),
  });
  const session = answer.headers.getSetCookie().find((c) => c.startsWith('next-auth.session-token='));
  if (!session) throw new Error(`sign-in as ${email} failed (${answer.status})`);
  return session.split(';')[0]!;
}
