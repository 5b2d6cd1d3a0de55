import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startLocalServer, type LocalServer } from '@/lib/atlas/testing/local-server';

const upstream = vi.hoisted(() => ({ url: '' }));
vi.mock('@/lib/config', () => ({ getConfig: () => ({ ATLAS_BASE_URL: `${upstream.url}/api/public/v1.0` }) }));
const { isDemoMode } = await import('./demo');

let server: LocalServer;
let answering = false;
beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    if (!answering) return void res.socket?.destroy();
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ emulator: 'atlas-admin-api-emulator' }));
  });
  upstream.url = server.url;
});
afterAll(() => server.close());

describe('isDemoMode', () => {
  it('asks again after the emulator did not answer, and remembers once it has', async () => {
    expect(await isDemoMode()).toBe(false);
    answering = true;
    expect(await isDemoMode()).toBe(true);
    answering = false;
    expect(await isDemoMode()).toBe(true);
  });
});
