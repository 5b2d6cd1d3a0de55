// The keys table's header row, sticky above the scrolling rows and on the same grid as them.
import { Table, VisuallyHidden } from '@mantine/core';
import { keyColumns } from './keys-columns';
import classes from './keys-table.module.css';

export function KeysTableHead({ withActions }: { withActions: boolean }) {
  return (
    <Table.Thead role="rowgroup" className={classes.head} style={{ display: 'grid', position: 'sticky', top: 0, zIndex: 2, background: 'var(--mantine-color-body)' }}>
      <Table.Tr role="row" aria-rowindex={1} className={classes.row} data-with-actions={withActions || undefined}>
        {keyColumns.map((name) => (
          <Table.Th key={name} role="columnheader">
            {name}
          </Table.Th>
        ))}
        {withActions && (
          <Table.Th role="columnheader">
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        )}
      </Table.Tr>
    </Table.Thead>
  );
}
