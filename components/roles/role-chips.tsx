// A list of role chips, most privileged first; the list is named so screen readers say what the roles are of.
import { Group, Text } from '@mantine/core';
import { RoleChip } from './role-chip';
import { sortRoles } from './sort-roles';

interface Props {
  roles: Iterable<string>;
  label: string;
  muted?: boolean;
  /** Shown when there are no roles; nothing when omitted. */
  empty?: string;
}

export function RoleChips({ roles, label, muted, empty }: Props) {
  const sorted = sortRoles(roles);
  if (sorted.length === 0) {
    return empty ? (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    ) : null;
  }
  return (
    <Group role="list" aria-label={label} gap={4}>
      {sorted.map((name) => (
        <RoleChip key={name} name={name} muted={muted} />
      ))}
    </Group>
  );
}
