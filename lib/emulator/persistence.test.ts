// Durable state: atomic writes, and the CLI killed with SIGKILL at random moments never loses an acknowledged change.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './persist';
import { loadSeed } from './seed';
import { demoSeedPath } from './seeds/demo';
import { emulatorControls } from './testing/control-client';
import { DigestClient } from './testing/digest-fetch';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'emulator-persistence-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('replaces the file whole, readable only by its owner, and leaves no temporary file', () => {
    const file = path.join(dir, 'atomic.json');
    writeFileSync(file, 'old');
    writeFileAtomic(file, '{"new":true}');
    expect(readdirSync(dir).filter((f) => f.startsWith('atomic'))).toEqual(['atomic.json']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ new: true });
  });
});

interface Cli {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

/**
 * The CLI run by node itself with tsx's loader (not through the `tsx` wrapper, which would leave its child
 * running when killed), so SIGKILL hits the emulator process.
 */
async function startCli(dataFile: string): Promise<Cli> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'lib/emulator/cli.ts', '--data', dataFile, '--port', '0', '--test-controls'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const found = /https?:\/\/[^\s)]+/.exec(line)?.[0];
      if (found) resolve(found);
    });
    void exited.then((code) => reject(new Error(`the CLI exited with ${code} before listening: ${stderr}`)));
  });
  return { child, url, exited };
}

describe('the CLI with --data under kill -9', () => {
  const dataFile = path.join(dir, 'state.json');
  const seed = loadSeed(demoSeedPath);
  const consoleKey = seed.apiKeys.find((k) => k.id === seed.consoleKey)!;
  const groupId = seed.projects[0]!.id;

  /** Creates keys back to back on `lanes` connections until the process dies, noting each acknowledged id. */
  async function mutateUntilDead(url: string, lanes: number, acknowledged: string[], firstAck: () => void): Promise<void> {
    const client = new DigestClient(consoleKey);
    const lane = async (n: number) => {
      for (let i = 0; ; i++) {
        try {
          const answer = await client.fetch(`${url}/api/public/v1.0/groups/${groupId}/apiKeys`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ desc: `lane ${n} change ${i}`, roles: ['GROUP_READ_ONLY'] }),
          });
          if (answer.status !== 200) throw new Error(`create answered ${answer.status}`);
          acknowledged.push(((await answer.json()) as { id: string }).id);
          firstAck();
        } catch (error) {
          if (error instanceof Error && error.message.startsWith('create answered')) throw error;
          return; // the connection died with the process
        }
      }
    };
    await Promise.all(Array.from({ length: lanes }, (_, n) => lane(n)));
  }

  it('always leaves a readable data file holding every acknowledged change, and restarts from it', async () => {
    const acknowledged: string[] = [];
    for (let round = 0; round < 4; round++) {
      const cli = await startCli(dataFile);
      // The state survived the previous kill: every acknowledged key is there.
      expect(loadSeed(dataFile).apiKeys.map((k) => k.id)).toEqual(expect.arrayContaining(acknowledged));
      let signal!: () => void;
      const started = new Promise<void>((resolve) => (signal = resolve));
      const mutations = mutateUntilDead(cli.url, 2, acknowledged, signal);
      await started;
      // A random moment, so kills land before, during and after writes across rounds.
      await delay(Math.random() * 150);
      cli.child.kill('SIGKILL');
      await Promise.all([cli.exited, mutations]);
      const survived = loadSeed(dataFile);
      expect(survived.apiKeys.map((k) => k.id)).toEqual(expect.arrayContaining(acknowledged));
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(4);

    const last = await startCli(dataFile);
    const state = await emulatorControls(last.url).state();
    expect(state.apiKeys.map((k) => k.id)).toEqual(expect.arrayContaining(acknowledged));
    last.child.kill('SIGTERM');
    expect(await last.exited).toBe(0);
  });
});
