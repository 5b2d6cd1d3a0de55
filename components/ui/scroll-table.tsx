// A table too wide for a phone, in a box of its own that scrolls sideways (and that the keyboard can scroll), not the page.
import { Box, Table } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  /** The box's name for assistive technology; "(scrolls sideways)" is added. */
  label: string;
  /** The id of the heading that names the table. */
  labelledBy: string;
  headers: readonly string[];
  /** The table's rows. */
  children: ReactNode;
}

export function ScrollTable({ label, labelledBy, headers, children }: Props) {
  return (
    <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={`${label} (scrolls sideways)`}>
      <Table miw={560} mt="xs" verticalSpacing={4} aria-labelledby={labelledBy}>
        <Table.Thead>
          <Table.Tr>
            {headers.map((header) => (
              <Table.Th key={header}>{header}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Box>
  );
}
