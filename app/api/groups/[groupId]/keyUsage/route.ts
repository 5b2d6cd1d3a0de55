import { groupPath } from '@/lib/api/schemas';
import { listProjectKeyUsage } from '@/lib/server/project-key-usage';
import { withRoute } from '@/lib/server/with-route';
import { otherMethods } from '@/lib/server/unrouted';

export const GET = withRoute({ access: 'read-project', params: groupPath }, ({ params }) => listProjectKeyUsage(params.groupId));

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
