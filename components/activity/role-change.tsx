// A change's roles before → after as role chips, removed roles struck through and added roles marked.
import { Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconArrowRight, IconMinus, IconPlus } from '@tabler/icons-react';
import { RoleChips } from '@/components/roles/role-chips';
import { diffRoles } from '@/lib/api/role-assignments';
import classes from './role-change.module.css';

interface Props {
  before: readonly string[];
  after: readonly string[];
  /** A failed change was only attempted: the key kept its roles. */
  applied: boolean;
}

function RoleSet({ side, kept, changed, change }: { side: string; kept: string[]; changed: string[]; change: 'removed' | 'added' }) {
  if (kept.length === 0 && changed.length === 0) {
    return (
      <span className={classes.none}>
        none
        <VisuallyHidden> {side.toLowerCase()}</VisuallyHidden>
      </span>
    );
  }
  const Icon = change === 'added' ? IconPlus : IconMinus;
  return (
    <span className={classes.set} data-side={side.toLowerCase()}>
      <RoleChips roles={kept} label={`${side}: unchanged roles`} />
      {changed.length > 0 && (
        <span className={classes[change]} data-change={change}>
          <Icon size={12} stroke={2.5} aria-hidden />
          <RoleChips roles={changed} label={`${side}: roles ${change}`} />
        </span>
      )}
    </span>
  );
}

export function RoleChange({ before, after, applied }: Props) {
  const { kept, removed, added } = diffRoles(before, after);
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="wrap" align="center">
        <RoleSet side="Before" kept={kept} changed={removed} change="removed" />
        <IconArrowRight size={14} aria-hidden />
        <RoleSet side="After" kept={kept} changed={added} change="added" />
      </Group>
      {!applied && (
        <Text size="xs" c="dimmed" fs="italic">
          Attempted, not applied
        </Text>
      )}
    </Stack>
  );
}
