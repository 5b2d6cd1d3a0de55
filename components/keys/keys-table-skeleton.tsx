// The keys table while the list loads: the real header and grey rows of the same shape.
import { Skeleton, Table } from '@mantine/core';
import { gridTemplate, keyColumns, tableMinWidth } from './keys-columns';
import { KeysTableHead } from './keys-table-head';

export function KeysTableSkeleton({ withActions }: { withActions: boolean }) {
  const template = gridTemplate(withActions);
  const cells = keyColumns.length + (withActions ? 1 : 0);
  return (
    <div role="status" aria-label="Loading the keys" style={{ overflow: 'hidden' }}>
      <Table aria-hidden style={{ display: 'grid', minWidth: tableMinWidth }}>
        <KeysTableHead template={template} withActions={withActions} />
        <Table.Tbody style={{ display: 'grid' }}>
          {Array.from({ length: 8 }, (_, row) => (
            <Table.Tr key={row} style={{ display: 'grid', gridTemplateColumns: template }}>
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
