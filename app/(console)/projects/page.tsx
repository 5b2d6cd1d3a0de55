// The projects page: the projects the signed-in person can see, searchable by name or id.
import type { Metadata } from 'next';
import { ProjectList } from '@/components/projects/project-list';

export const metadata: Metadata = { title: 'Projects' };

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const { q } = await searchParams;
  return <ProjectList initialSearch={typeof q === 'string' ? q : ''} />;
}
