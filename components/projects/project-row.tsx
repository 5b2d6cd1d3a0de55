// One project in the projects table: its name as a link, id, the person's roles there with their sources, and its keys at a glance.
import { Anchor, Code, Table } from '@mantine/core';
import Link from 'next/link';
import { RoleSources } from '@/components/roles/role-chips';
import type { GroupSummary } from '@/lib/api/schemas';
import type { ProjectKeyStats } from './project-key-stats';
import { ProjectStatsCells } from './project-stats-cells';
import wholeChips from '@/components/roles/tier-colors.module.css';

interface Props {
  project: GroupSummary;
  stats: ProjectKeyStats | undefined;
  statsStatus: 'pending' | 'error' | 'success';
}

export function ProjectRow({ project, stats, statsStatus }: Props) {
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} href={`/projects/${project.id}`} fw={600}>
          {project.name}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Code>{project.id}</Code>
      </Table.Td>
      <Table.Td className={wholeChips.wholeChips}>
        <RoleSources sources={project.roleSources} label="Your roles" />
      </Table.Td>
      <ProjectStatsCells stats={stats} status={statsStatus} />
    </Table.Tr>
  );
}
