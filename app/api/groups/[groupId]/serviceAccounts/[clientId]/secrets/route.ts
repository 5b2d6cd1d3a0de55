import { createSecretBody, serviceAccountPath } from '@/lib/api/service-accounts';
import { createSecret } from '@/lib/server/service-accounts';
import { withRoute } from '@/lib/server/with-route';
import { otherMethods } from '@/lib/server/unrouted';

export const POST = withRoute({ access: 'manage-service-accounts', params: serviceAccountPath, body: createSecretBody }, ({ person, params, body }) =>
  createSecret(person, params.groupId, params.clientId, body),
);

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');
