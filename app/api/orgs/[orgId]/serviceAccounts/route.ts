import { orgPath } from '@/lib/api/schemas';
import { listOrgServiceAccounts } from '@/lib/server/service-accounts';
import { withRoute } from '@/lib/server/with-route';
import { otherMethods } from '@/lib/server/unrouted';

export const GET = withRoute({ access: 'signed-in', params: orgPath }, ({ person, params }) => listOrgServiceAccounts(person, params.orgId));

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
