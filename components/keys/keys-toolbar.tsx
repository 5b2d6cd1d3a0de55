// Search and role filter above the keys (or service accounts) table; both live in the URL so a filtered view can be shared.
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
