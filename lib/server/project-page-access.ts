// The project pages' data and check: signed in, and the project visible to the person, else HTTP 404 before anything streams.
import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { isObjectId } from '@/lib/api/ids';
import { resolveProjectAccess } from './access';
import { currentPerson } from '@/lib/auth/session';
import { ApiError } from '@/lib/console-errors';
import { getAtlas } from '@/lib/services';

/** Once per request for the layout, the metadata and the page; a project the person cannot see is "not found". */
export const projectPageAccess = cache(async (groupId: string) => {
  if (!isObjectId(groupId)) notFound();
  const person = await currentPerson();
  if (!person) redirect(`/signin?callbackUrl=/projects/${groupId}`);
  try {
    const { orgId, flavor } = getAtlas();
    return { ...(await resolveProjectAccess(person.email, groupId)), orgId, flavor };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
});
