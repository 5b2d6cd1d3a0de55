// The signed-in person's role in the project being viewed and where it comes from, from the project list the console already has cached.
import { Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { usePathname } from 'next/navigation';
import { RoleSources } from '@/components/roles/role-chips';
import { groupsQuery } from '@/lib/api/queries';

const projectPath = /^\/projects\/([a-f0-9]{24})(?:\/|$)/;

export function CurrentProjectRole() {
  const groupId = projectPath.exec(usePathname())?.[1];
  const groups = useQuery({ ...groupsQuery(), enabled: Boolean(groupId) });
  const project = groupId ? groups.data?.results.find((g) => g.id === groupId) : undefined;
  if (!project) return null;
  return (
    <Group gap={6} wrap="nowrap" visibleFrom="md" data-testid="current-project-role">
      <Text size="sm" c="dimmed">
        Your role here
      </Text>
      <RoleSources sources={project.roleSources} label={`Your role in ${project.name}`} nowrap />
    </Group>
  );
}
