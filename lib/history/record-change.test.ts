import { describe, expect, it, vi } from 'vitest';
import type { ChangeIntent } from './change';
import { recordChange } from './record-change';
import type { ChangeStore } from './store';
import { hexId, storeForBlock, testDatabases } from './testing/test-databases';

const newKey = (groupId: string) => ({
  id: hexId(),
  desc: 'CI deploy key',
  publicKey: 'qwertyui',
  privateKey: 'f00dfeed-1111-4111-8111-0123456789ab',
  roles: [{ groupId, roleName: 'GROUP_OWNER' }],
});

describe.each(testDatabases())('recordChange on $name', (databases) => {
  const store = storeForBlock(databases);

  const createIntent = (groupId: string): ChangeIntent => ({
    actor: 'owner@example.com',
    action: 'create',
    groupId,
    keyDesc: 'CI deploy key',
    rolesBefore: [],
    rolesAfter: ['GROUP_OWNER'],
  });

  it('writes the intent before the upstream call and the outcome after, without the private key', async () => {
    const groupId = hexId();
    const key = newKey(groupId);
    const run = vi.fn(async () => {
      const { results } = await store().list({ groupId });
      expect(results.map((r) => r.outcome)).toEqual(['pending']);
      return key;
    });
    const result = await recordChange(store(), createIntent(groupId), run, (k) => ({ ...k, apiKeyId: k.id, rolesAfter: ['GROUP_OWNER'] }));

    expect(result).toBe(key);
    expect(run).toHaveBeenCalledOnce();
    const page = await store().list({ groupId });
    expect(page.results).toEqual([
      expect.objectContaining({ outcome: 'success', apiKeyId: key.id, publicKey: 'qwertyui', rolesAfter: ['GROUP_OWNER'] }),
    ]);
    expect(JSON.stringify(page)).not.toContain(key.privateKey);
  });

  it('records an upstream error’s code and detail, then rethrows it', async () => {
    const groupId = hexId();
    const error = Object.assign(new Error('boom'), { errorCode: 'INVALID_ATTRIBUTE', detail: 'Invalid attribute desc.' });
    await expect(recordChange(store(), createIntent(groupId), () => Promise.reject(error), () => ({}))).rejects.toBe(error);
    expect((await store().list({ groupId })).results[0]).toMatchObject({ outcome: 'failure', errorCode: 'INVALID_ATTRIBUTE', detail: 'Invalid attribute desc.' });
  });

  it('records a timeout or a dropped connection as unknown: the upstream may have applied the change', async () => {
    for (const kind of ['timeout', 'network']) {
      const groupId = hexId();
      const error = Object.assign(new Error('no answer'), { kind, errorCode: 'UPSTREAM_TIMEOUT', detail: 'The Admin API did not answer in time.' });
      await expect(recordChange(store(), createIntent(groupId), () => Promise.reject(error), () => ({}))).rejects.toBe(error);
      const [record] = (await store().list({ groupId })).results;
      expect(record).toMatchObject({ outcome: 'unknown', errorCode: null });
      expect(record?.detail).toContain('not known');
    }
  });

  it('records any other error as UNEXPECTED_ERROR without its message', async () => {
    const groupId = hexId();
    const error = new TypeError('internal http://user:hunter2@host detail');
    await expect(recordChange(store(), createIntent(groupId), () => Promise.reject(error), () => ({}))).rejects.toBe(error);
    const [record] = (await store().list({ groupId })).results;
    expect(record).toMatchObject({ outcome: 'failure', errorCode: 'UNEXPECTED_ERROR' });
    expect(record?.detail).toContain('TypeError');
    expect(record?.detail).not.toContain('hunter2');
  });

  it('does not run the mutation when the intent cannot be written', async () => {
    const down = new Error('database down');
    const failing: ChangeStore = { ...store(), recordIntent: () => Promise.reject(down) };
    const run = vi.fn(async () => 'done');
    await expect(recordChange(failing, createIntent(hexId()), run, () => ({}))).rejects.toBe(down);
    expect(run).not.toHaveBeenCalled();
  });

  it('returns the result when only the outcome cannot be written, leaving the record pending', async () => {
    const groupId = hexId();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const failing: ChangeStore = { ...store(), recordOutcome: () => Promise.reject(Object.assign(new Error('x'), { code: '57P01' })) };
      await expect(recordChange(failing, createIntent(groupId), async () => 'created', () => ({}))).resolves.toBe('created');
      expect(warn).toHaveBeenCalledOnce();
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/not recorded \(Error 57P01\)/);
    } finally {
      warn.mockRestore();
    }
    expect((await store().list({ groupId })).results[0]?.outcome).toBe('pending');
  });
});
