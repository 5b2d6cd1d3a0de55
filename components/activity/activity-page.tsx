'use client';
// The change history: every key change made through the console, newest first, filtered from the URL.
import { Alert, Button, Group, Pagination, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { ErrorState } from '@/components/ui/error-state';
import { useUrlState } from '@/components/ui/use-url-state';
import { activityPageQuery, activityUrl, groupsQuery } from '@/lib/api/queries';
import { ActivityFilters } from './activity-filters';
import { ActivityTable } from './activity-table';
import {
  activityFilters,
  exportFilters,
  exportLimit,
  isFiltered,
  pageSize,
  parseActivityState,
  serializeActivityState,
  type ActivityViewState,
} from './activity-view-state';

export function ActivityPage() {
  const [state, change] = useUrlState(parseActivityState, serializeActivityState);
  /** Any filter change goes back to the first page; a page change keeps the filters. */
  const update = useCallback((patch: Partial<ActivityViewState>) => change((latest) => ({ ...latest, page: 1, ...patch })), [change]);
  const reset = useCallback(() => change(() => parseActivityState(new URLSearchParams())), [change]);
  const filters = useMemo(() => activityFilters(state), [state]);
  const history = useQuery({ ...activityPageQuery(filters), placeholderData: keepPreviousData });
  const groups = useQuery(groupsQuery());
  const projects = useMemo(() => groups.data?.results ?? [], [groups.data]);
  const projectNames = useMemo(() => new Map(projects.map((p) => [p.id, p.name])), [projects]);
  const actors = useMemo(() => [...new Set(history.data?.results.map((c) => c.actor) ?? [])].sort(), [history.data]);
  const total = history.data?.totalCount ?? 0;
  const projectName = state.groupId ? projectNames.get(state.groupId) : undefined;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {projectName ? `Activity in ${projectName}` : 'Activity'}
          </Title>
          <Text c="dimmed" size="sm">
            Who created, assigned, modified or unassigned which key through the console, and how it ended.
          </Text>
        </div>
        <ActivityExportLink state={state} />
      </Group>
      <ActivityFilters state={state} projects={projects} actors={actors} onChange={update} onReset={reset} />
      {history.isPending && <Skeleton h={320} />}
      {history.isError && (
        <ErrorState title="Could not load the history" error={history.error} onRetry={() => void history.refetch()} retrying={history.isFetching} />
      )}
      {history.data && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="activity-count">
            {total === 0
              ? 'No change'
              : `${total.toLocaleString('en')} ${total === 1 ? 'change' : 'changes'}${isFiltered(state) ? ' match' : ''}`}
            {total > exportLimit ? ` — the CSV export holds the newest ${exportLimit}` : ''}
            {history.isFetching ? ' — refreshing…' : ''}
          </Text>
          {history.data.results.length === 0 ? (
            <Alert color="gray" title="Nothing here yet">
              {isFiltered(state) ? 'No change matches these filters.' : 'No key has been changed through the console yet.'}
            </Alert>
          ) : (
            <ActivityTable changes={history.data.results} projectNames={projectNames} />
          )}
          {total > pageSize && (
            <Group justify="center">
              <Pagination
                total={Math.ceil(total / pageSize)}
                value={state.page}
                onChange={(page) => update({ ...state, page })}
                getControlProps={(control) => ({ 'aria-label': `${control} page` })}
              />
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

/** Downloads the filtered history as CSV from the API (GET /api/activity?format=csv&…), the newest changes first. */
export function ActivityExportLink({ state }: { state: ActivityViewState }) {
  return (
    <Button
      component="a"
      href={activityUrl(exportFilters(state), 'csv')}
      download
      variant="default"
      size="xs"
      leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
    >
      Export CSV
    </Button>
  );
}
