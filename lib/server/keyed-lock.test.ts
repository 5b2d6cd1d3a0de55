import { describe, expect, it } from 'vitest';
import { KeyedLock } from './keyed-lock';

describe('KeyedLock', () => {
  it('serializes tasks of one key and lets other keys run', async () => {
    const lock = new KeyedLock();
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = lock.run('k', async () => {
      order.push('first:start');
      await gate;
      order.push('first:end');
    });
    const second = lock.run('k', async () => {
      order.push('second');
    });
    await lock.run('other', async () => {
      order.push('other');
    });
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first:start', 'other', 'first:end', 'second']);
  });

  it('goes on after a failed task', async () => {
    const lock = new KeyedLock();
    await expect(lock.run('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(lock.run('k', async () => 1)).resolves.toBe(1);
  });
});
