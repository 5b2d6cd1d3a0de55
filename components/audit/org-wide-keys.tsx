// Keys whose organization role reaches every project, listed once above the matrix instead of in every column.
import { Badge, Button, Code, Group, Paper, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { RoleChips } from '@/components/roles/role-chips';
import { ScrollTable } from '@/components/ui/scroll-table';
import { riskLabels, type KeyRow } from './analyze-report';
import warnText from './warn-text.module.css';
import wholeChips from '@/components/roles/tier-colors.module.css';

interface Props {
  rows: readonly KeyRow[];
  /** Keys holding Organization Owner in the whole report, and the threshold they are judged by. */
  orgOwnerKeys: number;
  manyOrgOwnerKeys: number;
}

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
      <ScrollTable label="Organization-wide keys" minWidth={560}>
        <Table mt="xs" verticalSpacing={4} aria-labelledby="org-wide-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Key</Table.Th>
              <Table.Th>Organization roles</Table.Th>
              <Table.Th>Own project roles</Table.Th>
              <Table.Th>Risks</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((row) => (
              <Table.Tr key={row.key.id} data-key-id={row.key.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {row.key.desc || '(no description)'}
                  </Text>
                  <Code>{row.key.publicKey}</Code>
                  {row.key.isConsoleKey && (
                    <Badge variant="light" color="gray" size="sm" ml="xs" radius="sm" tt="none">
                      The console’s own key: expected
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td className={wholeChips.wholeChips}>
                  <RoleChips roles={row.key.orgRoles} label={`Organization roles of ${row.key.desc || row.key.publicKey}`} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{row.reach === 0 ? 'none' : `in ${row.reach} ${row.reach === 1 ? 'project' : 'projects'}, in the matrix`}</Text>
                </Table.Td>
                <Table.Td>
                  {row.risks.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      none
                    </Text>
                  ) : (
                    <Text size="sm" className={warnText.warn} data-testid="risk-mark">
                      <IconAlertTriangle size={13} aria-hidden style={{ verticalAlign: -2, marginRight: 4 }} />
                      {row.risks.map((r) => riskLabels[r]).join('; ')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {rows.length > firstShown && (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? `Show the first ${firstShown}` : `Show all ${rows.length}`}
        </Button>
      )}
    </Paper>
  );
}
