'use client';
// A project's service accounts: search and role filter in the URL, each account's roles and secrets (expiry, last use), and the actions a person may take.
import { Alert, Button, Code, Group, Menu, Skeleton, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconDots, IconLink, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { KeysToolbar } from '@/components/keys/keys-toolbar';
import { RoleChips } from '@/components/roles/role-chips';
import { sortRoles } from '@/components/roles/role-options';
import { ErrorState } from '@/components/ui/error-state';
import { textParams, useUrlState } from '@/components/ui/use-url-state';
import { ApiCallError } from '@/lib/api/client';
import { serviceAccountsQuery } from '@/lib/api/queries';
import { secretState } from '@/lib/api/secret-expiry';
import type { ServiceAccount } from '@/lib/api/service-accounts';
import type { Flavor } from '@/lib/roles';
import type { AccountDialog, AccountDialogState } from './account-dialog-state';

// Loaded on the first sign of intent, as the key dialogs are: most visitors only read.
const AccountDialogs = dynamic(() => import('./service-account-dialogs').then((m) => m.ServiceAccountDialogs), { ssr: false });

export interface ServiceAccountRights {
  canManage: boolean;
  canInvite: boolean;
}

interface Props {
  project: { id: string; name: string; orgId: string };
  flavor: Flavor;
  rights: ServiceAccountRights;
}

// `view` is written back with the filters, so a filtered link still opens this tab.
const filters = textParams('view', 'q', 'role');

const day = (iso: string) => iso.slice(0, 10);

function SecretLines({ account }: { account: ServiceAccount }) {
  if (account.secrets.length === 0) return <Text size="sm" c="dimmed">No secret</Text>;
  return (
    <Stack gap={2}>
      {account.secrets.map((secret) => {
        const state = secretState(secret);
        return (
          <Text key={secret.id} size="sm" c={state === 'ok' ? undefined : 'red'} data-testid="secret-line">
            {secret.maskedSecretValue ?? secret.id} · {state === 'expired' ? 'expired' : 'expires'} {day(secret.expiresAt)}
            {state === 'expiring' ? ' (soon)' : ''} · {secret.lastUsedAt ? `last used ${day(secret.lastUsedAt)}` : 'never used'}
          </Text>
        );
      })}
    </Stack>
  );
}

export function ServiceAccountsView({ project, flavor, rights }: Props) {
  const accounts = useQuery(serviceAccountsQuery(project.id));
  const [{ q: search, role }, change] = useUrlState(filters.parse, filters.serialize);
  const setSearch = (q: string) => change((latest) => ({ ...latest, view: 'serviceAccounts', q }));
  const setRole = (next: string) => change((latest) => ({ ...latest, view: 'serviceAccounts', role: next }));
  const deferredSearch = useDeferredValue(search);
  const [dialog, setDialog] = useState<AccountDialogState>({ open: null });
  const anchor = useRef<HTMLDivElement>(null);
  const open = (which: AccountDialog, account?: ServiceAccount) => setDialog({ open: which, account });

  const all = useMemo(() => accounts.data?.results ?? [], [accounts.data]);
  const visible = useMemo(() => {
    const needle = deferredSearch.trim().toLowerCase();
    return all.filter(
      (a) => (!role || a.roles.includes(role)) && (!needle || `${a.name} ${a.description} ${a.clientId}`.toLowerCase().includes(needle)),
    );
  }, [all, deferredSearch, role]);
  const availableRoles = useMemo(() => sortRoles(all.flatMap((a) => a.roles)), [all]);
  const failure = accounts.error;
  if (failure instanceof ApiCallError && failure.body.errorCode === 'SERVICE_ACCOUNTS_UNAVAILABLE') {
    return (
      <Alert color="gray" variant="light" title="Service accounts are not available on this server" data-testid="service-accounts-unavailable">
        {failure.body.detail}
      </Alert>
    );
  }

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div ref={anchor} tabIndex={-1}>
          <KeysToolbar
            what="service account"
            search={search}
            onSearch={setSearch}
            role={role}
            onRole={setRole}
            availableRoles={availableRoles}
            shown={visible.length}
            total={accounts.isSuccess ? all.length : undefined}
          />
        </div>
        <Group gap="sm">
          <Tooltip label="Only an Organization Owner may bring the organization’s service accounts into a project" disabled={rights.canInvite}>
            <Button
              variant="default"
              leftSection={<IconLink size={16} aria-hidden />}
              disabled={!rights.canInvite}
              aria-description={rights.canInvite ? undefined : 'Only an Organization Owner may do this'}
              onClick={() => open('invite')}
            >
              Invite existing service account
            </Button>
          </Tooltip>
          {rights.canManage && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => open('create')}>
              Create service account
            </Button>
          )}
        </Group>
      </Group>
      {!rights.canInvite && (
        <Text size="xs" c="dimmed">
          Inviting an existing service account needs the Organization Owner role.
        </Text>
      )}
      {accounts.isPending && <Skeleton height={120} />}
      {accounts.isError && (
        <ErrorState title="Could not load the project’s service accounts" error={accounts.error} onRetry={() => void accounts.refetch()} retrying={accounts.isFetching} />
      )}
      {accounts.isSuccess && visible.length === 0 && (
        <Text c="dimmed">{all.length === 0 ? 'This project has no service accounts yet.' : 'No service account matches these filters.'}</Text>
      )}
      {accounts.isSuccess && visible.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" aria-label={`Service accounts of ${project.name}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Service account</Table.Th>
                <Table.Th>Roles in this project</Table.Th>
                <Table.Th>Secrets</Table.Th>
                {rights.canManage && <Table.Th aria-label="Actions" />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.map((account) => (
                <Table.Tr key={account.clientId} data-testid="service-account-row">
                  <Table.Td>
                    <Text fw={600}>{account.name}</Text>
                    {account.description && (
                      <Text size="sm" c="dimmed">
                        {account.description}
                      </Text>
                    )}
                    <Code>{account.clientId}</Code>
                  </Table.Td>
                  <Table.Td>
                    <RoleChips roles={account.roles} label={`Roles of ${account.name}`} />
                  </Table.Td>
                  <Table.Td>
                    <SecretLines account={account} />
                  </Table.Td>
                  {rights.canManage && (
                    <Table.Td>
                      <Menu position="bottom-end">
                        <Menu.Target>
                          <Button variant="subtle" size="compact-sm" aria-label={`Actions for ${account.name}`}>
                            <IconDots size={16} aria-hidden />
                          </Button>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item onClick={() => open('edit', account)}>Edit roles</Menu.Item>
                          <Menu.Item onClick={() => open('rotate', account)}>Rotate secret</Menu.Item>
                          <Menu.Item color="red" onClick={() => open('remove', account)}>
                            Remove from project
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {(rights.canManage || rights.canInvite) && dialog.open !== null && (
        <AccountDialogs
          state={dialog}
          onClose={() => setDialog((d) => ({ ...d, open: null }))}
          project={project}
          flavor={flavor}
          inProject={all}
          fallbackFocus={anchor}
        />
      )}
    </Stack>
  );
}
