// What someone invited to the organization sees until they have joined it: no rights here, and what to do in Atlas first.
import { Alert, Text } from '@mantine/core';

interface Props {
  orgName: string;
  /** PENDING, INVITATION_EXPIRED or INVITATION_REJECTED. */
  status: string;
}

const titles: Record<string, string> = {
  PENDING: 'Accept your invitation in Atlas first',
  INVITATION_EXPIRED: 'Your invitation has expired',
  INVITATION_REJECTED: 'You declined the invitation',
};

export function InvitationPending({ orgName, status }: Props) {
  const pending = status === 'PENDING';
  return (
    <Alert color="yellow" variant="light" title={titles[status] ?? 'You are not a member yet'} data-testid="invitation-pending">
      <Text size="sm">
        {pending
          ? `You have been invited to ${orgName}, but you have not accepted the invitation yet.`
          : `You are not a member of ${orgName}: the invitation you were sent was not accepted.`}{' '}
        Until you are a member, this console gives you no access to any project, whatever roles the invitation names.
      </Text>
      <Text size="sm" mt="xs">
        {pending
          ? 'Accept it from the invitation email or in Atlas (Organization Access, Invitations), then sign in here again.'
          : 'Ask an Organization Owner to invite you again, accept the new invitation in Atlas, then sign in here again.'}
      </Text>
    </Alert>
  );
}
