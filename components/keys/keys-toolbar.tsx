// Search and role filter above the keys table; both live in the URL so a filtered view can be shared.
import { Group, Text } from '@mantine/core';
import { SearchInput } from '@/components/ui/search-input';
import { RoleFilter } from './role-filter';

interface Props {
  search: string;
  onSearch: (value: string) => void;
  role: string;
  onRole: (value: string) => void;
  availableRoles: readonly string[];
  shown: number;
  /** Undefined until the list has loaded (or when it failed): no count is better than a wrong "0 keys". */
  total: number | undefined;
}

export function KeysToolbar({ search, onSearch, role, onRole, availableRoles, shown, total }: Props) {
  return (
    <Group align="flex-end" gap="md">
      <SearchInput label="Search keys" placeholder="Description or public key" value={search} onChange={onSearch} />
      <RoleFilter available={availableRoles} value={role} onChange={onRole} />
      {/* Beside the filters it counts, on the inputs' line. */}
      <Text size="sm" c="dimmed" role="status" aria-live="polite" pb={8} data-testid="keys-count">
        {total === undefined ? '' : shown === total ? `${total} key${total === 1 ? '' : 's'}` : `${shown} of ${total} keys`}
      </Text>
    </Group>
  );
}
