// Under the matrix: what the chip icons mean, how to move through the grid with the keyboard, and what the focused cell holds.
import { Group, Text } from '@mantine/core';
import { tierLabels, tiers } from '@/lib/roles';
import { TierIcon } from '@/components/roles/role-chips';

export function MatrixLegend({ id, focused }: { id: string; focused: string }) {
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
      {/* The screen reader already hears the cell's name; this line is for the eyes of keyboard users. */}
      <Text size="xs" fw={600} aria-hidden data-testid="audit-focused-cell">
        {focused}
      </Text>
    </Group>
  );
}
