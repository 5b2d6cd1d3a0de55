import { afterEach, describe, expect, it, vi } from 'vitest';
import { register } from './instrumentation';

describe('register, as the server starts', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('stops the process with one line when the server has no upstream (next start without the launcher)', async () => {
    vi.stubEnv('NEXT_RUNTIME', 'nodejs');
    vi.stubEnv('ATLAS_BASE_URL', '');
    vi.stubEnv('NEXTAUTH_SECRET', 'x'.repeat(32));
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await register();
    expect(exit).toHaveBeenCalledWith(1);
    expect(error.mock.calls).toEqual([['Configuration error: ATLAS_BASE_URL is not set; run `npm start`, which starts the embedded emulator']]);
  });

  it('lets a configured server start', async () => {
    vi.stubEnv('NEXT_RUNTIME', 'nodejs');
    vi.stubEnv('ATLAS_BASE_URL', 'https://cloud.mongodb.com/api/atlas/v2');
    vi.stubEnv('ATLAS_ORG_ID', '5980cfc60b6d97029d82e32b');
    vi.stubEnv('ATLAS_PUBLIC_KEY', 'abcdefgh');
    vi.stubEnv('ATLAS_PRIVATE_KEY', 'secret-value-1234');
    vi.stubEnv('NEXTAUTH_SECRET', 'x'.repeat(32));
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    await register();
    expect(exit).not.toHaveBeenCalled();
  });
});
