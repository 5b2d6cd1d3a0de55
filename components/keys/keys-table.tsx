// The project's keys as a table whose rows are virtualized, so a project with 500 keys scrolls smoothly: its header,
// rows and cells, and its skeleton while the list loads.
import { Badge, Button, Code, Group, Loader, Skeleton, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconUnlink } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef, type Ref } from 'react';
import { RoleChips } from '@/components/roles/role-chips';
import { CopyValueButton } from '@/components/ui/copy-value-button';
import { useViewportFill } from '@/components/ui/use-viewport-fill';
import type { ApiKey } from '@/lib/api/schemas';
import { ElsewhereCell } from './elsewhere-cell';
import type { KeyRowModel } from './key-row-model';
import classes from './keys-table.module.css';

/** The columns, shared by the header, the virtualized rows and the skeleton (their layout: keys-table.module.css). */
const keyColumns = ['Description', 'Public key', 'Roles', 'Elsewhere'] as const;

interface Props {
  rows: readonly KeyRowModel[];
  projectName: string;
  projectNames: ReadonlyMap<string, string>;
  actions?: { onEdit: (key: ApiKey) => void; onUnassign: (key: ApiKey) => void };
}

/** A row with two lines of chips; rows are measured after they render, this only sizes the scrollbar at first. */
const estimatedRowHeight = 53;

function VirtualKeysTable({ rows, projectName, projectNames, actions }: Props) {
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

/** The keys table's header row, sticky above the scrolling rows and on the same grid as them. */
function KeysTableHead({ withActions }: { withActions: boolean }) {
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

/** The keys table while the list loads: the real header and grey rows of the same shape. */
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

interface RowProps {
  row: KeyRowModel;
  index: number;
  start: number;
  measureRef: Ref<HTMLTableRowElement>;
  projectNames: ReadonlyMap<string, string>;
  actions?: { onEdit: (key: ApiKey) => void; onUnassign: (key: ApiKey) => void };
}

const [, publicKeyColumn, rolesColumn, elsewhereColumn] = keyColumns;

/** One key in the virtualized keys table: an absolutely placed grid row, measured so rows with many chips fit. */
function KeyRow({ row, index, start, measureRef, projectNames, actions }: RowProps) {
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

/** The public key of a row, in monospace with a copy button: the value people paste into their tools. */
function PublicKeyCell({ publicKey }: { publicKey: string }) {
  if (!publicKey) return <Code>…</Code>;
  return (
    <Group gap={4} wrap="nowrap">
      <Code>{publicKey}</Code>
      <CopyValueButton value={publicKey} what={`public key ${publicKey}`} />
    </Group>
  );
}

interface ActionsProps {
  apiKey: ApiKey;
  disabled: boolean;
  onEdit: (key: ApiKey) => void;
  onUnassign: (key: ApiKey) => void;
}

/** A row's mutation buttons, shown only to people who may manage the project's keys. */
function KeyActions({ apiKey, disabled, onEdit, onUnassign }: ActionsProps) {
  return (
    <div className={classes.actions}>
      <Button size="compact-sm" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => onEdit(apiKey)} disabled={disabled}>
        Edit roles
      </Button>
      <Button size="compact-sm" variant="light" color="red" leftSection={<IconUnlink size={14} aria-hidden />} onClick={() => onUnassign(apiKey)} disabled={disabled}>
        Unassign
      </Button>
    </div>
  );
}
