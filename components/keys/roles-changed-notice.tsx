// The 409 of an edit: who changed the key's roles meanwhile and to what, and a way to start again from them.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { RoleChips } from '@/components/roles/role-chips';
import { sameRoles } from '@/lib/api/role-assignments';
import { activityPageQuery } from '@/lib/api/queries';

interface Props {
  groupId: string;
  apiKeyId: string;
  /** The roles the person started editing from. */
  seen: readonly string[];
  current: readonly string[];
  detail: string;
  onReload: () => void;
}

export function RolesChangedNotice({ groupId, apiKeyId, seen, current, detail, onReload }: Props) {
  // The change history knows who made the change if it went through the console; a direct upstream change leaves no name.
  const activity = useQuery(activityPageQuery({ groupId, limit: 50 }));
  const change = activity.data?.results.find(
    (r) => r.apiKeyId === apiKeyId && r.outcome === 'success' && sameRoles(r.rolesAfter, current),
  );
  const added = current.filter((r) => !seen.includes(r));
  const removed = seen.filter((r) => !current.includes(r));
  return (
    <Alert color="yellow" variant="light" title="Someone changed this key’s roles while you were editing" role="alert">
      <Stack gap="xs">
        <Text size="sm">{detail}</Text>
        <Text size="sm" data-testid="changed-by">
          {change
            ? `Changed by ${change.actor} at ${new Date(change.completedAt ?? change.createdAt).toLocaleString()}.`
            : activity.isPending
              ? 'Looking up who made the change…'
              : 'The change was not made through this console (for example in the Atlas UI or with a CLI).'}
        </Text>
        {added.length > 0 && (
          <Group gap="xs">
            <Text size="sm">They added</Text>
            <RoleChips roles={added} label="Roles added meanwhile" />
          </Group>
        )}
        {removed.length > 0 && (
          <Group gap="xs">
            <Text size="sm">They removed</Text>
            <RoleChips roles={removed} label="Roles removed meanwhile" />
          </Group>
        )}
        <Group gap="xs">
          <Text size="sm">Roles now</Text>
          <RoleChips roles={current} label="Current roles" empty="none: the key is no longer in this project" />
        </Group>
        <Button w="fit-content" variant="default" size="xs" leftSection={<IconRefresh size={14} aria-hidden />} onClick={onReload}>
          Reload the current roles
        </Button>
      </Stack>
    </Alert>
  );
}
