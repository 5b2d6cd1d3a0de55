import { auditQuery } from '@/lib/api/audit';
import { auditFor } from '@/lib/server/audit';
import { withRoute } from '@/lib/server/with-route';

export const GET = withRoute({ access: 'signed-in', query: auditQuery }, ({ person, query }) => auditFor(person, query));
