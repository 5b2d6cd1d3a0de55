// Demo mode: sign-in by picking a person of the seed, possible only against the bundled emulator on loopback.
import 'server-only';
import { getConfig } from '@/lib/config';
import { isLoopbackUrl } from '@/lib/host-rules';
import { rolesInWords } from '@/lib/roles-in-words';
import { getAtlas } from '@/lib/services';
import { TtlCache } from './ttl-cache';

const probe = new TtlCache<boolean>(Number.POSITIVE_INFINITY, 1);

/** True only when the upstream is on this machine and answers as the emulator: a real Admin API never does. */
export function isDemoMode(): Promise<boolean> {
  const { ATLAS_BASE_URL: base, EMULATOR_CONTROL_TOKEN: token } = getConfig();
  if (!isLoopbackUrl(base)) return Promise.resolve(false);
  // An answer settles it for good; no answer (the emulator still starting) is asked again next time.
  return probe
    .get('demo', async () => {
      const answer = await fetch(new URL('/__emulator/info', base), {
        headers: token ? { 'X-Emulator-Control-Token': token } : {},
        signal: AbortSignal.timeout(2000),
      });
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
  const atlas = getAtlas();
  const [{ results }, invited, projects] = await Promise.all([
    atlas.listOrgUsers(),
    // v2 lists invited people among the users; v1.0 apart, and they may sign in to be told to accept first.
    atlas.flavor === 'atlas-v2' ? [] : atlas.listOrgInvitations(),
    atlas.listProjects(),
  ]);
  const projectNames = new Map(projects.results.map((p) => [p.id, p.name]));
  const members = results
    .filter((u) => u.emailAddress ?? u.username)
    .map((u) => ({
      email: (u.emailAddress ?? u.username).toLowerCase(),
      name: [u.firstName, u.lastName].filter(Boolean).join(' ') || u.username,
      summary: `${u.orgMembershipStatus === 'ACTIVE' ? '' : 'Invited, not joined: '}${rolesInWords(u.roles, (id) => projectNames.get(id))}`,
    }));
  return [...members, ...invited.map((i) => ({ email: i.username.toLowerCase(), name: i.username, summary: 'Invited, not joined' }))];
}
