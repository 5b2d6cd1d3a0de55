// "Edit roles": the key's roles in the project, a preview of the change, and a guarded save (expectedRoles).
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { RoleMultiSelect } from '@/components/roles/role-multiselect';
import { FailureText } from '@/components/ui/failure-text';
import { projectRolesOf, sameRoles } from '@/lib/api/role-assignments';
import type { ApiKey } from '@/lib/api/schemas';
import type { Flavor } from '@/lib/roles';
import { RoleChangePreview } from './role-change-preview';
import { RolesChangedNotice } from './roles-changed-notice';
import type { ProjectRef } from './use-key-list-cache';
import { isRolesChanged, useSetRoles } from './use-set-roles';

interface Props {
  apiKey: ApiKey;
  project: ProjectRef;
  flavor: Flavor;
  onDone: () => void;
  onCancel: () => void;
  onUnassignInstead: () => void;
}

export function EditRolesForm({ apiKey, project, flavor, onDone, onCancel, onUnassignInstead }: Props) {
  const [seen, setSeen] = useState(() => projectRolesOf(apiKey, project.id));
  const [roles, setRoles] = useState(seen);
  const mutation = useSetRoles(project, 'edit');
  const conflict = isRolesChanged(mutation.error) ? mutation.error.body : undefined;
  const unchanged = sameRoles(roles, seen);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (roles.length === 0 || unchanged || conflict) return;
    mutation.mutate({ key: apiKey, roles, expectedRoles: seen }, { onSuccess: onDone });
  };
  const reload = () => {
    const current = conflict?.currentRoles ?? [];
    setSeen(current);
    setRoles(current);
    mutation.reset();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          Key <b>{apiKey.desc}</b> · public key <b>{apiKey.publicKey}</b>
        </Text>
        <RoleMultiSelect flavor={flavor} value={roles} onChange={setRoles} autoFocus description={`The key’s roles in ${project.name}; its roles elsewhere do not change.`} />
        {roles.length === 0 ? (
          <Alert color="yellow" variant="light" title="A key needs at least one role here">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">To take the key out of this project, unassign it instead. It stays in the organization.</Text>
              <Button size="xs" variant="default" onClick={onUnassignInstead}>
                Unassign instead
              </Button>
            </Stack>
          </Alert>
        ) : (
          <RoleChangePreview before={seen} after={roles} />
        )}
        {conflict && (
          <RolesChangedNotice
            groupId={project.id}
            apiKeyId={apiKey.id}
            seen={seen}
            current={conflict.currentRoles ?? []}
            detail={conflict.detail}
            onReload={reload}
          />
        )}
        {mutation.error && !conflict && (
          <Alert color="red" variant="light" title="The roles were not saved" role="alert">
            <FailureText error={mutation.error} />
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={mutation.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending} disabled={roles.length === 0 || unchanged || Boolean(conflict)}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
