// A project's page: its API keys and its service accounts; the layout has checked that the person may see the project.
import type { Metadata } from 'next';
import { ProjectPageTabs } from '@/components/projects/project-page-tabs';
import { projectPageAccess } from '@/lib/server/project-page-access';

interface Props {
  params: Promise<{ groupId: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const access = await projectPageAccess((await params).groupId);
  return { title: access.projectName };
}

export default async function ProjectPage({ params }: Props) {
  const { groupId } = await params;
  const access = await projectPageAccess(groupId);
  return (
    <ProjectPageTabs
      project={{ id: groupId, name: access.projectName, orgId: access.orgId }}
      flavor={access.flavor}
      canManageKeys={access.canManageKeys}
      serviceAccountRights={{ canManage: access.canManageServiceAccounts, canInvite: access.canInviteServiceAccounts }}
    />
  );
}
