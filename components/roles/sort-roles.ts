// Orders role names the way people scan them: the most privileged first, then alphabetically by label.
import { compareTiers, describeRole } from '@/lib/roles';

export function sortRoles(roleNames: Iterable<string>): string[] {
  return [...new Set(roleNames)]
    .map(describeRole)
    .sort((a, b) => compareTiers(b.tier, a.tier) || a.label.localeCompare(b.label))
    .map((role) => role.name);
}
