// The change history as a table, newest first; projects are named from the person's project list.
import { Table, Anchor, Badge, Stack, Text, Tooltip, Code } from '@mantine/core';
import { ScrollTable } from '@/components/ui/scroll-table';
import type { ChangeRecord } from '@/lib/api/activity';
import { actionLabels, originLabels, outcomeLabels } from './activity-labels';
import { RoleChange } from './role-change';
import { IconAlertTriangle, IconCheck, IconClock, IconQuestionMark, IconX } from '@tabler/icons-react';
import Link from 'next/link';
import classes from './outcome-colors.module.css';

interface Props {
  changes: readonly ChangeRecord[];
  projectNames: ReadonlyMap<string, string>;
}

export function ActivityTable({ changes, projectNames }: Props) {
  return (
    <ScrollTable label="Changes, newest first" minWidth={1000}>
      <Table verticalSpacing="sm" striped highlightOnHover aria-label="Changes, newest first" data-testid="activity-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Who</Table.Th>
            <Table.Th>What</Table.Th>
            <Table.Th>Project</Table.Th>
            <Table.Th>Key</Table.Th>
            <Table.Th>Roles before → after</Table.Th>
            <Table.Th>Outcome</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((change) => (
            <ChangeRow key={change.id} change={change} projectName={change.groupId ? projectNames.get(change.groupId) : undefined} />
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

interface RowProps {
  change: ChangeRecord;
  projectName: string | undefined;
}

/** One entry of the timeline: when, who (and whether through the console), what, where, which key, roles before → after, outcome. */
function ChangeRow({ change, projectName }: RowProps) {
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

const icons = { success: IconCheck, failure: IconX, unknown: IconQuestionMark, pending: IconClock } as const;

/** How a change ended: a badge with icon and word, and for failures the upstream's error code and detail as is. */
function OutcomeCell({ change }: { change: ChangeRecord }) {
  const Icon = icons[change.outcome];
  return (
    <Stack gap={2} align="flex-start">
      <Badge className={classes.badge} data-outcome={change.outcome} leftSection={<Icon size={12} aria-hidden />} size="md" radius="sm">
        {outcomeLabels[change.outcome]}
      </Badge>
      {change.errorCode && <Code>{change.errorCode}</Code>}
      {change.detail && (
        <Text size="xs" maw={280} className={change.outcome === 'failure' ? classes.failureText : undefined}>
          {change.detail}
        </Text>
      )}
      {change.settledBy === 'recovery' && (
        <Text size="xs" c="dimmed">
          <IconAlertTriangle size={11} aria-hidden /> settled when the console restarted
        </Text>
      )}
    </Stack>
  );
}
