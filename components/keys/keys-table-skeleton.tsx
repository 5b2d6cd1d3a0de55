// The keys table while the list loads: the real header and grey rows of the same shape.
import { Skeleton, Table } from '@mantine/core';
import { keyColumns } from './keys-columns';
import { KeysTableHead } from './keys-table-head';
import classes from './keys-table.module.css';

export function KeysTableSkeleton({ withActions }: { withActions: boolean }) {
  const cells = keyColumns.length + (withActions ? 1 : 0);
  return (
    <div role="status" aria-label="Loading the keys" style={{ overflow: 'hidden' }}>
      <Table aria-hidden className={classes.table}>
        <KeysTableHead withActions={withActions} />
        <Table.Tbody style={{ display: 'grid' }}>
          {Array.from({ length: 8 }, (_, row) => (
            <Table.Tr key={row} className={classes.row} data-with-actions={withActions || undefined}>
              {Array.from({ length: cells }, (_, i) => (
                <Table.Td key={i}>
                  <Skeleton h={18} w={i === 0 ? '80%' : '60%'} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
