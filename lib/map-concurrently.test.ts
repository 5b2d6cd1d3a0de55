import { describe, expect, it } from 'vitest';
import { mapConcurrently } from './map-concurrently';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapConcurrently', () => {
  it('answers in the items’ order with never more than the limit in flight, a free slot taking the next item', async () => {
    let inFlight = 0;
    let most = 0;
    let started = 0;
    let startedWhenSlowEnded = 0;
    const results = await mapConcurrently([30, 5, 5, 5, 5, 5, 5, 1], 3, async (ms) => {
      started++;
      most = Math.max(most, ++inFlight);
      await tick(ms);
      inFlight--;
      if (ms === 30) startedWhenSlowEnded = started;
      return ms * 2;
    });
    expect(results).toEqual([60, 10, 10, 10, 10, 10, 10, 2]);
    expect(most).toBe(3);
    // Batches of three would wait for the 30 ms item before starting the fourth; a pool has started all eight by then.
    expect(startedWhenSlowEnded).toBe(8);
  });

  it('fails with the first failure and starts nothing after it', async () => {
    const started: number[] = [];
    const run = mapConcurrently([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n);
      await tick(5);
      if (n === 2) throw new Error('item 2 failed');
      return n;
    });
    await expect(run).rejects.toThrow('item 2 failed');
    await tick(20);
    expect(started).toEqual([1, 2, 3]);
  });

  it('answers an empty list without calling anything', async () => {
    expect(await mapConcurrently([], 8, () => Promise.reject(new Error('called')))).toEqual([]);
  });
});
