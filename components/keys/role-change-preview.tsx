// What saving will do, before it is done: the roles that will be added and the ones that will be removed.
import { Group, Stack, Text } from '@mantine/core';
import { RoleChips } from '@/components/roles/role-chips';
import { AccessGrantWarning } from './access-grant-warning';

interface Props {
  before: readonly string[];
  after: readonly string[];
}

export function RoleChangePreview({ before, after }: Props) {
  const added = after.filter((r) => !before.includes(r));
  const removed = before.filter((r) => !after.includes(r));
  return (
    <Stack gap={6} aria-live="polite" data-testid="role-change-preview">
      <Text size="sm" fw={600}>
        Preview
      </Text>
      {added.length === 0 && removed.length === 0 ? (
        <Text size="sm" c="dimmed">
          No change yet: pick roles to add or remove.
        </Text>
      ) : (
        <>
          {added.length > 0 && (
            <Group gap="xs" align="center">
              <Text size="sm" w={90}>
                Will add
              </Text>
              <RoleChips roles={added} label="Roles to add" />
            </Group>
          )}
          {removed.length > 0 && (
            <Group gap="xs" align="center">
              <Text size="sm" w={90}>
                Will remove
              </Text>
              <RoleChips roles={removed} label="Roles to remove" />
            </Group>
          )}
          <AccessGrantWarning added={added} />
        </>
      )}
    </Stack>
  );
}
