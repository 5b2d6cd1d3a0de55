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
 * How long the page waits for the report. A warm one (last use read in the past five minutes) takes a few hundred ms
 * at 500 keys; a cold one reads each key's access list and takes seconds. That one is left to the browser: the page
 * comes at once with a skeleton, and the browser's request for the report joins the reads already under way (each
 * access list is read once, see key-usage.ts) instead of the navigation waiting on a spinner.
 */
const reportWaitMs = 1000;

/** The promise's value if it settles within `ms`, else undefined (a later failure is then nobody's concern). */
async function within<T>(ms: number, promise: Promise<T>): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The report for the URL's thresholds and the past reviews, in a cache of this request's own for the browser to take
 * over. What fails is left out, as TanStack Query leaves out failed queries: the browser then asks the API, meets the
 * same refusal or failure there and shows it as it shows any, with the API's status, sentence and a retry.
 */
async function prefetched(thresholds: AuditThresholds) {
  const client = new QueryClient();
  const [person, query] = [await currentPerson(), auditQuery.safeParse(thresholds)];
  if (person && query.success) {
    const [report, reviews] = await Promise.allSettled([within(reportWaitMs, auditFor(person, query.data)), listReviews(person)]);
    if (report.status === 'fulfilled' && report.value) client.setQueryData(auditReportQuery(thresholds).queryKey, report.value);
    if (reviews.status === 'fulfilled') client.setQueryData(reviewsQuery().queryKey, reviews.value);
  }
  return dehydrate(client);
}

export default async function AuditRoute({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const state = parseViewState({ get: (name) => [params[name]].flat()[0] ?? null });
  // No loading.tsx and no Suspense boundary: a report ready in time has its summary and organization-wide band in the
  // first HTML, before the page's scripts, painted with it. Streamed behind a skeleton they waited for React's reveal
  // (at least 300 ms after the first paint) and for the scripts that ran meanwhile: LCP 0.9–1.1 s against 0.6–0.9 s.
  // Until the page comes (at most `reportWaitMs` and the rest), the navigation link shows a spinner (NavLabel).
  return (
    <HydrationBoundary state={await prefetched(reportThresholds(state))}>
      <AuditPage />
    </HydrationBoundary>
  );
}
