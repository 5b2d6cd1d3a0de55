// Runs tasks with the same key one after another, so a read-check-write on one API key or service account is not interleaved.
import 'server-only';
import { processSingleton } from '@/lib/process-singleton';
import { getChangeStore } from '@/lib/services';

export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}

const lock = processSingleton('key-lock', () => new KeyedLock());

/** One read-compare-write per key (or service account) at a time: in this process, then across the instances sharing the history. */
export function exclusively<T>(id: string, task: () => Promise<T>): Promise<T> {
  return lock.run(id, async () => {
    const { shared } = await getChangeStore();
    return shared ? shared.withKeyLock(id, task) : task();
  });
}
