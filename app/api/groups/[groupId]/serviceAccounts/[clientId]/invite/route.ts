import { inviteServiceAccountBody, serviceAccountPath } from '@/lib/api/service-accounts';
import { inviteServiceAccount } from '@/lib/server/service-accounts';
import { withRoute } from '@/lib/server/with-route';
import { otherMethods } from '@/lib/server/unrouted';

export const POST = withRoute(
  { access: 'invite-service-accounts', params: serviceAccountPath, body: inviteServiceAccountBody },
  ({ person, params, body }) => inviteServiceAccount(person, params.groupId, params.clientId, body),
);

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');
