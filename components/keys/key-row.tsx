// One key in the virtualized keys table: an absolutely placed grid row, measured so rows with many chips fit.
import { Badge, Group, Loader, Stack, Table, Text } from '@mantine/core';
import type { Ref } from 'react';
import { RoleChips } from '@/components/roles/role-chips';
import type { ApiKey } from '@/lib/api/schemas';
import { ElsewhereCell } from './elsewhere-cell';
import { KeyActions } from './key-actions';
import type { KeyRowModel } from './key-row-model';
import { keyColumns } from './keys-columns';
import classes from './keys-table.module.css';
import { PublicKeyCell } from './public-key-cell';

interface Props {
  row: KeyRowModel;
  index: number;
  start: number;
  measureRef: Ref<HTMLTableRowElement>;
  projectNames: ReadonlyMap<string, string>;
  /** What the access list says of the key's use; undefined while it is being read. */
  lastUse: string | undefined;
  actions?: { onEdit: (key: ApiKey) => void; onUnassign: (key: ApiKey) => void };
}

const [, publicKeyColumn, rolesColumn, elsewhereColumn] = keyColumns;

export function KeyRow({ row, index, start, measureRef, projectNames, lastUse, actions }: Props) {
  const { key } = row;
  return (
    <Table.Tr
      ref={measureRef}
      data-index={index}
      role="row"
      aria-rowindex={index + 2}
      aria-busy={row.pending || undefined}
      data-testid="key-row"
      className={classes.row}
      data-with-actions={actions ? true : undefined}
      style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${start}px)` }}
    >
      <Table.Td role="cell" className={classes.cell}>
        <Stack gap={2} miw={0}>
          <Group gap={6} wrap="nowrap" miw={0}>
            {row.pending && <Loader size={12} aria-hidden />}
            <Text size="sm" fw={500} lineClamp={2} title={key.desc} style={{ wordBreak: 'break-word' }}>
              {key.desc}
            </Text>
            {row.pending && (
              <Badge size="xs" variant="outline" color="gray">
                saving
              </Badge>
            )}
          </Group>
          {lastUse && !row.pending && (
            <Text size="xs" c="dimmed" data-testid="last-use">
              {lastUse}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td role="cell" className={classes.cell} data-label={publicKeyColumn}>
        <PublicKeyCell publicKey={key.publicKey} />
      </Table.Td>
      <Table.Td role="cell" className={classes.cell} data-label={rolesColumn}>
        <RoleChips roles={row.roles} label="Roles" />
      </Table.Td>
      <Table.Td role="cell" className={classes.cell} data-label={elsewhereColumn}>
        <ElsewhereCell row={row} projectNames={projectNames} />
      </Table.Td>
      {actions && (
        <Table.Td role="cell" className={classes.cell}>
          <KeyActions apiKey={key} disabled={row.pending} onEdit={actions.onEdit} onUnassign={actions.onUnassign} />
        </Table.Td>
      )}
    </Table.Tr>
  );
}
