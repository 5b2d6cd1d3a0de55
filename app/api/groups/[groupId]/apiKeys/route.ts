import { createKeyBody, groupPath } from '@/lib/api/schemas';
import { createProjectKey, listProjectKeys } from '@/lib/server/project-keys';
import { withRoute } from '@/lib/server/with-route';
import { otherMethods } from '@/lib/server/unrouted';

export const GET = withRoute({ access: 'read-project', params: groupPath }, ({ person, params }) => listProjectKeys(person, params.groupId));

export const POST = withRoute(
  { access: 'manage-keys', params: groupPath, body: createKeyBody },
  ({ person, params, body }) => createProjectKey(person, params.groupId, body),
);

export const { PUT, PATCH, DELETE } = otherMethods('GET', 'POST');
