'use client';
// A project page's two kinds of programmatic access, API keys and service accounts, as tabs; the URL's `view` says which.
import { Tabs } from '@mantine/core';
import { ProjectKeysHeader } from '@/components/keys/project-keys-header';
import { ProjectKeysView } from '@/components/keys/project-keys-view';
import { ServiceAccountsView, type ServiceAccountRights } from '@/components/service-accounts/service-accounts-view';
import { textParams, useUrlState } from '@/components/ui/use-url-state';
import type { Flavor } from '@/lib/roles';

// Only `view`: switching tabs drops the other tab's filters, which belong to the list they were set on.
const tabParam = textParams('view');

interface Props {
  project: { id: string; name: string; orgId: string };
  flavor: Flavor;
  canManageKeys: boolean;
  serviceAccountRights: ServiceAccountRights;
}

export function ProjectPageTabs({ project, flavor, canManageKeys, serviceAccountRights }: Props) {
  const [{ view }, change] = useUrlState(tabParam.parse, tabParam.serialize);
  // The keys are the default and keep a clean URL.
  const current = view === 'serviceAccounts' ? 'serviceAccounts' : 'apiKeys';
  return (
    <Tabs value={current} onChange={(next) => change(() => ({ view: next === 'serviceAccounts' ? next : '' }))} keepMounted={false}>
      <Tabs.List mb="md" aria-label="Programmatic access">
        <Tabs.Tab value="apiKeys">API keys</Tabs.Tab>
        <Tabs.Tab value="serviceAccounts">Service accounts</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="apiKeys">
        <ProjectKeysView project={project} flavor={flavor} canManageKeys={canManageKeys} />
      </Tabs.Panel>
      <Tabs.Panel value="serviceAccounts">
        <ProjectKeysHeader project={project} keyCount={undefined} canManageKeys={false} onCreate={() => undefined} onAssign={() => undefined} />
        <ServiceAccountsView project={project} flavor={flavor} rights={serviceAccountRights} />
      </Tabs.Panel>
    </Tabs>
  );
}
