import { orgPath } from '@/lib/api/schemas';
import { listOrgKeysFor } from '@/lib/server/org-keys';
import { withRoute } from '@/lib/server/with-route';
import { otherMethods } from '@/lib/server/unrouted';

export const GET = withRoute({ access: 'signed-in', params: orgPath }, ({ person, params }) => listOrgKeysFor(person, params.orgId));

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
