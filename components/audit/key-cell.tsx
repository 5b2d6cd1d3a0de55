// The matrix's first column: a key's description, public key, reach, organization roles and why it is risky.
import { Group, Text, ThemeIcon, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { memo } from 'react';
import { RoleChips } from '@/components/roles/role-chips';
import { sortRoles } from '@/components/roles/sort-roles';
import { riskLabels, type AuditRow } from './analyze-report';

export const KeyCell = memo(function KeyCell({ row }: { row: AuditRow }) {
  const { key, reach, risks } = row;
  const orgRoles = sortRoles(key.orgRoles);
  const riskText = risks.map((r) => riskLabels[r]).join('; ');
  return (
    <>
      <Group gap={6} wrap="nowrap">
        {risks.length > 0 && (
          <Tooltip label={riskText} multiline maw={320}>
            <ThemeIcon size={18} color="red" variant="light" radius="sm" data-testid="risk-mark">
              <IconAlertTriangle size={13} aria-hidden />
            </ThemeIcon>
          </Tooltip>
        )}
        <Text size="sm" fw={600} truncate="end" title={key.desc}>
          {key.desc || '(no description)'}
        </Text>
      </Group>
      {risks.length > 0 && <VisuallyHidden>Risky: {riskText}.</VisuallyHidden>}
      <Text size="xs" c="dimmed" truncate="end">
        <Text span ff="monospace" size="xs">
          {key.publicKey}
        </Text>
        {' · '}
        {reach === 1 ? '1 project' : `${reach} projects`}
      </Text>
      <Group gap={4} wrap="nowrap" mt={2}>
        <RoleChips roles={orgRoles.slice(0, 1)} label={`Organization roles of ${key.desc}`} empty="No organization role" />
        {orgRoles.length > 1 && (
          <Text size="xs" c="dimmed">
            +{orgRoles.length - 1}
          </Text>
        )}
      </Group>
    </>
  );
});
