// "Assign existing key": pick an organization key that is not in the project, give it roles, assign.
import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { RoleChips } from '@/components/roles/role-chips';
import { GrantRolesField } from '@/components/roles/role-edit';
import { labelOrNameFilter } from '@/components/roles/role-options';
import { ConsoleModal, DialogFooter, type DialogProps } from '@/components/ui/console-modal';
import { ErrorState } from '@/components/ui/error-state';
import { useOptionListLink } from '@/components/ui/use-option-list-link';
import { groupsQuery, orgKeysQuery } from '@/lib/api/queries';
import { orgRolesOf } from '@/lib/api/role-assignments';
import type { ApiKey } from '@/lib/api/schemas';
import type { Flavor } from '@/lib/roles';
import { rolesInWords } from '@/lib/roles-in-words';
import { useSetRoles, type ProjectRef } from './key-mutations';

interface Props extends DialogProps {
  project: ProjectRef;
  flavor: Flavor;
}

export function AssignKeyDialog({ opened, onClose, project, flavor, fallbackFocus }: Props) {
  const mutation = useSetRoles(project, 'assign');
  return (
    <ConsoleModal opened={opened} onClose={onClose} request={mutation} title="Assign existing key" fallbackFocus={fallbackFocus}>
      <AssignKeyForm project={project} flavor={flavor} mutation={mutation} onDone={onClose} onCancel={onClose} />
    </ConsoleModal>
  );
}

interface FormProps {
  project: ProjectRef;
  flavor: Flavor;
  mutation: ReturnType<typeof useSetRoles>;
  onDone: () => void;
  onCancel: () => void;
}

/** Starts afresh each time the dialog opens (the modal unmounts its content when closed). */
function AssignKeyForm({ project, flavor, mutation, onDone, onCancel }: FormProps) {
  const orgKeys = useQuery(orgKeysQuery(project.orgId));
  const groups = useQuery(groupsQuery());
  const projectNames = useMemo(() => new Map((groups.data?.results ?? []).map((g) => [g.id, g.name])), [groups.data]);
  const candidates = useMemo(
    () => (orgKeys.data?.results ?? []).filter((k) => !k.roles.some((r) => r.groupId === project.id)),
    [orgKeys.data, project.id],
  );
  const [keyId, setKeyId] = useState<string | null>(null);
  const [roles, setRoles] = useState<string[]>([]);
  const [tried, setTried] = useState(false);
  const chosen = candidates.find((k) => k.id === keyId);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!chosen || roles.length === 0) return;
    // expectedRoles [] : if someone assigned the key meanwhile, the server answers 409 instead of overwriting their roles.
    mutation.mutate({ key: chosen, roles, expectedRoles: [] }, { onSuccess: onDone });
  };

  if (orgKeys.isError) {
    return <ErrorState title="Could not load the organization’s keys" error={orgKeys.error} onRetry={() => void orgKeys.refetch()} retrying={orgKeys.isFetching} />;
  }
  if (orgKeys.isSuccess && candidates.length === 0) {
    return (
      <Stack>
        <Text>Every key of the organization is already in this project. Use “Create key” to make a new one.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Close
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <OrgKeySelect keys={candidates} value={keyId} onChange={setKeyId} loading={orgKeys.isPending} error={tried && !chosen ? 'Pick a key' : undefined} projectNames={projectNames} />
        {chosen && (
          <Stack gap={4}>
            <Text size="sm">
              Public key <b>{chosen.publicKey}</b> · id <b>{chosen.id}</b>
            </Text>
            <RoleChips roles={orgRolesOf(chosen, project.orgId)} label="Organization roles of the chosen key" />
          </Stack>
        )}
        <GrantRolesField flavor={flavor} value={roles} onChange={setRoles} showEmptyError={tried} description={`What the key may do in ${project.name}.`} />
        <DialogFooter submitLabel="Assign" pending={mutation.isPending} onCancel={onCancel} failure={{ title: 'The key was not assigned', error: mutation.error }} />
      </Stack>
    </form>
  );
}

interface SelectProps {
  keys: readonly ApiKey[];
  value: string | null;
  onChange: (keyId: string | null) => void;
  error?: string;
  loading: boolean;
  projectNames: ReadonlyMap<string, string>;
}

/** The organization key to assign, searchable by description, public key or id. */
function OrgKeySelect({ keys, value, onChange, error, loading, projectNames }: SelectProps) {
  const byId = useMemo(() => new Map(keys.map((k) => [k.id, k])), [keys]);
  // The label holds description and public key, the value the id: the filter searches all three.
  const data = useMemo(() => keys.map((k) => ({ value: k.id, label: `${k.desc} (${k.publicKey})` })), [keys]);
  const listLink = useOptionListLink();
  return (
    <Select
      label="Organization key"
      description="Keys of the organization that are not in this project yet, with the roles they hold elsewhere. Search by description, public key or id."
      placeholder={loading ? 'Loading the organization’s keys…' : 'Search keys'}
      withAsterisk
      data-autofocus
      data={data}
      value={value}
      onChange={onChange}
      error={error}
      disabled={loading}
      searchable
      filter={labelOrNameFilter}
      nothingFoundMessage="No organization key matches"
      // The list itself scrolls, not a Mantine ScrollArea inside it: see RoleMultiSelect.
      withScrollArea={false}
      styles={{ options: { maxHeight: 300, overflowY: 'auto' } }}
      {...listLink}
      renderOption={({ option }) => {
        const key = byId.get(option.value);
        return key ? <OrgKeyOption apiKey={key} projectNames={projectNames} /> : option.label;
      }}
    />
  );
}

/**
 * One organization key in the picker: description first, then public key and id (people confuse the two), then where
 * the key already holds roles, so the choice is made knowing what it reaches.
 */
function OrgKeyOption({ apiKey, projectNames }: { apiKey: ApiKey; projectNames: ReadonlyMap<string, string> }) {
  return (
    <Stack gap={0}>
      <Text size="sm" fw={500}>
        {apiKey.desc}
      </Text>
      <Text size="xs" c="dimmed" ff="monospace">
        public key {apiKey.publicKey} · id {apiKey.id}
      </Text>
      <Text size="xs" c="dimmed" lineClamp={2}>
        {rolesInWords(apiKey.roles, (id) => projectNames.get(id))}
      </Text>
    </Stack>
  );
}
