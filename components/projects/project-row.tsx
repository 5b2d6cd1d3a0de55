// One project in the projects table: its name as a link, id, the person's roles there and its keys at a glance.
import { Anchor, Code, Table } from '@mantine/core';
import Link from 'next/link';
import { RoleChips } from '@/components/roles/role-chips';
import type { GroupSummary } from '@/lib/api/schemas';
import type { ProjectKeyStats } from './project-key-stats';
import { ProjectStatsCells } from './project-stats-cells';
import wholeChips from '@/components/roles/whole-chips.module.css';

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
        {/* Only an Organization Owner sees a project without a role in it (see lib/auth/permissions). */}
        <RoleChips roles={project.myRoles.length > 0 ? project.myRoles : ['ORG_OWNER']} label="Your roles" muted={project.myRoles.length === 0} />
      </Table.Td>
      <ProjectStatsCells stats={stats} status={statsStatus} />
    </Table.Tr>
  );
}
