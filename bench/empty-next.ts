// The memory baseline: an empty Next.js app (one App Router route) on the installed next, measured as the console is.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import autocannon from 'autocannon';
import { spawnNext } from '../lib/launcher/next-process';
import { stopProcess, waitUntilHealthy } from '../lib/testing/next-console';
import { treeRss } from './console-process';

const root = path.resolve(__dirname, '..');
const nextBin = createRequire(__filename).resolve('next/dist/bin/next');
const version = (JSON.parse(readFileSync(path.join(path.dirname(nextBin), '../../package.json'), 'utf8')) as { version: string }).version;

/**
 * Built once per next version under .data (ignored by git, lint and the typecheck), and reused by later runs; inside
 * the repository so that it resolves next from its node_modules, as Turbopack allows no symlink out of the project.
 */
function ensureEmptyApp(): string {
  const dir = path.join(root, '.data', `bench-empty-next-${version}`);
  const hook = path.join(dir, 'instrumentation.js');
  if (existsSync(path.join(dir, '.next', 'BUILD_ID')) && existsSync(hook)) return dir;
  mkdirSync(path.join(dir, 'app', 'api', 'health'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
  // Its own empty configuration and start-up hook: Turbopack, rooted at the repository, would otherwise build in the
  // console's (whose configuration check stops a process that has no emulator to point at).
  writeFileSync(path.join(dir, 'next.config.mjs'), 'export default {};\n');
  writeFileSync(hook, 'export function register() {}\n');
  writeFileSync(path.join(dir, 'app', 'api', 'health', 'route.js'), "export const GET = () => Response.json({ ok: true });\n");
  console.log('building the empty Next.js baseline (next build)…');
  execFileSync(process.execPath, [nextBin, 'build'], { cwd: dir, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } });
  return dir;
}

/** RSS idle (after the first answer and `idleSeconds`) and at the end of `clients` connections for `seconds`. */
export async function emptyNextMemory(port: number, { idleSeconds, clients, seconds }: { idleSeconds: number; clients: number; seconds: number }) {
  const dir = ensureEmptyApp();
  // Started as the console is (its allocator settings included), so the two differ only by the app.
  const child = spawnNext(['start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: dir,
    stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitUntilHealthy(url);
    await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
    const idleMiB = treeRss(child.pid ?? 0);
    await autocannon({ url: `${url}/api/health`, connections: clients, duration: seconds });
    return { idleMiB, loadedMiB: treeRss(child.pid ?? 0) };
  } finally {
    await stopProcess(child);
  }
}
