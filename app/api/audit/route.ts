import { auditQuery } from '@/lib/api/audit';
import { auditFor } from '@/lib/server/audit';
import { changesSince } from '@/lib/server/reviews';
import { withRoute } from '@/lib/server/with-route';
import { otherMethods } from '@/lib/server/unrouted';

export const GET = withRoute({ access: 'signed-in', query: auditQuery }, async ({ person, query }) => {
  const report = await auditFor(person, query);
  return query.since ? { ...report, changesSince: await changesSince(query.since, report) } : report;
});

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
