// "Edit roles": the key's roles in the project as the row showed them, a preview of the change, and a guarded save
// (expectedRoles) that tells who changed the roles meanwhile when it is refused.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { RoleChips } from '@/components/roles/role-chips';
import { RoleDeltaLine, RoleEditForm, useRoleEdit } from '@/components/roles/role-edit';
import { ConsoleModal, type DialogProps } from '@/components/ui/console-modal';
import { activityPageQuery } from '@/lib/api/queries';
import { diffRoles, projectRolesOf, sameRoles } from '@/lib/api/role-assignments';
import type { ApiKey } from '@/lib/api/schemas';
import type { Flavor } from '@/lib/roles';
import { useSetRoles, type ProjectRef } from './key-mutations';

interface Props extends DialogProps {
  apiKey: ApiKey | undefined;
  onUnassignInstead: (key: ApiKey) => void;
  project: ProjectRef;
  flavor: Flavor;
}

export function EditRolesDialog({ opened, apiKey, onClose, onUnassignInstead, project, flavor, fallbackFocus }: Props) {
  const mutation = useSetRoles(project, 'edit');
  return (
    <ConsoleModal opened={opened && Boolean(apiKey)} onClose={onClose} request={mutation} title="Edit roles" fallbackFocus={fallbackFocus}>
      {apiKey && (
        <EditRolesForm key={apiKey.id} apiKey={apiKey} project={project} flavor={flavor} mutation={mutation} onDone={onClose} onUnassignInstead={() => onUnassignInstead(apiKey)} />
      )}
    </ConsoleModal>
  );
}

interface FormProps {
  apiKey: ApiKey;
  project: ProjectRef;
  flavor: Flavor;
  mutation: ReturnType<typeof useSetRoles>;
  /** Closes the dialog: after a save, or on Cancel. */
  onDone: () => void;
  onUnassignInstead: () => void;
}

function EditRolesForm({ apiKey, project, flavor, mutation, onDone, onUnassignInstead }: FormProps) {
  const edit = useRoleEdit(projectRolesOf(apiKey, project.id), mutation);
  return (
    <RoleEditForm
      edit={edit}
      flavor={flavor}
      heading={
        <>
          Key <b>{apiKey.desc}</b> · public key <b>{apiKey.publicKey}</b>
        </>
      }
      description={`The key’s roles in ${project.name}; its roles elsewhere do not change.`}
      whenEmpty={
        <Alert color="yellow" variant="light" title="A key needs at least one role here">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">To take the key out of this project, unassign it instead. It stays in the organization.</Text>
            <Button size="xs" variant="default" onClick={onUnassignInstead}>
              Unassign instead
            </Button>
          </Stack>
        </Alert>
      }
      whenChanged={(conflict) => (
        <RolesChangedNotice groupId={project.id} apiKeyId={apiKey.id} seen={edit.seen} current={conflict.currentRoles ?? []} detail={conflict.detail} onReload={edit.reload} />
      )}
      request={mutation}
      onSave={() => mutation.mutate({ key: apiKey, roles: edit.roles, expectedRoles: edit.seen }, { onSuccess: onDone })}
      onCancel={onDone}
    />
  );
}

interface NoticeProps {
  groupId: string;
  apiKeyId: string;
  /** The roles the person started editing from. */
  seen: readonly string[];
  current: readonly string[];
  detail: string;
  onReload: () => void;
}

/** The 409 of a save: who changed the key's roles meanwhile and to what, and a way to start again from them. */
function RolesChangedNotice({ groupId, apiKeyId, seen, current, detail, onReload }: NoticeProps) {
  // The change history knows who made the change if it went through the console; a direct upstream change leaves no name.
  const activity = useQuery(activityPageQuery({ groupId, limit: 50 }));
  const change = activity.data?.results.find(
    (r) => r.apiKeyId === apiKeyId && r.outcome === 'success' && sameRoles(r.rolesAfter, current),
  );
  const { added, removed } = diffRoles(seen, current);
  return (
    <Alert color="yellow" variant="light" title="Someone changed this key’s roles while you were editing" role="alert">
      <Stack gap="xs">
        <Text size="sm">{detail}</Text>
        <Text size="sm" data-testid="changed-by">
          {change
            ? `Changed by ${change.actor} at ${new Date(change.completedAt ?? change.createdAt).toLocaleString()}.`
            : activity.isPending
              ? 'Looking up who made the change…'
              : 'The change was not made through this console (for example in the Atlas UI or with a CLI).'}
        </Text>
        <RoleDeltaLine label="They added" roles={added} chipsLabel="Roles added meanwhile" />
        <RoleDeltaLine label="They removed" roles={removed} chipsLabel="Roles removed meanwhile" />
        <Group gap="xs">
          <Text size="sm">Roles now</Text>
          <RoleChips roles={current} label="Current roles" empty="none: the key is no longer in this project" />
        </Group>
        <Button w="fit-content" variant="default" size="xs" leftSection={<IconRefresh size={14} aria-hidden />} onClick={onReload}>
          Reload the current roles
        </Button>
      </Stack>
    </Alert>
  );
}
