// A project's keys page: checks on the server that the person may see the project, then hands over to the browser.
import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { ProjectKeysView } from '@/components/keys/project-keys-view';
import { isObjectId } from '@/lib/api/ids';
import { resolveProjectAccess } from '@/lib/auth/access';
import { currentPerson } from '@/lib/auth/session';
import { ApiError } from '@/lib/server/api-error';
import { getAtlas } from '@/lib/server/services';

interface Props {
  params: Promise<{ groupId: string }>;
  searchParams: Promise<{ q?: string | string[]; role?: string | string[] }>;
}

/** Once per request for both the metadata and the page; a project the person cannot see is "not found". */
const accessTo = cache(async (groupId: string) => {
  if (!isObjectId(groupId)) notFound();
  const person = await currentPerson();
  if (!person) redirect(`/signin?callbackUrl=/projects/${groupId}`);
  try {
    return await resolveProjectAccess(person.email, groupId);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const access = await accessTo((await params).groupId);
  return { title: access.projectName };
}

const first = (value: string | string[] | undefined) => (typeof value === 'string' ? value : '');

export default async function ProjectKeysPage({ params, searchParams }: Props) {
  const [{ groupId }, query] = await Promise.all([params, searchParams]);
  const access = await accessTo(groupId);
  const atlas = getAtlas();
  return (
    <ProjectKeysView
      project={{ id: groupId, name: access.projectName, orgId: atlas.orgId }}
      flavor={atlas.flavor}
      canManageKeys={access.canManageKeys}
      initialFilters={{ search: first(query.q), role: first(query.role) }}
    />
  );
}
