// Whether the upstream and the change history answer: a generic status, cached a few seconds, needing no session.
import 'server-only';
import { errorLabel } from '@/lib/history/error-label';
import { escapeForLog } from '@/lib/log-text';
import { processSingleton } from '@/lib/process-singleton';
import { getAtlas, getChangeStore } from '@/lib/services';

/** Anyone may ask, as often as they like: the upstream is asked at most once per this time (sooner again after a failure, so a start is not held up). */
const healthyForMs = 5_000;
const unhealthyForMs = 1_000;

type Check = { ok: boolean };
export interface Health {
  ok: boolean;
  upstream: Check;
  database: Check;
}

const last = processSingleton('health', () => ({ until: 0, health: undefined as Promise<Health> | undefined }));

/** The reason goes to the log only: an upstream's error text may name hosts or settings nobody outside should see. */
async function check(name: string, run: () => Promise<unknown>): Promise<Check> {
  try {
    await run();
    return { ok: true };
  } catch (error) {
    const detail = error instanceof Error && 'detail' in error ? String(error.detail) : errorLabel(error);
    console.warn(escapeForLog(`health: the ${name} does not answer (${detail})`));
    return { ok: false };
  }
}

async function probe(): Promise<Health> {
  const [upstream, database] = await Promise.all([
    check('Admin API', () => getAtlas().getOrg()),
    check('change history', async () => (await getChangeStore()).ping()),
  ]);
  const health = { ok: upstream.ok && database.ok, upstream, database };
  last.until = Date.now() + (health.ok ? healthyForMs : unhealthyForMs);
  return health;
}

/** Concurrent callers share one probe; its answer serves everyone until it expires. */
export function checkHealth(): Promise<Health> {
  if (!last.health || Date.now() >= last.until) {
    last.until = Number.POSITIVE_INFINITY;
    last.health = probe();
  }
  return last.health;
}
