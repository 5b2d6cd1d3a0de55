import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isBanner, withoutBanner } from './quiet-output';

describe('the start-up output', () => {
  it('drops Next.js’s banner, coloured or not, and keeps what the console logs', async () => {
    const from = new PassThrough();
    const to = new PassThrough();
    let written = '';
    to.on('data', (chunk: Buffer) => (written += chunk.toString()));
    withoutBanner(from, to);
    from.write('\x1b[1m▲ Next.js 16.4.6\x1b[22m\n- Local:         http://127.0.0.1:3000\n- Network:       http://127.0.0.1:3000\n');
    from.write('\x1b[32m✓\x1b[39m Ready in 646ms\n✓ Running next.config.ts took 335ms\n\nchange ');
    from.end('history: 2 pending changes settled\n');
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).toBe('change history: 2 pending changes settled\n');
  });

  it('keeps errors and warnings', () => {
    expect(isBanner('⨯ Error: listen EADDRINUSE: address already in use 127.0.0.1:3000')).toBe(false);
    expect(isBanner('Configuration error: NEXTAUTH_SECRET is required')).toBe(false);
  });
});
