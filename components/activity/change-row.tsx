// One entry of the timeline: when, who (and whether through the console), what, where, which key or service account, roles before → after, outcome.
import { Anchor, Badge, Stack, Table, Text, Tooltip } from '@mantine/core';
import Link from 'next/link';
import type { ChangeRecord } from '@/lib/api/activity';
import { actionLabels, originLabels } from './activity-labels';
import { OutcomeCell } from './outcome-cell';
import { RoleChange } from './role-change';

interface Props {
  change: ChangeRecord;
  projectName: string | undefined;
}

export function ChangeRow({ change, projectName }: Props) {
  const when = new Date(change.createdAt);
  return (
    <Table.Tr data-testid="change-row" data-change-id={change.id} data-origin={change.origin}>
      <Table.Td>
        <Tooltip label={change.createdAt}>
          <Text component="time" dateTime={change.createdAt} size="sm" style={{ whiteSpace: 'nowrap' }}>
            {when.toLocaleString()}
          </Text>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        <Stack gap={2} align="flex-start">
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {change.actor}
          </Text>
          {change.origin === 'outside' && (
            <Badge size="xs" variant="default" data-testid="outside-badge">
              {originLabels.outside}
            </Badge>
          )}
          {change.remoteAddress && (
            <Text size="xs" c="dimmed" ff="monospace">
              from {change.remoteAddress}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Stack gap={0}>
          <Text size="sm" fw={600} data-action={change.action}>
            {actionLabels[change.action]}
          </Text>
          {change.eventType && (
            <Text size="xs" c="dimmed" ff="monospace">
              {change.eventType}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        {change.groupId === null ? (
          <Text size="sm" c="dimmed">
            Organization
          </Text>
        ) : projectName ? (
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
          {change.kind === 'serviceAccount' && (
            <Badge size="xs" variant="light" data-testid="service-account-badge">
              Service account
            </Badge>
          )}
          <Text size="sm" ff="monospace">
            {(change.kind === 'serviceAccount' ? change.clientId : change.publicKey) ?? '—'}
          </Text>
          {change.secretId && (
            <Text size="xs" c="dimmed" ff="monospace">
              secret {change.secretId}
            </Text>
          )}
          {change.keyDesc && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {change.keyDesc}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        {change.origin === 'outside' ? (
          <Text size="sm" c="dimmed">
            Not in the event
          </Text>
        ) : (
          <RoleChange before={change.rolesBefore} after={change.rolesAfter} applied={change.outcome !== 'failure'} />
        )}
      </Table.Td>
      <Table.Td>
        <OutcomeCell change={change} />
      </Table.Td>
    </Table.Tr>
  );
}
