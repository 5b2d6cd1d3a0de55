'use client';
// The projects the signed-in person can see, with their own roles there.
import { Alert, Anchor, Button, Skeleton, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { groupsQuery } from '@/lib/api/queries';

export function ProjectList() {
  const groups = useQuery(groupsQuery());
  return (
    <Stack>
      <Title order={1} size="h2">
        Projects
      </Title>
      {groups.isPending && <Skeleton h={120} />}
      {groups.isError && (
        <Alert color="red" title="Could not load the projects" role="alert">
          {groups.error.message}
          <Button variant="light" size="xs" ml="md" onClick={() => void groups.refetch()}>
            Retry
          </Button>
        </Alert>
      )}
      {groups.data && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>ID</Table.Th>
              <Table.Th>Your roles</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.data.results.map((group) => (
              <Table.Tr key={group.id}>
                <Table.Td>
                  <Anchor component={Link} href={`/projects/${group.id}`}>
                    {group.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{group.id}</Table.Td>
                <Table.Td>{group.myRoles.join(', ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
