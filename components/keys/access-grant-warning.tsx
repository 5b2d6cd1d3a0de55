// The caution shown when a change would give a key a role that grants access: it could then hand out access itself.
import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { accessGrantingRoles, describeRole } from '@/lib/roles';

export function AccessGrantWarning({ added }: { added: readonly string[] }) {
  const granting = added.filter((r) => accessGrantingRoles.includes(r)).map((r) => describeRole(r).label);
  if (granting.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title={`${granting.join(' and ')} grants access`} data-testid="access-grant-warning">
      Anything that uses this key could then add keys and people to the project and change their roles, its own included. Give
      such a role only to a key whose job is to manage access here.
    </Alert>
  );
}
