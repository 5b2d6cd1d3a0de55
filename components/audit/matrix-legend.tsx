// Under the matrix: what the chip icons mean, and how to move through the grid with the keyboard.
import { Group, Text } from '@mantine/core';
import { tierLabels, tiers } from '@/lib/roles';
import { TierIcon } from '@/components/roles/tier-icon';

export function MatrixLegend({ id }: { id: string }) {
  return (
    <Group gap="md" mt={6} wrap="wrap">
      <Group gap="sm" aria-hidden>
        {tiers.map((tier) => (
          <Group key={tier} gap={4} wrap="nowrap">
            <TierIcon tier={tier} size={14} />
            <Text size="xs" c="dimmed">
              {tierLabels[tier]}
            </Text>
          </Group>
        ))}
      </Group>
      <Text id={id} size="xs" c="dimmed">
        Arrow keys, Page Up/Down, Home and End move between cells; Enter opens the key in that project.
      </Text>
    </Group>
  );
}
