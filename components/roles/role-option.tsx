// One option of a Roles multiselect: tier icon, the human label and the API name under it.
import { Group, Stack, Text } from '@mantine/core';
import { describeRole } from '@/lib/roles';
import { TierIcon } from './tier-icon';

export function RoleOption({ name }: { name: string }) {
  const role = describeRole(name);
  return (
    <Group gap="xs" wrap="nowrap">
      <TierIcon tier={role.tier} size={16} />
      <Stack gap={0}>
        <Text size="sm">{role.label}</Text>
        <Text size="xs" c="dimmed" ff="monospace">
          {name}
        </Text>
      </Stack>
    </Group>
  );
}
