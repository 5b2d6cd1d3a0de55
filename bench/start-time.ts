// Start time: from `npm start` on a built tree (embedded mode) to the first answer of /api/health.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const tsxCli = createRequire(__filename).resolve('tsx/cli');

async function startOnce(port: number, dataDir: string): Promise<number> {
  const started = performance.now();
  // What `npm start` runs, without npm's own start-up in front of it.
  const launcher = spawn(process.execPath, [tsxCli, 'lib/launcher/start.ts'], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, EMULATOR_PORT: '0', NODE_ENV: 'production' },
  });
  try {
    for (;;) {
      if (launcher.exitCode !== null) throw new Error(`npm start exited with ${launcher.exitCode}`);
      try {
        await fetch(`http://127.0.0.1:${port}/api/health`);
        return performance.now() - started;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  } finally {
    launcher.kill('SIGTERM');
    await new Promise((resolve) => launcher.once('exit', resolve));
  }
}

/** The first start creates the data directory (change history, emulator state); a restart finds it. */
export async function startTime(port: number): Promise<{ firstStartMs: number; restartMs: number }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-start-'));
  try {
    const firstStartMs = await startOnce(port, dataDir);
    const restartMs = await startOnce(port, dataDir);
    return { firstStartMs, restartMs };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
