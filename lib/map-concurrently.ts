// A bounded pool: the upstream is read many times per view (a list per key, per account, per project), never all at once.

/**
 * `each(item)` for every item, at most `limit` at once, the results in the items' order. A free slot takes the next item
 * at once, so one slow read holds up one slot, not a batch. Fails as `Promise.all` does, on the first failure, and
 * starts no more items after it (those already running finish unobserved).
 */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, each: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await each(items[index] as T);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
