// A project's keys page: the layout has checked that the person may see the project; the browser does the rest.
import type { Metadata } from 'next';
import { ProjectKeysView } from '@/components/keys/project-keys-view';
import { projectPageAccess } from '@/lib/server/project-page-access';

interface Props {
  params: Promise<{ groupId: string }>;
  searchParams: Promise<{ q?: string | string[]; role?: string | string[] }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const access = await projectPageAccess((await params).groupId);
  return { title: access.projectName };
}

const first = (value: string | string[] | undefined) => (typeof value === 'string' ? value : '');

export default async function ProjectKeysPage({ params, searchParams }: Props) {
  const [{ groupId }, query] = await Promise.all([params, searchParams]);
  const access = await projectPageAccess(groupId);
  return (
    <ProjectKeysView
      project={{ id: groupId, name: access.projectName, orgId: access.orgId }}
      flavor={access.flavor}
      canManageKeys={access.canManageKeys}
      initialFilters={{ search: first(query.q), role: first(query.role) }}
    />
  );
}
