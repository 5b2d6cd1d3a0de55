// Where else a key holds roles: a grey count of other projects (named in its tooltip) and its organization roles in their tier colors.
import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconFolders } from '@tabler/icons-react';
import { RoleChip } from '@/components/roles/role-chips';
import { sortRoles } from '@/components/roles/role-options';
import { describeRole } from '@/lib/roles';
import type { KeyRowModel } from './key-row-model';
import classes from '@/components/roles/tier-colors.module.css';

interface Props {
  row: KeyRowModel;
  projectNames: ReadonlyMap<string, string>;
}

export function ElsewhereCell({ row, projectNames }: Props) {
  const { otherProjects, orgRoles } = row;
  const hidden = row.key.hiddenProjects ?? 0;
  if (otherProjects.length === 0 && orgRoles.length === 0 && hidden === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nowhere else
      </Text>
    );
  }
  const described = otherProjects.map((p) => ({
    name: projectNames.get(p.groupId) ?? p.groupId,
    roles: sortRoles(p.roles).map((r) => describeRole(r).label),
  }));
  const count = `${otherProjects.length} other project${otherProjects.length === 1 ? '' : 's'}`;
  return (
    <Group role="list" aria-label="Elsewhere" gap={4}>
      {otherProjects.length > 0 && (
        <Tooltip
          withArrow
          multiline
          maw={320}
          label={
            <Stack gap={2}>
              {described.map((p, i) => (
                <Text key={i} size="xs">
                  <b>{p.name}</b>: {p.roles.join(', ')}
                </Text>
              ))}
            </Stack>
          }
        >
          <Badge
            role="listitem"
            aria-label={`${count}: ${described.map((p) => `${p.name} (${p.roles.join(', ')})`).join('; ')}`}
            className={`${classes.tier} ${classes.chip}`}
            data-muted
            leftSection={<IconFolders size={12} aria-hidden />}
            size="md"
            radius="sm"
          >
            {count}
          </Badge>
        </Tooltip>
      )}
      {hidden > 0 && (
        <Text role="listitem" size="xs" c="dimmed">
          {hidden} project{hidden === 1 ? '' : 's'} you cannot see
        </Text>
      )}
      {sortRoles(orgRoles).map((name) => (
        <RoleChip key={name} name={name} />
      ))}
    </Group>
  );
}
