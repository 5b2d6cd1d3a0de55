// Decides whether the project exists for this person outside any loading boundary, so "not found" is an HTTP 404.
import type { ReactNode } from 'react';
import { projectPageAccess } from '@/lib/server/project-page-access';

export default async function ProjectLayout({ children, params }: { children: ReactNode; params: Promise<{ groupId: string }> }) {
  await projectPageAccess((await params).groupId);
  return children;
}
