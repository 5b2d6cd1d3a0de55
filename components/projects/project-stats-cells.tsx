// The Keys, Can grant access and Highest privilege cells of a project row, with their loading and unavailable states.
import { Skeleton, Table, Text } from '@mantine/core';
import { RoleChips } from '@/components/roles/role-chips';
import type { ProjectKeyStats } from './project-key-stats';
import wholeChips from '@/components/roles/tier-colors.module.css';

interface Props {
  stats: ProjectKeyStats | undefined;
  status: 'pending' | 'error' | 'success';
}

export function ProjectStatsCells({ stats, status }: Props) {
  if (status === 'pending') {
    return (
      <>
        <Table.Td>
          <Skeleton h={16} w={32} aria-hidden />
        </Table.Td>
        <Table.Td>
          <Skeleton h={16} w={32} aria-hidden />
        </Table.Td>
        <Table.Td>
          <Skeleton h={20} w={120} aria-hidden />
        </Table.Td>
      </>
    );
  }
  if (status === 'error') {
    return (
      <>
        <Table.Td>
          <Text size="sm" c="dimmed">
            unavailable
          </Text>
        </Table.Td>
        <Table.Td />
        <Table.Td />
      </>
    );
  }
  return (
    <>
      <Table.Td ta="right">{stats?.keyCount ?? 0}</Table.Td>
      <Table.Td>
        <Text size="sm" c={stats?.accessKeys ? undefined : 'dimmed'}>
          {stats?.accessKeys ?? 0} {stats?.accessKeys === 1 ? 'key' : 'keys'}
          {stats?.ownerKeys ? ` (${stats.ownerKeys} Project ${stats.ownerKeys === 1 ? 'Owner' : 'Owners'})` : ''}
        </Text>
      </Table.Td>
      <Table.Td className={wholeChips.wholeChips}>
        <RoleChips roles={stats?.topRoles ?? []} label="Highest privilege" empty="No keys" />
      </Table.Td>
    </>
  );
}
