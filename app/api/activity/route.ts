import { activityQuery } from '@/lib/api/activity';
import { changesToCsv } from '@/lib/history/to-csv';
import { activityFor } from '@/lib/server/activity';
import { withRoute } from '@/lib/server/with-route';
import { otherMethods } from '@/lib/server/unrouted';

export const GET = withRoute({ access: 'signed-in', query: activityQuery }, async ({ person, query }) => {
  const page = await activityFor(person, query);
  if (query.format === 'json') return page;
  return new Response(changesToCsv(page.results), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="atlas-keys-activity.csv"',
      'Cache-Control': 'no-store',
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET');
