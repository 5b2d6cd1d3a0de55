'use client';
// A project page's two kinds of programmatic access, API keys and service accounts, as tabs; the URL's `view` says which.
import { Tabs } from '@mantine/core';
import { ProjectKeysHeader } from '@/components/keys/project-keys-header';
import { ProjectKeysView } from '@/components/keys/project-keys-view';
import { ServiceAccountsView, type ServiceAccountRights } from '@/components/service-accounts/service-accounts-view';
import { useUrlParam } from '@/components/ui/use-url-param';
import type { Flavor } from '@/lib/roles';

export const projectViews = ['apiKeys', 'serviceAccounts'] as const;
export type ProjectView = (typeof projectViews)[number];

interface Props {
  project: { id: string; name: string; orgId: string };
  flavor: Flavor;
  canManageKeys: boolean;
  serviceAccountRights: ServiceAccountRights;
  initial: { view: ProjectView; search: string; role: string };
}

export function ProjectPageTabs({ project, flavor, canManageKeys, serviceAccountRights, initial }: Props) {
  // The keys view is the default and keeps a clean URL; filters belong to the tab they were set in.
  const [view, setView] = useUrlParam('view', initial.view === 'apiKeys' ? '' : initial.view);
  const current: ProjectView = view === 'serviceAccounts' ? 'serviceAccounts' : 'apiKeys';
  const filters = current === initial.view ? initial : { search: '', role: '' };
  return (
    <Tabs value={current} onChange={(next) => setView(next === 'serviceAccounts' ? next : '')} keepMounted={false}>
      <Tabs.List mb="md" aria-label="Programmatic access">
        <Tabs.Tab value="apiKeys">API keys</Tabs.Tab>
        <Tabs.Tab value="serviceAccounts">Service accounts</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="apiKeys">
        <ProjectKeysView project={project} flavor={flavor} canManageKeys={canManageKeys} initialFilters={filters} />
      </Tabs.Panel>
      <Tabs.Panel value="serviceAccounts">
        <ProjectKeysHeader project={project} keyCount={undefined} canManageKeys={false} onCreate={() => undefined} onAssign={() => undefined} />
        <ServiceAccountsView project={project} flavor={flavor} rights={serviceAccountRights} initialFilters={filters} />
      </Tabs.Panel>
    </Tabs>
  );
}
