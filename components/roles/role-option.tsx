// One option of a Roles multiselect: tier icon, the human label and the API name under it, and a check when chosen.
import { Group, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { describeRole } from '@/lib/roles';
import { TierIcon } from './tier-icon';

export function RoleOption({ name, checked = false }: { name: string; checked?: boolean }) {
  const role = describeRole(name);
  return (
    <Group gap="xs" wrap="nowrap" justify="space-between" w="100%" data-checked={checked || undefined}>
      <Group gap="xs" wrap="nowrap">
        <TierIcon tier={role.tier} size={16} />
        <Stack gap={0}>
          <Text size="sm" fw={checked ? 600 : undefined}>
            {role.label}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {name}
          </Text>
        </Stack>
      </Group>
      {/* Mantine marks the option aria-selected for screen readers; the check says it to the eye. */}
      {checked && <IconCheck size={16} aria-hidden data-testid="role-option-check" />}
    </Group>
  );
}
