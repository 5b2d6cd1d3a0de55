// Whether the upstream and the change history answer; says nothing secret, needs no session.
import 'server-only';
import { getAtlas, getChangeStore } from './services';

type Check = { ok: true } | { ok: false; detail: string };

async function check(run: () => Promise<unknown>): Promise<Check> {
  try {
    await run();
    return { ok: true };
  } catch (error) {
    return { ok: false, detail: error instanceof Error && 'detail' in error ? String(error.detail) : 'unreachable' };
  }
}

export async function checkHealth() {
  const [upstream, database] = await Promise.all([
    check(() => getAtlas().getOrg()),
    check(async () => (await getChangeStore()).ping()),
  ]);
  return { ok: upstream.ok && database.ok, upstream, database };
}
