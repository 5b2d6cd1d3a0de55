// The project's keys as a table whose rows are virtualized, so a project with 500 keys scrolls smoothly.
import { Table } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import { useViewportFill } from '@/components/ui/use-viewport-fill';
import { lastUseText } from '@/components/usage/last-use-text';
import type { KeyUsage } from '@/lib/api/key-usage';
import type { ApiKey } from '@/lib/api/schemas';
import { KeyRow } from './key-row';
import type { KeyRowModel } from './key-row-model';
import { KeysTableHead } from './keys-table-head';
import classes from './keys-table.module.css';

interface Props {
  rows: readonly KeyRowModel[];
  projectName: string;
  projectNames: ReadonlyMap<string, string>;
  /** Each key's usage by id once read; undefined while it is. */
  usage: ReadonlyMap<string, KeyUsage> | undefined;
  actions?: { onEdit: (key: ApiKey) => void; onUnassign: (key: ApiKey) => void };
}

/** A row with two lines of chips; rows are measured after they render, this only sizes the scrollbar at first. */
const estimatedRowHeight = 53;

function VirtualKeysTable({ rows, projectName, projectNames, usage, actions }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render on purpose; nothing here is memoized by the compiler.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimatedRowHeight,
    getItemKey: (index) => rows[index]?.key.id ?? index,
    overscan: 10,
  });
  const maxHeight = useViewportFill(scrollRef);
  return (
    <div
      ref={scrollRef}
      role="region"
      aria-label={`Keys of ${projectName}`}
      tabIndex={0}
      data-testid="keys-scroll"
      style={{ maxHeight: maxHeight ?? 'calc(100dvh - 22rem)', overflow: 'auto', border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)' }}
    >
      <Table role="table" aria-label={`API keys of ${projectName}`} aria-rowcount={rows.length + 1} verticalSpacing="xs" className={classes.table}>
        <KeysTableHead withActions={Boolean(actions)} />
        <Table.Tbody role="rowgroup" style={{ display: 'grid', position: 'relative', height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <KeyRow
                key={item.key}
                row={row}
                index={item.index}
                start={item.start}
                measureRef={virtualizer.measureElement}
                projectNames={projectNames}
                lastUse={usage && lastUseText(usage.get(row.key.id))}
                actions={actions}
              />
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
}

// Opening or closing a dialog re-renders the page around the table; its rows have not changed, so they are not rendered again.
export const KeysTable = memo(VirtualKeysTable);
