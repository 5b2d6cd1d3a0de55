import { updateRolesBody } from '@/lib/api/schemas';
import { serviceAccountPath } from '@/lib/api/service-accounts';
import { removeServiceAccount, setServiceAccountRoles } from '@/lib/server/service-accounts';
import { withRoute } from '@/lib/server/with-route';
import { otherMethods } from '@/lib/server/unrouted';

export const PATCH = withRoute(
  { access: 'manage-service-accounts', params: serviceAccountPath, body: updateRolesBody },
  ({ person, params, body }) => setServiceAccountRoles(person, params.groupId, params.clientId, body),
);

export const DELETE = withRoute({ access: 'manage-service-accounts', params: serviceAccountPath }, ({ person, params }) =>
  removeServiceAccount(person, params.groupId, params.clientId),
);

export const { GET, POST, PUT } = otherMethods('PATCH', 'DELETE');
