// The change history as a table, newest first; projects are named from the person's project list.
import { Table } from '@mantine/core';
import type { ChangeRecord } from '@/lib/api/activity';
import { ChangeRow } from './change-row';

interface Props {
  changes: readonly ChangeRecord[];
  projectNames: ReadonlyMap<string, string>;
}

export function ActivityTable({ changes, projectNames }: Props) {
  return (
    <Table.ScrollContainer minWidth={1000}>
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
    </Table.ScrollContainer>
  );
}
