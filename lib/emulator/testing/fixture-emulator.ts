// One emulator per test file, back at its seed before every test so that no test sees another's changes.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Seed } from '../seed';
import { startEmulator, type RunningEmulator } from '../server';
import { emulatorControls } from './control-client';
import { fixtureSeed } from './fixture-seed';

/** Registers the file's hooks and returns the emulator, usable from the first hook or test on. */
export function fixtureEmulatorForFile(seed: () => Seed = fixtureSeed): RunningEmulator {
  let running: RunningEmulator | undefined;
  beforeAll(async () => {
    running = await startEmulator({ seed: seed() });
  });
  afterAll(() => running?.close());
  beforeEach(() => emulatorControls(current().url).reset());
  const current = () => {
    if (!running) throw new Error('the emulator starts in beforeAll: use it from a hook or a test');
    return running;
  };
  return {
    get url() {
      return current().url;
    },
    get port() {
      return current().port;
    },
    close: () => current().close(),
    snapshot: () => current().snapshot(),
  };
}
