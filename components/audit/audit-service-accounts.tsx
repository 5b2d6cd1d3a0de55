// The audit's service accounts, beside the keys: their roles in the shown projects, their secrets, and what is risky.
import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { RoleChips } from '@/components/roles/role-chips';
import { ScrollTable } from '@/components/ui/scroll-table';
import type { AuditReport, AuditServiceAccount } from '@/lib/api/audit';
import { hasExpiringSecret, isUnusedAccount } from '@/lib/api/audit-summary';

interface Props {
  accounts: readonly AuditServiceAccount[];
  projects: readonly { id: string; name: string }[];
  report: Pick<AuditReport, 'thresholds' | 'generatedAt'>;
}

const day = (iso: string) => iso.slice(0, 10);

export function AuditServiceAccounts({ accounts, projects, report }: Props) {
  const now = Date.parse(report.generatedAt);
  if (accounts.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="audit-service-accounts">
      <Title order={2} size="h4" id="audit-service-accounts">
        Service accounts
      </Title>
      <ScrollTable label="Service accounts in the audit" minWidth={720}>
        <Table aria-label="Service accounts in the audit" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Service account</Table.Th>
              <Table.Th>Roles by project</Table.Th>
              <Table.Th>Secrets</Table.Th>
              <Table.Th>Risks</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {accounts.map((account) => (
              <Table.Tr key={account.clientId} data-testid="audit-service-account">
                <Table.Td>
                  <Text fw={600}>{account.name}</Text>
                  <Text size="xs" c="dimmed">
                    {account.clientId}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    {projects
                      .filter((p) => account.projects[p.id])
                      .map((p) => (
                        <Group key={p.id} gap="xs">
                          <Text size="sm">{p.name}</Text>
                          <RoleChips roles={account.projects[p.id] ?? []} label={`Roles of ${account.name} in ${p.name}`} />
                        </Group>
                      ))}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {account.secrets.map((s) => `expires ${day(s.expiresAt)}`).join(', ') || 'none'}
                    {' · '}
                    {account.lastUsed ? `last used ${day(account.lastUsed)}` : 'never used'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {hasExpiringSecret(account, now) && <Badge variant="light" color="red">Secret expiring</Badge>}
                    {isUnusedAccount(account, report.thresholds.unusedDays, now) && <Badge variant="light" color="gray">Unused</Badge>}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
