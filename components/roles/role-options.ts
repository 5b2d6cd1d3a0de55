// The order and the options of roles: most privileged first for reading, and the Roles multiselect's options (the
// flavor's grantable project roles grouped by privilege tier, plus any odd role already held).
import type { ComboboxItemGroup, ComboboxItem, OptionsFilter } from '@mantine/core';
import { compareTiers, describeRole, grantableProjectRoles, tierLabels, tiers, type Flavor } from '@/lib/roles';

export function roleOptions(flavor: Flavor, alsoInclude: readonly string[] = []): ComboboxItemGroup<ComboboxItem>[] {
  const grantable: readonly string[] = grantableProjectRoles[flavor];
  const groups = tiers.map((tier) => ({
    group: tierLabels[tier],
    items: grantable
      .map(describeRole)
      .filter((role) => role.tier === tier)
      .sort((a, b) => a.label.localeCompare(b.label))
      .map((role) => ({ value: role.name, label: role.label })),
  }));
  // A key may hold a role this flavor no longer grants; it must still show (and be removable) in the editor.
  const odd = alsoInclude.filter((name) => !grantable.includes(name));
  if (odd.length > 0) {
    groups.push({ group: 'Not grantable here', items: odd.map((name) => ({ value: name, label: describeRole(name).label })) });
  }
  return groups.filter((group) => group.items.length > 0);
}

/** People search by the label they see or by the API name they know from scripts. */
export const labelOrNameFilter: OptionsFilter = ({ options, search }) => {
  const needle = search.trim().toLowerCase();
  if (!needle) return options;
  const matches = (item: ComboboxItem<string | number | boolean | bigint>) =>
    item.label.toLowerCase().includes(needle) || String(item.value).toLowerCase().includes(needle);
  return options
    .map((entry) => ('group' in entry ? { ...entry, items: entry.items.filter(matches) } : entry))
    .filter((entry) => ('group' in entry ? entry.items.length > 0 : matches(entry)));
};

/** Orders role names the way people scan them: the most privileged first, then alphabetically by label. */
export function sortRoles(roleNames: Iterable<string>): string[] {
  return [...new Set(roleNames)]
    .map(describeRole)
    .sort((a, b) => compareTiers(b.tier, a.tier) || a.label.localeCompare(b.label))
    .map((role) => role.name);
}
