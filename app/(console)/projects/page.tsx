// The projects page: the projects the signed-in person can see, searchable by name or id, sortable by keys and risk.
import type { Metadata } from 'next';
import { ProjectList } from '@/components/projects/project-list';

export const metadata: Metadata = { title: 'Projects' };

export default function ProjectsPage() {
  return <ProjectList />;
}
