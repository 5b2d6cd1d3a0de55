// Runs the Admin API emulator for lib/atlas's integration tests and makes real clients of every flavor and credential for it.
import 'server-only';
import { Agent, Client } from 'undici';
import type { Seed } from '@/lib/emulator/seed';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '@/lib/emulator/server';
import { emulatorControls, type EmulatorControls } from '@/lib/emulator/testing/control-client';
import type { Flavor } from '@/lib/roles';
import { createAtlasClient, type AtlasClient, type AtlasClientOptions } from '../client';

export interface TestFlavor {
  flavor: Flavor;
  prefix: string;
  /** cloud.mongodb.com is how the client tells Cloud Manager from Ops Manager; the test agent resolves it to loopback. */
  host: string;
  /** A project role every catalog grants, and a second one this flavor grants. */
  roles: [string, string];
}

export const testFlavors: readonly TestFlavor[] = [
  { flavor: 'ops-manager', prefix: '/api/public/v1.0', host: '127.0.0.1', roles: ['GROUP_READ_ONLY', 'GROUP_USER_ADMIN'] },
  { flavor: 'cloud-manager', prefix: '/api/public/v1.0', host: 'cloud.mongodb.com', roles: ['GROUP_READ_ONLY', 'GROUP_BILLING_ADMIN'] },
  { flavor: 'atlas-v1', prefix: '/api/atlas/v1.0', host: '127.0.0.1', roles: ['GROUP_READ_ONLY', 'GROUP_CLUSTER_MANAGER'] },
  { flavor: 'atlas-v2', prefix: '/api/atlas/v2', host: '127.0.0.1', roles: ['GROUP_READ_ONLY', 'GROUP_CLUSTER_MANAGER'] },
];

export type AuthKind = 'digest' | 'oauth';

/** The emulator, its seed's credentials, clients of every flavor for it, and its test controls. */
export interface EmulatorFixture extends Pick<EmulatorControls, 'requests' | 'clearRequests' | 'fault' | 'forgetNonces' | 'reset'> {
  emulator: RunningEmulator;
  seed: Seed;
  orgId: string;
  consoleKey: { publicKey: string; privateKey: string };
  serviceAccount: { clientId: string; clientSecret: string };
  client(flavor: TestFlavor, auth: AuthKind, options?: Partial<AtlasClientOptions>): AtlasClient;
  close(): Promise<void>;
}

export async function startEmulatorFixture(seed: Seed, options: Omit<EmulatorOptions, 'seed' | 'port'> = {}): Promise<EmulatorFixture> {
  const emulator = await startEmulator({ seed, port: 0, ...options });
  const consoleKey = seed.apiKeys.find((k) => k.id === seed.consoleKey);
  const serviceAccount = seed.serviceAccounts?.[0];
  const secret = serviceAccount?.secrets[0];
  if (!consoleKey || !serviceAccount || !secret) throw new Error('the seed needs a console key and a service account with a secret');
  const connect: Agent.Options['connect'] = {
    lookup: (_host, lookupOptions, done) => (lookupOptions.all ? done(null, [{ address: '127.0.0.1', family: 4 }]) : done(null, '127.0.0.1', 4)),
  };
  const agent = new Agent({ keepAliveTimeout: 10_000, connections: 16, connect });
  const connections: Client[] = [];
  const { requests, clearRequests, fault, forgetNonces, reset } = emulatorControls(emulator.url);
  return {
    emulator,
    seed,
    orgId: consoleKey.orgId,
    consoleKey: { publicKey: consoleKey.publicKey, privateKey: consoleKey.privateKey },
    serviceAccount: { clientId: serviceAccount.clientId, clientSecret: secret.secret },
    client(flavor, auth, overrides = {}) {
      return createAtlasClient({
        baseUrl: `http://${flavor.host}:${emulator.port}${flavor.prefix}`,
        orgId: consoleKey.orgId,
        auth:
          auth === 'digest'
            ? { kind: 'digest', publicKey: consoleKey.publicKey, privateKey: consoleKey.privateKey }
            : { kind: 'oauth', clientId: serviceAccount.clientId, clientSecret: secret.secret },
        dispatcher: agent,
        connection() {
          const client = new Client(`http://${flavor.host}:${emulator.port}`, { keepAliveTimeout: 10_000, connect });
          connections.push(client);
          return client;
        },
        retry: { baseDelayMs: 5 },
        ...overrides,
      });
    },
    requests,
    clearRequests,
    fault,
    forgetNonces,
    reset,
    async close() {
      await Promise.all(connections.map((c) => c.close()));
      await agent.close();
      await emulator.close();
    },
  };
}
