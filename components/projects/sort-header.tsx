// A column header that sorts the table by its column; aria-sort tells which one does.
import { Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconSelector } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface Props {
  active: boolean;
  /** Names sort up (A to Z), counts down (most first). */
  direction: 'ascending' | 'descending';
  onSort: () => void;
  children: ReactNode;
  align?: 'left' | 'right';
}

export function SortHeader({ active, direction, onSort, children, align = 'left' }: Props) {
  const Icon = active ? IconArrowDown : IconSelector;
  return (
    <Table.Th aria-sort={active ? direction : 'none'} ta={align}>
      <UnstyledButton onClick={onSort} fw={700} fz="sm" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        {children}
        <Icon size={14} aria-hidden style={active && direction === 'ascending' ? { transform: 'rotate(180deg)' } : undefined} />
      </UnstyledButton>
    </Table.Th>
  );
}
