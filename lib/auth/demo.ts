// Demo mode: sign-in by picking a person of the seed, possible only against the bundled emulator on loopback.
import 'server-only';
import { getConfig } from '@/lib/config';
import { rolesInWords } from '@/lib/roles-in-words';
import { getAtlas } from '@/lib/server/services';
import { TtlCache } from './ttl-cache';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackUrl(url: string): boolean {
  const { hostname } = new URL(url);
  return loopbackHosts.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

const probe = new TtlCache<boolean>(Number.POSITIVE_INFINITY, 1);

/** True only when the upstream is on this machine and answers as the emulator: a real Admin API never does. */
export function isDemoMode(): Promise<boolean> {
  const base = getConfig().ATLAS_BASE_URL;
  if (!base || !isLoopbackUrl(base)) return Promise.resolve(false);
  // An answer settles it for good; no answer (the emulator still starting) is asked again next time.
  return probe
    .get('demo', async () => {
      const answer = await fetch(new URL('/__emulator/info', base), { signal: AbortSignal.timeout(2000) });
      const body = (await answer.json().catch(() => ({}))) as { emulator?: unknown };
      return answer.ok && body.emulator === 'atlas-admin-api-emulator';
    })
    .catch(() => false);
}

export interface DemoPerson {
  email: string;
  name: string;
  summary: string;
}

/** The organization's people, for the demo sign-in page. */
export async function listDemoPeople(): Promise<DemoPerson[]> {
  if (!(await isDemoMode())) return [];
  const [{ results }, projects] = await Promise.all([getAtlas().listOrgUsers(), getAtlas().listProjects()]);
  const projectNames = new Map(projects.results.map((p) => [p.id, p.name]));
  return results
    .filter((u) => u.emailAddress ?? u.username)
    .map((u) => ({
      email: (u.emailAddress ?? u.username).toLowerCase(),
      name: [u.firstName, u.lastName].filter(Boolean).join(' ') || u.username,
      summary: rolesInWords(u.roles, (id) => projectNames.get(id)),
    }));
}
