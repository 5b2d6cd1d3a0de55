// The visual role audit page: which key holds which role in which project, and what is risky.
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { preload } from 'react-dom';
import { AuditPage } from '@/components/audit/audit-page';
import { parseViewState } from '@/components/audit/audit-view-state';
import { auditReportUrl, reviewsUrl } from '@/lib/api/queries';

export const metadata: Metadata = { title: 'Audit' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AuditRoute({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const state = parseViewState({ get: (name) => [params[name]].flat()[0] ?? null });
  // The browser asks for the report and the reviews as soon as the HTML's head arrives, while the page's JavaScript
  // loads, instead of after it has run; the page's own requests (same address, same-origin credentials) take these
  // answers. The thresholds are those the page sends, in the same order.
  const fetched = { as: 'fetch', crossOrigin: 'anonymous' } as const;
  preload(
    auditReportUrl({ manyProjects: state.manyProjects, manyOwnerKeys: state.manyOwnerKeys, manyOrgOwnerKeys: state.manyOrgOwnerKeys, unusedDays: state.unusedDays }),
    fetched,
  );
  preload(reviewsUrl, fetched);
  return (
    <Suspense>
      <AuditPage />
    </Suspense>
  );
}
