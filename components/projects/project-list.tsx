'use client';
// The projects the signed-in person can see: their roles there, how many keys, which keys can grant access, the highest privilege.
import { Alert, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo } from 'react';
import { ErrorState } from '@/components/ui/error-state';
import { ScrollTable } from '@/components/ui/scroll-table';
import { SearchInput } from '@/components/ui/search-input';
import { textParams, useUrlState } from '@/components/ui/use-url-state';
import { groupsQuery, orgKeysQuery } from '@/lib/api/queries';
import { projectKeyStats, projectSorts, sortProjects, type ProjectSort } from './project-key-stats';
import { ProjectRow } from './project-row';
import { SortHeader } from './sort-header';

const view = textParams('q', 'sort');

export function ProjectList() {
  const groups = useQuery(groupsQuery());
  const orgId = groups.data?.orgId ?? '';
  // One call for the whole organization rather than one per project: each org key carries all its roles.
  const stats = useQuery({ ...orgKeysQuery(orgId), enabled: orgId !== '', select: projectKeyStats });
  const [{ q: search, sort: sortParam }, change] = useUrlState(view.parse, view.serialize);
  const setSearch = (q: string) => change((latest) => ({ ...latest, q }));
  const sort: ProjectSort = projectSorts.includes(sortParam as ProjectSort) ? (sortParam as ProjectSort) : 'name';
  const needle = useDeferredValue(search.trim().toLowerCase());
  const visible = useMemo(() => {
    const matching = (groups.data?.results ?? []).filter((p) => !needle || p.name.toLowerCase().includes(needle) || p.id.includes(needle));
    return sortProjects(matching, stats.data, sort);
  }, [groups.data, stats.data, needle, sort]);
  const sortBy = (next: ProjectSort) => change((latest) => ({ ...latest, sort: next === 'name' ? '' : next }));

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          Projects
        </Title>
        <SearchInput label="Search projects" placeholder="Name or project ID" value={search} onChange={setSearch} />
      </Group>
      {groups.isPending && <Skeleton h={160} role="status" aria-label="Loading projects" />}
      {groups.isError && (
        <ErrorState title="Could not load the projects" error={groups.error} onRetry={() => void groups.refetch()} retrying={groups.isFetching} />
      )}
      {stats.isError && (
        <Alert color="yellow" variant="light" title="Key counts are unavailable">
          {stats.error.message}
        </Alert>
      )}
      {groups.data && groups.data.results.length === 0 && (
        <Alert color="gray" variant="light" title="No projects to show">
          You have no role in any project of {groups.data.orgName}. Ask a Project Owner or an Organization Owner to add you to a project.
        </Alert>
      )}
      {groups.data && groups.data.results.length > 0 && (
        <ScrollTable label={`Projects of ${groups.data.orgName}`} minWidth={760}>
          <Table highlightOnHover verticalSpacing="sm" aria-label={`Projects of ${groups.data.orgName}`}>
            <Table.Thead>
              <Table.Tr>
                <SortHeader active={sort === 'name'} direction="ascending" onSort={() => sortBy('name')}>
                  Name
                </SortHeader>
                <Table.Th>ID</Table.Th>
                <Table.Th>Your roles</Table.Th>
                <SortHeader active={sort === 'keys'} direction="descending" onSort={() => sortBy('keys')} align="right">
                  Keys
                </SortHeader>
                <SortHeader active={sort === 'risk'} direction="descending" onSort={() => sortBy('risk')}>
                  Can grant access
                </SortHeader>
                <Table.Th>Highest privilege</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.map((project) => (
                <ProjectRow key={project.id} project={project} stats={stats.data?.get(project.id)} statsStatus={stats.status} />
              ))}
            </Table.Tbody>
          </Table>
          {visible.length === 0 && (
            <Text c="dimmed" ta="center" py="lg">
              No project matches “{search}”.
            </Text>
          )}
        </ScrollTable>
      )}
    </Stack>
  );
}
