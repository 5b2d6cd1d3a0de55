'use client';
// A project's keys page in the browser: header, filters kept in the URL, the virtualized table, its states and dialogs.
import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { sortRoles } from '@/components/roles/role-options';
import { ErrorState } from '@/components/ui/error-state';
import { textParams, useUrlState } from '@/components/ui/use-url-state';
import { groupsQuery, projectKeysQuery } from '@/lib/api/queries';
import type { ApiKey } from '@/lib/api/schemas';
import type { Flavor } from '@/lib/roles';
import { filterRows, toRowModel } from './key-row-model';
import { KeysEmptyState } from './keys-empty-state';
import { KeysTable, KeysTableSkeleton } from './keys-table';
import { KeysToolbar } from './keys-toolbar';
import { ProjectKeysHeader } from './project-keys-header';
import type { KeyDialog } from './key-dialogs';
import type { ProjectRef } from './key-mutations';

// The dialogs (Modal, MultiSelect, forms) are a sixth of the page's script and only key managers use them:
// they are fetched on the first sign of intent (pointer or focus anywhere on the page), not with the page.
const KeyDialogs = dynamic(() => import('./key-dialogs').then((m) => m.KeyDialogs), { ssr: false });

const filters = textParams('q', 'role');

interface Props {
  project: ProjectRef;
  flavor: Flavor;
  canManageKeys: boolean;
}

export function ProjectKeysView({ project, flavor, canManageKeys }: Props) {
  const keys = useQuery(projectKeysQuery(project.id));
  const groups = useQuery(groupsQuery());
  const [{ q: search, role }, change] = useUrlState(filters.parse, filters.serialize);
  const setSearch = (q: string) => change((latest) => ({ ...latest, q }));
  const setRole = (next: string) => change((latest) => ({ ...latest, role: next }));
  const deferredSearch = useDeferredValue(search);
  const dialogs = useKeyDialogs();
  const [dialogsWanted, setDialogsWanted] = useState(false);
  const wantDialogs = canManageKeys && !dialogsWanted ? () => setDialogsWanted(true) : undefined;
  const searchAnchor = useRef<HTMLDivElement>(null);

  const rows = useMemo(() => (keys.data?.results ?? []).map((k) => toRowModel(k, project.id, project.orgId)), [keys.data, project.id, project.orgId]);
  const visible = useMemo(() => filterRows(rows, deferredSearch, role), [rows, deferredSearch, role]);
  const availableRoles = useMemo(() => sortRoles(rows.flatMap((r) => r.roles)), [rows]);
  const projectNames = useMemo(() => new Map((groups.data?.results ?? []).map((g) => [g.id, g.name])), [groups.data]);
  const openDialog = dialogs.open;
  // Buttons a person may not use are not rendered at all (the server refuses them anyway).
  const actions = useMemo(
    () =>
      canManageKeys
        ? { onEdit: (key: ApiKey) => openDialog('edit', key), onUnassign: (key: ApiKey) => openDialog('unassign', key) }
        : undefined,
    [canManageKeys, openDialog],
  );

  const clearFilters = () => {
    setSearch('');
    setRole('');
  };

  return (
    <Stack onPointerOver={wantDialogs} onFocus={wantDialogs}>
      <ProjectKeysHeader
        project={project}
        keyCount={keys.data?.results.length}
        canManageKeys={canManageKeys}
        onCreate={() => dialogs.open('create')}
        onAssign={() => dialogs.open('assign')}
      />
      <div ref={searchAnchor} tabIndex={-1}>
        <KeysToolbar search={search} onSearch={setSearch} role={role} onRole={setRole} availableRoles={availableRoles} shown={visible.length} total={keys.isSuccess ? rows.length : undefined} />
      </div>
      {keys.isPending && <KeysTableSkeleton withActions={canManageKeys} />}
      {keys.isError && (
        <ErrorState title="Could not load the project’s keys" error={keys.error} onRetry={() => void keys.refetch()} retrying={keys.isFetching} />
      )}
      {keys.isSuccess && visible.length === 0 && (
        <KeysEmptyState filtered={rows.length > 0} canManageKeys={canManageKeys} onClearFilters={clearFilters} />
      )}
      {keys.isSuccess && visible.length > 0 && <KeysTable rows={visible} projectName={project.name} projectNames={projectNames} actions={actions} />}
      {canManageKeys && (dialogsWanted || dialogs.openDialog) && (
        <KeyDialogs {...dialogs} project={project} flavor={flavor} fallbackFocus={searchAnchor} />
      )}
    </Stack>
  );
}

/** Which key dialog is open and for which key; the key is kept while a dialog closes so its content can fade out. */
function useKeyDialogs() {
  const [state, setState] = useState<{ open: KeyDialog | null; key?: ApiKey }>({ open: null });
  const open = useCallback((dialog: KeyDialog, key?: ApiKey) => setState({ open: dialog, key }), []);
  const close = useCallback(() => setState((s) => ({ ...s, open: null })), []);
  return { openDialog: state.open, target: state.key, open, close };
}
