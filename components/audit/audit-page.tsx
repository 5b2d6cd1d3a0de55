'use client';
// The visual role audit: summary cards, filters and the key × project matrix, all driven by the URL.
import { Alert, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { FailureText } from '@/components/ui/failure-text';
import { auditReportQuery } from '@/lib/api/queries';
import { analyzeReport } from './analyze-report';
import { AuditExportButtons } from './audit-export-buttons';
import { AuditFilters } from './audit-filters';
import { AuditMatrix } from './audit-matrix';
import { AuditSummary } from './audit-summary';
import { filterReport } from './filter-report';
import { useAuditViewState } from './use-audit-view-state';

export function AuditPage() {
  const { state, update, reset } = useAuditViewState();
  const thresholds = useMemo(
    () => ({ manyProjects: state.manyProjects, manyOwnerKeys: state.manyOwnerKeys }),
    [state.manyProjects, state.manyOwnerKeys],
  );
  const audit = useQuery({ ...auditReportQuery(thresholds), placeholderData: keepPreviousData });
  const report = audit.data;
  const analysis = useMemo(() => (report ? analyzeReport(report) : undefined), [report]);
  const view = useMemo(() => (report && analysis ? filterReport(report, analysis, state) : undefined), [report, analysis, state]);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Role audit
          </Title>
          <Text c="dimmed" size="sm">
            Which key holds which role in which project, and what is risky.
            {report && ` Generated ${new Date(report.generatedAt).toLocaleString()}.`}
          </Text>
        </div>
        {report && view && report.projects.length > 0 && <AuditExportButtons report={report} view={view} state={state} />}
      </Group>
      {audit.isPending && <Skeleton h={420} />}
      {audit.isError && (
        <Alert color="red" title="Could not load the audit" role="alert">
          <FailureText error={audit.error} />
          <Button variant="light" size="xs" ml="md" onClick={() => void audit.refetch()}>
            Retry
          </Button>
        </Alert>
      )}
      {report?.projects.length === 0 && (
        <Alert color="gray" title="No project to audit" data-testid="audit-no-projects">
          You have no role in any project of this organization, so there is nothing to audit here. A Project Owner can add
          you to their project; an Organization Owner sees every project.
        </Alert>
      )}
      {report && analysis && view && report.projects.length > 0 && (
        <>
          <AuditSummary report={report} state={state} onApply={update} />
          <AuditFilters report={report} state={state} onChange={update} onReset={reset} />
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="audit-showing">
            Showing {view.rows.length} of {report.keys.length} keys in {view.projects.length} of {report.projects.length} projects
            {audit.isFetching && !audit.isPending ? ' — refreshing…' : ''}
          </Text>
          {report.keys.length === 0 ? (
            <Alert color="gray" title="Nothing to audit">
              No key holds a role in a project you can see.
            </Alert>
          ) : view.rows.length === 0 ? (
            <Alert color="gray" title="Nothing matches">
              No key matches these filters.
              <Button variant="light" size="xs" ml="md" onClick={reset}>
                Reset filters
              </Button>
            </Alert>
          ) : (
            <AuditMatrix rows={view.rows} projects={view.projects} ownerKeys={analysis.ownerKeys} overOwned={analysis.overOwnedProjects} />
          )}
        </>
      )}
    </Stack>
  );
}
