'use client';
// The box around a table too wide for a phone: the table scrolls sideways in it, not the page. While it does, the box is
// a named region the keyboard can reach and scroll (axe's scrollable-region-focusable); while it does not, it is no Tab stop.
import { Table } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';

interface Props {
  /** What the box holds, for assistive technology; "(scrolls sideways)" is added. */
  label: string;
  /** The table's narrowest width; a narrower box scrolls. */
  minWidth: number;
  /** The table. */
  children: ReactNode;
}

export function ScrollTable({ label, minWidth, children }: Props) {
  const [box, scrolls] = useScrollsSideways();
  return (
    <Table.ScrollContainer
      ref={box}
      type="native"
      minWidth={minWidth}
      // The containing block of what is positioned inside (visually hidden text, for one), so that the box clips it too
      // instead of letting it widen the page.
      pos="relative"
      {...(scrolls && { role: 'region', 'aria-label': `${label} (scrolls sideways)`, tabIndex: 0 })}
    >
      {children}
    </Table.ScrollContainer>
  );
}

/** Whether the box's table is wider than the box, followed as the box (the window) or the table (its rows) resize. */
function useScrollsSideways() {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const observer = new ResizeObserver(() => setScrolls(box.scrollWidth > box.clientWidth));
    observer.observe(box);
    const table = box.querySelector('table');
    if (table) observer.observe(table);
    return () => observer.disconnect();
  }, []);
  return [ref, scrolls] as const;
}

/** A column of a HeadedTable: its heading, and what each row shows under it. */
export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  className?: string;
}

interface HeadedTableProps<Row> {
  label: string;
  labelledBy: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Data attributes a row carries, by which tests and scripts find it. */
  rowMarks?: (row: Row) => Record<`data-${string}`, string | undefined>;
}

/** A compact table of rows under a heading, in a ScrollTable (the audit's organization-wide band and by-project lists). */
export function HeadedTable<Row>({ label, labelledBy, columns, rows, rowKey, rowMarks }: HeadedTableProps<Row>) {
  return (
    <ScrollTable label={label} minWidth={560}>
      <Table mt="xs" verticalSpacing={4} aria-labelledby={labelledBy}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.header}>{column.header}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)} {...rowMarks?.(row)}>
              {columns.map((column) => (
                <Table.Td key={column.header} className={column.className}>
                  {column.cell(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
