// Keys and service accounts whose organization role reaches every project, listed once above the matrix instead of in every column.
import { Badge, Button, Code, Group, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { RoleChips } from '@/components/roles/role-chips';
import { HeadedTable, type Column } from '@/components/ui/scroll-table';
import type { AuditRow, OrgOwnerCounts } from './analyze-report';
import { keysAndAccountsText, orgOwnersText } from './org-owner-words';
import { risksColumn } from './risk-text';
import { rowMarks } from './row-marks';
import warnText from './warn-text.module.css';
import wholeChips from '@/components/roles/tier-colors.module.css';

interface Props {
  rows: readonly AuditRow[];
  /** Organization Owners in the whole report, keys and service accounts, and the threshold their sum is judged by. */
  orgOwners: OrgOwnerCounts;
  manyOrgOwnerKeys: number;
}

/** Enough to see who they are; the rest on request, so the matrix stays near the top of the page. */
const firstShown = 5;

/** Its name and identifier, as the matrix's rows show them: a key's public key, an account's kind and client id. */
function Who({ row }: { row: AuditRow }) {
  if (row.kind === 'serviceAccount') {
    return (
      <>
        <Badge variant="outline" color="gray" radius="sm" tt="none" mr={6}>
          Service account
        </Badge>
        <Text size="sm" fw={600} span>
          {row.name}
        </Text>
        <div>
          <Code>{row.account.clientId}</Code>
        </div>
      </>
    );
  }
  return (
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
  );
}

function columnsFor(withAccounts: boolean): Column<AuditRow>[] {
  return [
    { header: withAccounts ? 'Key or service account' : 'Key', cell: (row) => <Who row={row} /> },
    {
      header: 'Organization roles',
      className: wholeChips.wholeChips,
      cell: (row) => <RoleChips roles={[...row.orgRoles]} label={`Organization roles of ${row.name}`} />,
    },
    {
      header: 'Own project roles',
      cell: (row) => <Text size="sm">{row.reach === 0 ? 'none' : `in ${row.reach} ${row.reach === 1 ? 'project' : 'projects'}, in the matrix`}</Text>,
    },
    risksColumn((row) => row.risks),
  ];
}

export function OrgWideKeys({ rows, orgOwners, manyOrgOwnerKeys }: Props) {
  const [all, setAll] = useState(false);
  if (rows.length === 0) return null;
  const shown = all ? rows : rows.slice(0, firstShown);
  const tooMany = orgOwners.keys + orgOwners.accounts > manyOrgOwnerKeys;
  const accounts = rows.filter((row) => row.kind === 'serviceAccount').length;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="org-wide-title" data-testid="org-wide-keys">
      <Group justify="space-between" align="baseline" gap="xs">
        <Title order={2} size="h5" id="org-wide-title">
          Organization-wide access: {keysAndAccountsText(rows.length - accounts, accounts)}
        </Title>
        <Text size="xs" c="dimmed">
          Organization Owner has owner rights and Organization Read Only reads in every project, so they are listed once here, not in each
          column.{' '}
          <span className={tooMany ? warnText.warn : undefined}>
            {orgOwnersText(orgOwners)} in all (threshold {manyOrgOwnerKeys}).
          </span>
        </Text>
      </Group>
      <HeadedTable
        label="Organization-wide keys and service accounts"
        labelledBy="org-wide-title"
        columns={columnsFor(accounts > 0)}
        rows={shown}
        rowKey={(row) => row.id}
        rowMarks={rowMarks}
      />
      {rows.length > firstShown && (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? `Show the first ${firstShown}` : `Show all ${rows.length}`}
        </Button>
      )}
    </Paper>
  );
}
