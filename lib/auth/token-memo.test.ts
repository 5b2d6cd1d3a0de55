import { encode } from 'next-auth/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeOnce } from './token-memo';

const secret = 'token-memo-test-secret-0123456789-abcdefghij';

describe('decodeOnce', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('decodes a session token once and hands out the same claims while it is valid', async () => {
    const token = await encode({ token: { email: 'a@demo.test', name: 'A' }, secret, maxAge: 60 });
    const first = await decodeOnce({ token, secret });
    expect(first).toMatchObject({ email: 'a@demo.test', name: 'A' });
    expect(await decodeOnce({ token, secret })).toBe(first);
  });

  it('does not serve a remembered token past its expiry', async () => {
    const token = await encode({ token: { email: 'b@demo.test' }, secret, maxAge: 60 });
    expect(await decodeOnce({ token, secret })).toMatchObject({ email: 'b@demo.test' });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3_600_000);
    await expect(decodeOnce({ token, secret })).rejects.toThrow();
  });

  it('refuses a token sealed with another secret, remembered or not', async () => {
    const other = `${secret}-other`;
    const token = await encode({ token: { email: 'c@demo.test' }, secret: other, maxAge: 60 });
    await expect(decodeOnce({ token, secret })).rejects.toThrow();
    expect(await decodeOnce({ token, secret: other })).toMatchObject({ email: 'c@demo.test' });
    await expect(decodeOnce({ token, secret })).rejects.toThrow();
    expect(await decodeOnce({ token: undefined, secret })).toBeNull();
  });
});
