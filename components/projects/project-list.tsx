'use client';
// The projects the signed-in person can see: their roles there, how many keys, the highest privilege any key holds.
import { Alert, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo } from 'react';
import { ErrorState } from '@/components/ui/error-state';
import { SearchInput } from '@/components/ui/search-input';
import { useUrlParam } from '@/components/ui/use-url-param';
import { groupsQuery, orgKeysQuery } from '@/lib/api/queries';
import { projectKeyStats } from './project-key-stats';
import { ProjectRow } from './project-row';

export function ProjectList({ initialSearch }: { initialSearch: string }) {
  const groups = useQuery(groupsQuery());
  const orgId = groups.data?.orgId ?? '';
  // One call for the whole organization rather than one per project: each org key carries all its roles.
  const stats = useQuery({ ...orgKeysQuery(orgId), enabled: orgId !== '', select: projectKeyStats });
  const [search, setSearch] = useUrlParam('q', initialSearch);
  const needle = useDeferredValue(search.trim().toLowerCase());
  const visible = useMemo(
    () => (groups.data?.results ?? []).filter((p) => !needle || p.name.toLowerCase().includes(needle) || p.id.includes(needle)),
    [groups.data, needle],
  );

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
        <Table.ScrollContainer minWidth={760}>
          <Table highlightOnHover verticalSpacing="sm" aria-label={`Projects of ${groups.data.orgName}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>ID</Table.Th>
                <Table.Th>Your roles</Table.Th>
                <Table.Th ta="right">Keys</Table.Th>
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
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
