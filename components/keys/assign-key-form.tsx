// "Assign existing key": pick an organization key that is not in the project, give it roles, assign.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { RoleChips } from '@/components/roles/role-chips';
import { RoleMultiSelect } from '@/components/roles/role-multiselect';
import { ErrorState } from '@/components/ui/error-state';
import { FailureText } from '@/components/ui/failure-text';
import { orgRolesOf } from '@/lib/api/role-assignments';
import { groupsQuery, orgKeysQuery } from '@/lib/api/queries';
import type { Flavor } from '@/lib/roles';
import { AccessGrantWarning } from './access-grant-warning';
import { OrgKeySelect } from './org-key-select';
import type { ProjectRef } from './use-key-list-cache';
import { useSetRoles } from './use-set-roles';

interface Props {
  project: ProjectRef;
  flavor: Flavor;
  onDone: () => void;
  onCancel: () => void;
}

export function AssignKeyForm({ project, flavor, onDone, onCancel }: Props) {
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
  const mutation = useSetRoles(project, 'assign');
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
        <RoleMultiSelect
          flavor={flavor}
          value={roles}
          onChange={setRoles}
          error={tried && roles.length === 0 ? 'Pick at least one role' : undefined}
          description={`What the key may do in ${project.name}.`}
        />
        <AccessGrantWarning added={roles} />
        {mutation.error && (
          <Alert color="red" variant="light" title="The key was not assigned" role="alert">
            <FailureText error={mutation.error} />
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={mutation.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            Assign
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
