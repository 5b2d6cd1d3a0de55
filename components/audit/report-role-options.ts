// The role filter's options: every role some key holds in this report, grouped by tier, most privileged first.
import type { ComboboxItem, ComboboxItemGroup } from '@mantine/core';
import type { AuditReport } from '@/lib/api/audit';
import { describeRole, tierLabels, type RoleTier } from '@/lib/roles';
import { sortRoles } from '@/components/roles/sort-roles';

const order: RoleTier[] = ['access', 'write', 'read', 'unknown'];

export function reportRoleOptions(report: AuditReport, alsoInclude: readonly string[] = []): ComboboxItemGroup<ComboboxItem>[] {
  const held = new Set<string>(alsoInclude);
  for (const key of report.keys) {
    for (const role of key.orgRoles) held.add(role);
    for (const roles of Object.values(key.projects)) for (const role of roles) held.add(role);
  }
  const roles = sortRoles(held).map(describeRole);
  return order
    .map((tier) => ({
      group: tierLabels[tier],
      items: roles.filter((r) => r.tier === tier).map((r) => ({ value: r.name, label: r.label })),
    }))
    .filter((group) => group.items.length > 0);
}
