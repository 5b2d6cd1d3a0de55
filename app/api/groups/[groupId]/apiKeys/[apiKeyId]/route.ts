import { groupKeyPath, updateRolesBody } from '@/lib/api/schemas';
import { setKeyRoles, unassignProjectKey } from '@/lib/server/project-keys';
import { withRoute } from '@/lib/server/with-route';
import { otherMethods } from '@/lib/server/unrouted';

export const PATCH = withRoute(
  { access: 'manage-keys', params: groupKeyPath, body: updateRolesBody },
  ({ person, params, body }) => setKeyRoles(person, params.groupId, params.apiKeyId, body),
);

export const DELETE = withRoute({ access: 'manage-keys', params: groupKeyPath }, ({ person, params }) =>
  unassignProjectKey(person, params.groupId, params.apiKeyId),
);

export const { GET, POST, PUT } = otherMethods('PATCH', 'DELETE');
