import { auditQuery } from '@/lib/api/audit';
import { auditFor } from '@/lib/server/audit';
import { withRoute } from '@/lib/server/with-route';
import { otherMethods } from '@/lib/server/unrouted';

export const GET = withRoute({ access: 'signed-in', query: auditQuery }, ({ person, query }) => auditFor(person, query));

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
