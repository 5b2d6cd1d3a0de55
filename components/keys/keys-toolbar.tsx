// Search and role filter above the keys (or service accounts) table; both live in the URL so a filtered view can be shared.
import { Group, NativeSelect, Text } from '@mantine/core';
import { useMemo } from 'react';
import { sortRoles } from '@/components/roles/role-options';
import { SearchInput } from '@/components/ui/search-input';
import { describeRole, tierLabels } from '@/lib/roles';

interface Props {
  search: string;
  onSearch: (value: string) => void;
  role: string;
  onRole: (value: string) => void;
  availableRoles: readonly string[];
  shown: number;
  /** Undefined until the list has loaded (or when it failed): no count is better than a wrong "0 keys". */
  total: number | undefined;
  /** What the rows are: key (the default) or service account. */
  what?: 'key' | 'service account';
}

export function KeysToolbar({ search, onSearch, role, onRole, availableRoles, shown, total, what = 'key' }: Props) {
  const plural = `${what}s`;
  return (
    <Group align="flex-end" gap="md">
      <SearchInput
        label={`Search ${plural}`}
        placeholder={what === 'key' ? 'Description or public key' : 'Name, description or client id'}
        value={search}
        onChange={onSearch}
      />
      <RoleFilter available={availableRoles} value={role} onChange={onRole} />
      {/* Beside the filters it counts, on the inputs' line. */}
      <Text size="sm" c="dimmed" role="status" aria-live="polite" pb={8} data-testid="keys-count">
        {total === undefined ? '' : shown === total ? `${total} ${total === 1 ? what : plural}` : `${shown} of ${total} ${plural}`}
      </Text>
    </Group>
  );
}

interface RoleFilterProps {
  /** Roles held by some key of the project (and the current filter, so a shared link shows what it filters on). */
  available: readonly string[];
  value: string;
  onChange: (role: string) => void;
}

/** The roles held in this project, grouped by tier. */
// A native select rather than a searchable combobox: the list is short, works with every assistive technology
// and keeps the combobox code out of the page's first load (the dialogs load it later).
function RoleFilter({ available, value, onChange }: RoleFilterProps) {
  const data = useMemo(() => {
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const name of sortRoles(value ? [...available, value] : available)) {
      const role = describeRole(name);
      const group = tierLabels[role.tier];
      groups.set(group, [...(groups.get(group) ?? []), { value: name, label: role.label }]);
    }
    return [{ value: '', label: 'Any role' }, ...[...groups].map(([group, items]) => ({ group, items }))];
  }, [available, value]);
  return <NativeSelect label="Role" data={data} value={value} onChange={(event) => onChange(event.currentTarget.value)} miw={240} />;
}
