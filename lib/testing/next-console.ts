// Starts a production console (`next start`) pointed at an emulator of the spec's own, and signs demo people in over HTTP.
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { loadSeed, type Seed } from '@/lib/emulator/seed';
import { startEmulator, type RunningEmulator } from '@/lib/emulator/server';
import { spawnNext } from '@/lib/launcher/next-process';

const root = path.resolve(__dirname, '../..');

interface ConsoleOptions {
  port: number;
  emulatorUrl: string;
  seed: Seed;
  dataDir: string;
  env?: Record<string, string>;
  stdio?: 'ignore' | 'inherit';
}

/** The demo seed's emulator on a free port, for a spec that runs consoles of its own. */
export function startDemoEmulator(): Promise<RunningEmulator> {
  return startEmulator({ seed: loadSeed(path.join(root, 'lib/emulator/seeds/demo.json')), port: 0 });
}

/**
 * Ends a process with SIGTERM and waits for it; one that has already ended is left as it is (waiting for its 'exit'
 * would never end, and an otherwise idle Node.js process would quit silently in the middle of a run).
 */
export async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Spawns `next start` on the existing build, as the launcher does; the caller waits for it with `waitUntilHealthy`. */
export function spawnConsole({ port, emulatorUrl, seed, dataDir, env = {}, stdio = 'ignore' }: ConsoleOptions): ChildProcess {
  const consoleKey = seed.apiKeys.find((k) => k.id === seed.consoleKey);
  if (!consoleKey) throw new Error('the seed has no console key');
  const url = `http://127.0.0.1:${port}`;
  return spawnNext(['start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: root,
    stdio: ['ignore', 'ignore', stdio],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      ATLAS_BASE_URL: `${emulatorUrl}/api/public/v1.0`,
      ATLAS_ORG_ID: consoleKey.orgId,
      ATLAS_PUBLIC_KEY: consoleKey.publicKey,
      ATLAS_PRIVATE_KEY: consoleKey.privateKey,
      NEXTAUTH_SECRET: 'test-console-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
      NEXTAUTH_URL: url,
      DATA_DIR: dataDir,
      ...env,
    },
  });
}

export async function waitUntilHealthy(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the console at ${url} did not become healthy`);
}

/** Signs a demo person in through next-auth's demo callback; returns the `name=value` session cookie. */
export async function signInDemo(url: string, email: string): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await fetch(`${url}/api/auth/callback/demo`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Cookie: csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '),
    },
    body: new URLSearchParams({ csrfToken, email, json: 'true' }),
  });
  const session = answer.headers.getSetCookie().find((c) => c.startsWith('next-auth.session-token='));
  if (!session) throw new Error(`sign-in as ${email} failed (${answer.status})`);
  return session.split(';')[0]!;
}
