// The audit as one person may see it: ⌈keys/500⌉ + ⌈projects/500⌉ upstream calls, never one per project, plus each
// shown key's access list at most once per usage window (see key-usage.ts).
import 'server-only';
import type { AuditQuery, AuditReport } from '@/lib/api/audit';
import { listVisibleProjects, resolveOrgRoles } from './access';
import type { Person } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { buildAuditReport } from './audit-report';
import { keyUsage } from './key-usage';
import { getAtlas } from '@/lib/services';

export async function auditFor(person: Person, thresholds: AuditQuery): Promise<AuditReport> {
  const atlas = getAtlas();
  const [keys, visible, orgRoles] = await Promise.all([atlas.listOrgKeys(), listVisibleProjects(person.email), resolveOrgRoles(person.email)]);
  const input = {
    orgId: atlas.orgId,
    keys: keys.results,
    projects: visible.results,
    seesWholeOrg: orgRoles.includes('ORG_OWNER'),
    thresholds,
    consolePublicKey: getConfig().ATLAS_PUBLIC_KEY,
  };
  // Usage is read only for the keys this person is shown.
  const shown = buildAuditReport(input).keys.map((k) => k.id);
  return buildAuditReport({ ...input, usage: await keyUsage(atlas, shown) });
}
