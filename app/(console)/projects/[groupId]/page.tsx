// A project's page: its API keys and its service accounts; the layout has checked that the person may see the project.
import type { Metadata } from 'next';
import { ProjectPageTabs } from '@/components/projects/project-page-tabs';
import { projectPageAccess } from '@/lib/server/project-page-access';
import { getAtlas } from '@/lib/server/services';

interface Props {
  params: Promise<{ groupId: string }>;
  searchParams: Promise<{ q?: string | string[]; role?: string | string[]; view?: string | string[] }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const access = await projectPageAccess((await params).groupId);
  return { title: access.projectName };
}

const first = (value: string | string[] | undefined) => (typeof value === 'string' ? value : '');

export default async function ProjectPage({ params, searchParams }: Props) {
  const [{ groupId }, query] = await Promise.all([params, searchParams]);
  const access = await projectPageAccess(groupId);
  const atlas = getAtlas();
  return (
    <ProjectPageTabs
      project={{ id: groupId, name: access.projectName, orgId: atlas.orgId }}
      flavor={atlas.flavor}
      canManageKeys={access.canManageKeys}
      serviceAccountRights={{ canManage: access.canManageServiceAccounts, canInvite: access.canInviteServiceAccounts }}
      initial={{ view: first(query.view) === 'serviceAccounts' ? 'serviceAccounts' : 'apiKeys', search: first(query.q), role: first(query.role) }}
    />
  );
}
