// Builds the organization's key (and service account) × project role matrix and its risk summary from paged lists.
import 'server-only';
import type { ApiKey } from '@/lib/api/schemas';
import type { AuditQuery, AuditReport } from '@/lib/api/audit';
import { summarize } from '@/lib/api/audit-summary';
import { lastUseOf, type ServiceAccount } from '@/lib/api/service-accounts';
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
  /**
   * The organization's service accounts (`roles`: their organization roles), each with its roles per project and, when
   * it could be read, how many entries its access list holds.
   */
  serviceAccounts?: readonly (ServiceAccount & { projects: readonly { groupId: string; roles: string[] }[]; accessListEntries?: number })[];
  now?: Date;
}

export function buildAuditReport({ orgId, keys, projects, seesWholeOrg, thresholds, consolePublicKey, usage, serviceAccounts = [], now = new Date() }: Input): AuditReport {
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
  const accounts = serviceAccounts
    .map((account) => {
      const byProject: Record<string, string[]> = {};
      for (const { groupId, roles } of account.projects) if (visible.has(groupId) && roles.length > 0) byProject[groupId] = [...roles].sort();
      const lastUsed = lastUseOf(account);
      return {
        clientId: account.clientId,
        name: account.name,
        description: account.description,
        createdAt: account.createdAt,
        orgRoles: [...account.roles].sort(),
        projects: byProject,
        // Field by field: a secret's value never reaches the report.
        secrets: account.secrets.map(({ id, createdAt, expiresAt, lastUsedAt, maskedSecretValue }) => ({ id, createdAt, expiresAt, lastUsedAt, maskedSecretValue })),
        ...(lastUsed ? { lastUsed } : {}),
        ...(account.accessListEntries === undefined ? {} : { accessListEntries: account.accessListEntries }),
      };
    })
    .filter((account) => seesWholeOrg || Object.keys(account.projects).length > 0);

  return {
    generatedAt: now.toISOString(),
    thresholds,
    projects: projects.map(({ id, name }) => ({ id, name })),
    keys: rows,
    serviceAccounts: accounts,
    summary: summarize(rows, accounts, projects, thresholds, now.getTime()),
  };
}
