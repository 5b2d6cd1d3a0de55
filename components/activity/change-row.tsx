// One change in the history table: when, who, what, where, which key, roles before → after, outcome.
import { Anchor, Stack, Table, Text, Tooltip } from '@mantine/core';
import Link from 'next/link';
import type { ChangeRecord } from '@/lib/api/activity';
import { actionLabels } from './activity-labels';
import { OutcomeCell } from './outcome-cell';
import { RoleChange } from './role-change';

interface Props {
  change: ChangeRecord;
  projectName: string | undefined;
}

export function ChangeRow({ change, projectName }: Props) {
  const when = new Date(change.createdAt);
  return (
    <Table.Tr data-testid="change-row" data-change-id={change.id}>
      <Table.Td>
        <Tooltip label={change.createdAt}>
          <Text component="time" dateTime={change.createdAt} size="sm" style={{ whiteSpace: 'nowrap' }}>
            {when.toLocaleString()}
          </Text>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {change.actor}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={600} data-action={change.action}>
          {actionLabels[change.action]}
        </Text>
      </Table.Td>
      <Table.Td>
        {projectName ? (
          <Anchor component={Link} href={`/projects/${change.groupId}`} size="sm">
            {projectName}
          </Anchor>
        ) : (
          <Text size="sm" ff="monospace" c="dimmed">
            {change.groupId}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={0}>
          <Text size="sm" ff="monospace">
            {change.publicKey ?? '—'}
          </Text>
          {change.keyDesc && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {change.keyDesc}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <RoleChange before={change.rolesBefore} after={change.rolesAfter} applied={change.outcome !== 'failure'} />
      </Table.Td>
      <Table.Td>
        <OutcomeCell change={change} />
      </Table.Td>
    </Table.Tr>
  );
}
