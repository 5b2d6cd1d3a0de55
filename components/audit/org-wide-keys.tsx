// Keys whose organization role reaches every project, listed once above the matrix instead of in every column.
import { Badge, Button, Code, Group, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { RoleChips } from '@/components/roles/role-chips';
import { HeadedTable, type Column } from '@/components/ui/scroll-table';
import type { KeyRow } from './analyze-report';
import { risksColumn } from './risk-text';
import { rowMarks } from './row-marks';
import warnText from './warn-text.module.css';
import wholeChips from '@/components/roles/tier-colors.module.css';

interface Props {
  rows: readonly KeyRow[];
  /** Keys holding Organization Owner in the whole report, and the threshold they are judged by. */
  orgOwnerKeys: number;
  manyOrgOwnerKeys: number;
}

const columns: Column<KeyRow>[] = [
  {
    header: 'Key',
    cell: (row) => (
      <>
        <Text size="sm" fw={600}>
          {row.key.desc || '(no description)'}
        </Text>
        <Code>{row.key.publicKey}</Code>
        {row.key.isConsoleKey && (
          <Badge variant="light" color="gray" size="sm" ml="xs" radius="sm" tt="none">
            The console’s own key: expected
          </Badge>
        )}
      </>
    ),
  },
  {
    header: 'Organization roles',
    className: wholeChips.wholeChips,
    cell: (row) => <RoleChips roles={row.key.orgRoles} label={`Organization roles of ${row.key.desc || row.key.publicKey}`} />,
  },
  {
    header: 'Own project roles',
    cell: (row) => <Text size="sm">{row.reach === 0 ? 'none' : `in ${row.reach} ${row.reach === 1 ? 'project' : 'projects'}, in the matrix`}</Text>,
  },
  risksColumn((row) => row.risks),
];

/** Enough to see who they are; the rest on request, so the matrix stays near the top of the page. */
const firstShown = 5;

export function OrgWideKeys({ rows, orgOwnerKeys, manyOrgOwnerKeys }: Props) {
  const [all, setAll] = useState(false);
  if (rows.length === 0) return null;
  const shown = all ? rows : rows.slice(0, firstShown);
  const tooMany = orgOwnerKeys > manyOrgOwnerKeys;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="org-wide-title" data-testid="org-wide-keys">
      <Group justify="space-between" align="baseline" gap="xs">
        <Title order={2} size="h5" id="org-wide-title">
          Organization-wide access: {rows.length} {rows.length === 1 ? 'key' : 'keys'}
        </Title>
        <Text size="xs" c="dimmed">
          Organization Owner has owner rights and Organization Read Only reads in every project, so they are listed once here, not in each
          column.{' '}
          <span className={tooMany ? warnText.warn : undefined}>
            {orgOwnerKeys} Organization Owner {orgOwnerKeys === 1 ? 'key' : 'keys'} in all (threshold {manyOrgOwnerKeys}).
          </span>
        </Text>
      </Group>
      <HeadedTable label="Organization-wide keys" labelledBy="org-wide-title" columns={columns} rows={shown} rowKey={(row) => row.id} rowMarks={rowMarks} />
      {rows.length > firstShown && (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? `Show the first ${firstShown}` : `Show all ${rows.length}`}
        </Button>
      )}
    </Paper>
  );
}
