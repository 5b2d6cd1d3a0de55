// A project's keys page: the layout has checked that the person may see the project; the browser does the rest.
import type { Metadata } from 'next';
import { ProjectKeysView } from '@/components/keys/project-keys-view';
import { projectPageAccess } from '@/lib/server/project-page-access';

interface Props {
  params: Promise<{ groupId: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const access = await projectPageAccess((await params).groupId);
  return { title: access.projectName };
}

export default async function ProjectKeysPage({ params }: Props) {
  const { groupId } = await params;
  const access = await projectPageAccess(groupId);
  return (
    <ProjectKeysView
      project={{ id: groupId, name: access.projectName, orgId: access.orgId }}
      flavor={access.flavor}
      canManageKeys={access.canManageKeys}
    />
  );
}
