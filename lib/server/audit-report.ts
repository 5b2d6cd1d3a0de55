// Builds the organization's key × project role matrix and its risk summary from two paged lists.
import 'server-only';
import type { ApiKey } from '@/lib/api/schemas';
import type { AuditQuery, AuditReport } from '@/lib/api/audit';
import { summarizeKeys } from '@/lib/api/audit-summary';
import type { KeyUsage } from './key-usage';

interface Input {
  orgId: string;
  keys: readonly ApiKey[];
  /** Only the projects the person may see, in display order. */
  projects: readonly { id: string; name: string }[];
  /** Organization Owners see every key, including those in no project. */
  seesWholeOrg: boolean;
  thresholds: AuditQuery;
  /** The public key the console signs in with, if it uses an API key: that row is marked as the console's own. */
  consolePublicKey?: string;
  /** By key id; keys without an entry have no known usage. */
  usage?: ReadonlyMap<string, KeyUsage>;
  now?: Date;
}

export function buildAuditReport({ orgId, keys, projects, seesWholeOrg, thresholds, consolePublicKey, usage, now = new Date() }: Input): AuditReport {
  const visible = new Set(projects.map((p) => p.id));
  const rows = keys
    .map((key) => {
      const byProject: Record<string, string[]> = {};
      for (const role of key.roles) {
        if (!role.groupId || !visible.has(role.groupId)) continue;
        (byProject[role.groupId] ??= []).push(role.roleName);
      }
      for (const roles of Object.values(byProject)) roles.sort();
      return {
        id: key.id,
        desc: key.desc,
        publicKey: key.publicKey,
        orgRoles: key.roles.filter((r) => r.orgId === orgId).map((r) => r.roleName).sort(),
        projects: byProject,
        ...(consolePublicKey && key.publicKey === consolePublicKey ? { isConsoleKey: true } : {}),
        ...usage?.get(key.id),
      };
    })
    .filter((row) => seesWholeOrg || Object.keys(row.projects).length > 0);

  return {
    generatedAt: now.toISOString(),
    thresholds,
    projects: projects.map(({ id, name }) => ({ id, name })),
    keys: rows,
    summary: summarizeKeys(rows, projects, thresholds, now.getTime()),
  };
}
