// `npm run emulator`: starts the Admin API emulator, prints its URL on one line, stops cleanly on SIGINT or SIGTERM.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { parseCliOptions } from './cli-options';
import { loadSeed } from './seed';
import { startEmulator } from './server';

async function main(): Promise<void> {
  const options = parseCliOptions(process.argv.slice(2));
  // An existing data file is the state; the seed only starts a new one.
  const fromData = options.dataFile !== undefined && existsSync(options.dataFile);
  const seed = loadSeed(fromData && options.dataFile ? options.dataFile : options.seedFile);
  const emulator = await startEmulator({
    seed,
    host: options.host,
    port: options.port,
    dataFile: options.dataFile,
    latencyMs: options.latencyMs,
    // Without --test-controls nobody may use them: the token is random and kept nowhere.
    controlToken: options.testControls ? undefined : randomBytes(32).toString('base64url'),
  });
  const where = options.dataFile ? `state in ${options.dataFile}` : 'state in memory';
  console.log(`Atlas Admin API emulator listening at ${emulator.url} (${where})`);

  const stop = () => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
