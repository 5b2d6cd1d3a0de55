// "Edit roles": the key's roles in the project as the row showed them, a preview of the change, and a guarded save
// (expectedRoles) that tells who changed the roles meanwhile when it is refused.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type RefObject } from 'react';
import { RoleChips } from '@/components/roles/role-chips';
import { RoleMultiSelect } from '@/components/roles/role-multiselect';
import { ConsoleModal, DialogFooter } from '@/components/ui/console-modal';
import { activityPageQuery } from '@/lib/api/queries';
import { projectRolesOf, sameRoles } from '@/lib/api/role-assignments';
import type { ApiKey } from '@/lib/api/schemas';
import type { Flavor } from '@/lib/roles';
import { AccessGrantWarning } from './access-grant-warning';
import { isRolesChanged, useSetRoles, type ProjectRef } from './key-mutations';

interface Props {
  opened: boolean;
  apiKey: ApiKey | undefined;
  onClose: () => void;
  onUnassignInstead: (key: ApiKey) => void;
  project: ProjectRef;
  flavor: Flavor;
  fallbackFocus: RefObject<HTMLElement | null>;
}

export function EditRolesDialog({ opened, apiKey, onClose, onUnassignInstead, project, flavor, fallbackFocus }: Props) {
  const mutation = useSetRoles(project, 'edit');
  return (
    <ConsoleModal
      opened={opened && Boolean(apiKey)}
      onClose={onClose}
      busy={mutation.isPending}
      title="Edit roles"
      fallbackFocus={fallbackFocus}
      onExitTransitionEnd={mutation.reset}
    >
      {apiKey && (
        <EditRolesForm
          key={apiKey.id}
          apiKey={apiKey}
          project={project}
          flavor={flavor}
          mutation={mutation}
          onDone={onClose}
          onCancel={onClose}
          onUnassignInstead={() => onUnassignInstead(apiKey)}
        />
      )}
    </ConsoleModal>
  );
}

interface FormProps {
  apiKey: ApiKey;
  project: ProjectRef;
  flavor: Flavor;
  mutation: ReturnType<typeof useSetRoles>;
  onDone: () => void;
  onCancel: () => void;
  onUnassignInstead: () => void;
}

function EditRolesForm({ apiKey, project, flavor, mutation, onDone, onCancel, onUnassignInstead }: FormProps) {
  const [seen, setSeen] = useState(() => projectRolesOf(apiKey, project.id));
  const [roles, setRoles] = useState(seen);
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
        <DialogFooter
          submitLabel="Save"
          pending={mutation.isPending}
          onCancel={onCancel}
          failure={{ title: 'The roles were not saved', error: conflict ? null : mutation.error }}
          disabled={roles.length === 0 || unchanged || Boolean(conflict)}
        />
      </Stack>
    </form>
  );
}

/** What saving will do, before it is done: the roles that will be added and the ones that will be removed. */
export function RoleChangePreview({ before, after }: { before: readonly string[]; after: readonly string[] }) {
  const added = after.filter((r) => !before.includes(r));
  const removed = before.filter((r) => !after.includes(r));
  return (
    <Stack gap={6} aria-live="polite" data-testid="role-change-preview">
      <Text size="sm" fw={600}>
        Preview
      </Text>
      {added.length === 0 && removed.length === 0 ? (
        <Text size="sm" c="dimmed">
          No change yet: pick roles to add or remove.
        </Text>
      ) : (
        <>
          {added.length > 0 && (
            <Group gap="xs" align="center">
              <Text size="sm" w={90}>
                Will add
              </Text>
              <RoleChips roles={added} label="Roles to add" />
            </Group>
          )}
          {removed.length > 0 && (
            <Group gap="xs" align="center">
              <Text size="sm" w={90}>
                Will remove
              </Text>
              <RoleChips roles={removed} label="Roles to remove" />
            </Group>
          )}
          <AccessGrantWarning added={added} />
        </>
      )}
    </Stack>
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
  const added = current.filter((r) => !seen.includes(r));
  const removed = seen.filter((r) => !current.includes(r));
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
        {added.length > 0 && (
          <Group gap="xs">
            <Text size="sm">They added</Text>
            <RoleChips roles={added} label="Roles added meanwhile" />
          </Group>
        )}
        {removed.length > 0 && (
          <Group gap="xs">
            <Text size="sm">They removed</Text>
            <RoleChips roles={removed} label="Roles removed meanwhile" />
          </Group>
        )}
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
