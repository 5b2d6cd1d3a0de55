'use client';
// The visual role audit: summary cards, filters, organization-wide keys and accounts, and the key and service account × project
// matrix or the view by project, all driven by the URL.
import { Alert, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, usePrefetchQuery, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { ErrorState } from '@/components/ui/error-state';
import { LocalTime } from '@/components/ui/local-time';
import { useUrlState } from '@/components/ui/use-url-state';
import { auditReportQuery, reviewsQuery } from '@/lib/api/queries';
import { analyzeReport } from './analyze-report';
import { auditViewCsv, auditViewJson, projectReviewCsv, projectReviewJson } from './audit-export';
import { AuditExportButtons } from './audit-export-buttons';
import { AuditFilters } from './audit-filters';
import { AuditMatrix } from './audit-matrix';
import { AuditSummary } from './audit-summary';
import { filterReport, type AuditView } from './filter-report';
import { OrgWideKeys } from './org-wide-keys';
import { ProjectReviewList } from './project-review-list';
import { ReviewPanel } from './review-panel';
import { parseViewState, reportThresholds, serializeViewState, withoutFilters, type AuditViewState } from './audit-view-state';
import { reviewByProject } from './review-by-project';

function showingText(view: AuditView, keys: number, projects: number): string {
  const hidden = view.hiddenColumns > 0 ? `; ${view.hiddenColumns} projects where none of them holds a role are hidden` : '';
  const orgWideAccounts = view.orgWide.filter((row) => row.kind === 'serviceAccount').length;
  const accountsOrgWide = orgWideAccounts > 0 ? ` (${orgWideAccounts} organization-wide)` : '';
  const accounts = view.serviceAccounts.length > 0 ? ` and ${view.serviceAccounts.length} service accounts${accountsOrgWide}` : '';
  const orgWideKeys = view.orgWide.length - orgWideAccounts;
  return `Showing ${view.keys.length} of ${keys} keys (${orgWideKeys} organization-wide)${accounts} in ${view.projects.length} of ${projects} projects${hidden}`;
}

export function AuditPage() {
  const [state, change] = useUrlState(parseViewState, serializeViewState);
  const update = useCallback((patch: Partial<AuditViewState>) => change((latest) => ({ ...latest, ...patch })), [change]);
  const reset = useCallback(() => change(withoutFilters), [change]);
  // The signed review to compare with; not in the URL, a review id means nothing to someone else's link.
  const [since, setSince] = useState<string>();
  const asked = reportThresholds(state);
  // The page's server part has put the report for the URL's thresholds (and the past reviews) in the cache; the
  // browser asks only for what it has not got: other thresholds, a comparison with a review, a refresh.
  const audit = useQuery({ ...auditReportQuery({ ...asked, since }), placeholderData: keepPreviousData });
  // Asked for beside the report, not once the report has rendered the panel, when the server part could not give them.
  usePrefetchQuery(reviewsQuery());
  const report = audit.data;
  const analysis = useMemo(() => (report ? analyzeReport(report) : undefined), [report]);
  const view = useMemo(() => (report && analysis ? filterReport(report, analysis, state) : undefined), [report, analysis, state]);
  const byProject = state.layout === 'projects';
  const changed = useMemo(() => {
    const map = new Map<string, Set<string>>();
    for (const change of report?.changesSince ?? []) map.set(change.id, (map.get(change.id) ?? new Set()).add(change.groupId));
    return map;
  }, [report]);
  const reviews = useMemo(() => (byProject && view && analysis ? reviewByProject(view, analysis) : undefined), [byProject, view, analysis]);
  const empty = report?.projects.length === 0;
  const now = report ? Date.parse(report.generatedAt) : 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Role audit
          </Title>
          <Text c="dimmed" size="sm">
            Which key or service account holds which role in which project, and what is risky.
            {report && (
              <>
                {' '}
                Generated <LocalTime value={report.generatedAt} />.
              </>
            )}
          </Text>
        </div>
        {report && view && !empty && (
          <AuditExportButtons
            generatedAt={report.generatedAt}
            name={reviews ? 'audit-by-project' : 'audit'}
            csv={() => (reviews ? projectReviewCsv(reviews, view.orgWide) : auditViewCsv(view))}
            json={() => (reviews ? projectReviewJson(report, reviews, view.orgWide, state) : auditViewJson(report, view, state))}
          />
        )}
      </Group>
      {audit.isPending && (
        <Stack gap="xs">
          <Text size="sm" c="dimmed" role="status">
            Building the report. When last use has not been read in the past five minutes, each key&apos;s access list is read,
            which takes a few seconds in a large organization.
          </Text>
          <Skeleton h={420} />
        </Stack>
      )}
      {audit.isError && (
        <ErrorState title="Could not load the audit" error={audit.error} onRetry={() => void audit.refetch()} retrying={audit.isFetching} />
      )}
      {empty && (
        <Alert color="gray" title="No project to audit" data-testid="audit-no-projects">
          You have no role in any project of this organization, so there is nothing to audit here. A Project Owner can add
          you to their project; an Organization Owner sees every project.
        </Alert>
      )}
      {report && analysis && view && !empty && (
        <>
          <AuditSummary report={report} state={state} onApply={update} />
          <ReviewPanel report={report} since={since} onSince={setSince} />
          <AuditFilters report={report} state={state} onChange={update} onReset={reset} />
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="audit-showing">
            {showingText(view, report.keys.length, report.projects.length)}
            {audit.isFetching && !audit.isPending ? ' — refreshing…' : ''}
          </Text>
          <OrgWideKeys rows={view.orgWide} orgOwners={analysis.orgOwners} manyOrgOwnerKeys={report.thresholds.manyOrgOwnerKeys} />
          {report.keys.length + report.serviceAccounts.length === 0 ? (
            <Alert color="gray" title="Nothing to audit">
              No key or service account holds a role in a project you can see.
            </Alert>
          ) : view.keys.length + view.serviceAccounts.length === 0 ? (
            <Alert color="gray" title="Nothing matches">
              No key or service account matches these filters.
              <Button variant="light" size="xs" ml="md" onClick={reset}>
                Reset filters
              </Button>
            </Alert>
          ) : reviews ? (
            <ProjectReviewList reviews={reviews} orgWide={view.orgWide} manyOwnerKeys={report.thresholds.manyOwnerKeys} />
          ) : (
            view.rows.length > 0 && (
              <AuditMatrix
                key={state.density}
                rows={view.rows}
                projects={view.projects}
                ownerKeys={analysis.ownerKeys}
                overOwned={analysis.overOwnedProjects}
                orgOwners={analysis.orgOwners}
                density={state.density}
                changed={changed}
                now={now}
              />
            )
          )}
        </>
      )}
    </Stack>
  );
}
