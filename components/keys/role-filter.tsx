// The role filter of the keys table: the roles held in this project, grouped by tier, in a native select.
import { NativeSelect } from '@mantine/core';
import { useMemo } from 'react';
import { sortRoles } from '@/components/roles/sort-roles';
import { describeRole, tierLabels } from '@/lib/roles';

interface Props {
  /** Roles held by some key of the project (and the current filter, so a shared link shows what it filters on). */
  available: readonly string[];
  value: string;
  onChange: (role: string) => void;
}

// A native select rather than a searchable combobox: the list is short, works with every assistive technology
// and keeps the combobox code out of the page's first load (the dialogs load it later).
export function RoleFilter({ available, value, onChange }: Props) {
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
