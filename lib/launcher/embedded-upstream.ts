// Starts the bundled Admin API emulator for the embedded default and says how the console reaches it.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadSeed } from '../emulator/seed';
import { demoSeedPath } from '../emulator/seeds/demo';
import { startEmulator } from '../emulator/server';
import { rolesInWords } from '../roles-in-words';

export async function startEmbeddedUpstream(dataDir: string) {
  const controlToken = randomBytes(32).toString('base64url');
  const seedFile = process.env.EMULATOR_SEED ? path.resolve(process.env.EMULATOR_SEED) : demoSeedPath;
  const dataFile = path.join(dataDir, 'emulator.json');
  const seed = loadSeed(existsSync(dataFile) ? dataFile : seedFile);
  const consoleKey = seed.apiKeys.find((k) => k.id === seed.consoleKey);
  if (!consoleKey) throw new Error(`the seed's consoleKey ${seed.consoleKey} is not one of its apiKeys`);
  const emulator = await startEmulator({
    seed,
    dataFile,
    port: process.env.EMULATOR_PORT ? Number(process.env.EMULATOR_PORT) : 0,
    latencyMs: process.env.EMULATOR_LATENCY_MS ? Number(process.env.EMULATOR_LATENCY_MS) : 0,
    // The controls hand out every private key: open only when a test run asks, else behind a token printed nowhere
    // and given only to the console (for its demo-mode probe).
    controlToken: process.env.EMULATOR_TEST_CONTROLS === '1' ? undefined : controlToken,
  });
  const projectNames = new Map(seed.projects.map((p) => [p.id, p.name]));
  const people = seed.users.map((u) => ({
    email: u.emailAddress,
    summary: rolesInWords(u.roles, (id) => projectNames.get(id)),
  }));
  return {
    url: emulator.url,
    people,
    close: () => emulator.close(),
    env: {
      ATLAS_BASE_URL: `${emulator.url}/api/public/v1.0`,
      // The emulator serves Cloud Manager's surface there (service accounts included), whatever its loopback host says.
      ATLAS_PRODUCT: 'cloud-manager',
      ATLAS_ORG_ID: consoleKey.orgId,
      ATLAS_PUBLIC_KEY: consoleKey.publicKey,
      ATLAS_PRIVATE_KEY: consoleKey.privateKey,
      EMULATOR_CONTROL_TOKEN: controlToken,
    },
  };
}
