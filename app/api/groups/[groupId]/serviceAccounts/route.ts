import { groupPath } from '@/lib/api/schemas';
import { createServiceAccountBody } from '@/lib/api/service-accounts';
import { createServiceAccount, listProjectServiceAccounts } from '@/lib/server/service-accounts';
import { withRoute } from '@/lib/server/with-route';
import { otherMethods } from '@/lib/server/unrouted';

export const GET = withRoute({ access: 'read-project', params: groupPath }, ({ params }) => listProjectServiceAccounts(params.groupId));

export const POST = withRoute(
  { access: 'manage-service-accounts', params: groupPath, body: createServiceAccountBody },
  ({ person, params, body }) => createServiceAccount(person, params.groupId, body),
);

export const { PUT, PATCH, DELETE } = otherMethods('GET', 'POST');
