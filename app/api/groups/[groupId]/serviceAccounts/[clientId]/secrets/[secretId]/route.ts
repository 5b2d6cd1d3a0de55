import { secretPath } from '@/lib/api/service-accounts';
import { deleteSecret } from '@/lib/server/service-accounts';
import { withRoute } from '@/lib/server/with-route';
import { otherMethods } from '@/lib/server/unrouted';

export const DELETE = withRoute({ access: 'manage-service-accounts', params: secretPath }, ({ person, params }) =>
  deleteSecret(person, params.groupId, params.clientId, params.secretId),
);

export const { GET, POST, PUT, PATCH } = otherMethods('DELETE');
