// The visual role audit page: which key holds which role in which project, and what is risky. Its server part builds
// the report and the past reviews as the API does, so the page arrives with them instead of asking once it runs.
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { AuditPage } from '@/components/audit/audit-page';
import { parseViewState, reportThresholds } from '@/components/audit/audit-view-state';
import { auditQuery } from '@/lib/api/audit';
import { auditReportQuery, reviewsQuery, type AuditThresholds } from '@/lib/api/queries';
import { currentPerson } from '@/lib/auth/session';
import { auditFor } from '@/lib/server/audit';
import { listReviews } from '@/lib/server/reviews';

export const metadata: Metadata = { title: 'Audit' };

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The report for the URL's thresholds and the past reviews, in a cache of this request's own for the browser to take
 * over. What fails is left out, as TanStack Query leaves out failed queries: the browser then asks the API, meets the
 * same refusal or failure there and shows it as it shows any, with the API's status, sentence and a retry.
 */
async function prefetched(thresholds: AuditThresholds) {
  const client = new QueryClient();
  const [person, query] = [await currentPerson(), auditQuery.safeParse(thresholds)];
  if (person && query.success) {
    const [report, reviews] = await Promise.allSettled([auditFor(person, query.data), listReviews(person)]);
    if (report.status === 'fulfilled') client.setQueryData(auditReportQuery(thresholds).queryKey, report.value);
    if (reviews.status === 'fulfilled') client.setQueryData(reviewsQuery().queryKey, reviews.value);
  }
  return dehydrate(client);
}

export default async function AuditRoute({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const state = parseViewState({ get: (name) => [params[name]].flat()[0] ?? null });
  // No loading.tsx and no Suspense boundary: the summary and the organization-wide band come in the first HTML, before
  // the page's scripts, and are painted with it. Streamed behind a skeleton they waited for React's reveal (at least
  // 300 ms after the first paint) and for the scripts that ran meanwhile: LCP 0.9–1.1 s against 0.6–0.9 s. The
  // navigation link shows that the page is coming (NavLabel).
  return (
    <HydrationBoundary state={await prefetched(reportThresholds(state))}>
      <AuditPage />
    </HydrationBoundary>
  );
}
