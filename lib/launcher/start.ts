// `npm start`: builds when needed, starts the embedded emulator unless an upstream is configured, then the console.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ConfigError, parseEnv } from '../config/schema';
import { needsBuild } from './needs-build';
import { startEmbeddedUpstream } from './embedded-upstream';
import { spawnNext } from './next-process';
import { withoutBanner } from './quiet-output';

const root = path.resolve(__dirname, '../..');
const nextBin = createRequire(__filename).resolve('next/dist/bin/next');
const dev = process.argv.includes('--dev');

function run(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawnNext(args, { cwd: root, env, stdio: ['inherit', 'pipe', 'inherit'] });
  if (child.stdout) withoutBanner(child.stdout, process.stdout);
  return child;
}

/** The build's pages of progress say nothing a person can act on, unless it fails: then all of it is shown. */
async function build(env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(process.execPath, [nextBin, 'build'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await exited(child);
  if (code !== 0) {
    process.stderr.write(output);
    throw new Error(`next build failed with exit code ${code}`);
  }
}

function exited(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

/** In embedded mode the next-auth secret is generated once and kept beside the data. */
function embeddedSecret(dataDir: string): string {
  const file = path.join(dataDir, 'nextauth-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<boolean> {
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    try {
      const answer = await fetch(new URL('/api/health', url), { signal: AbortSignal.timeout(2000) });
      if (answer.status < 500) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  const dataDir = path.resolve(root, env.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(env.PORT) };
  // A self-hosted console reports nothing to Vercel unless its operator asks for it (which also spares its notice).
  childEnv.NEXT_TELEMETRY_DISABLED ??= '1';

  const embedded = env.ATLAS_BASE_URL ? undefined : await startEmbeddedUpstream(dataDir);
  if (embedded) {
    Object.assign(childEnv, embedded.env);
    childEnv.NEXTAUTH_SECRET ??= embeddedSecret(dataDir);
    // Demo sign-in has no password: keep the embedded console on this machine only.
    childEnv.HOSTNAME ??= '127.0.0.1';
  } else if (!env.NEXTAUTH_SECRET) {
    throw new ConfigError('Configuration error: NEXTAUTH_SECRET is required when ATLAS_BASE_URL is set');
  }
  const url = env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`;
  childEnv.NEXTAUTH_URL = url;

  if (!dev && needsBuild(root)) {
    console.log('Building the console (first start or changed sources; this takes a few minutes)…');
    await build({ ...childEnv, NODE_ENV: 'production' });
  }

  const hostArgs = childEnv.HOSTNAME ? ['--hostname', childEnv.HOSTNAME] : [];
  const console_ = run([dev ? 'dev' : 'start', '--port', String(env.PORT), ...hostArgs], childEnv);
  const stop = async () => {
    console_.kill('SIGTERM');
    await embedded?.close();
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());

  if (await waitUntilUp(url, console_)) {
    console.log(`\nAtlas Keys Console is running at ${url}`);
    if (embedded) {
      console.log(`Embedded mode: Admin API emulator at ${embedded.url}, change history in ${dataDir}`);
      console.log('Sign in with one of the demo people (no password):');
      for (const person of embedded.people) console.log(`  ${person.email.padEnd(24)} ${person.summary}`);
    }
    console.log('Press Ctrl+C to stop.\n');
  }
  const code = await exited(console_);
  await embedded?.close();
  process.exit(code);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
