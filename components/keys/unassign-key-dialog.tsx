// "Unassign key": names the key and says what stays (the organization, its other projects) before it goes from this one.
import { Stack, Text } from '@mantine/core';
import type { RefObject } from 'react';
import { RoleChips } from '@/components/roles/role-chips';
import { ConsoleModal, DialogFooter } from '@/components/ui/console-modal';
import { projectRolesOf } from '@/lib/api/role-assignments';
import type { ApiKey } from '@/lib/api/schemas';
import { useUnassignKey, type ProjectRef } from './key-mutations';

interface Props {
  opened: boolean;
  apiKey: ApiKey | undefined;
  onClose: () => void;
  project: ProjectRef;
  fallbackFocus: RefObject<HTMLElement | null>;
}

export function UnassignKeyDialog({ opened, apiKey, onClose, project, fallbackFocus }: Props) {
  const mutation = useUnassignKey(project);
  const otherProjects = apiKey ? new Set(apiKey.roles.flatMap((r) => (r.groupId && r.groupId !== project.id ? [r.groupId] : []))).size : 0;
  return (
    <ConsoleModal
      opened={opened && Boolean(apiKey)}
      onClose={onClose}
      busy={mutation.isPending}
      title="Unassign key"
      fallbackFocus={fallbackFocus}
      onExitTransitionEnd={mutation.reset}
    >
      {apiKey && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            mutation.mutate(apiKey, { onSuccess: onClose });
          }}
        >
          <Stack>
            <Text>
              Unassign <b>{apiKey.desc}</b> (public key <b>{apiKey.publicKey}</b>) from <b>{project.name}</b>?
            </Text>
            <RoleChips roles={projectRolesOf(apiKey, project.id)} label="Roles it loses in this project" />
            <Text size="sm">
              The key stays in the organization
              {otherProjects > 0 ? ` and keeps its roles in its ${otherProjects} other project${otherProjects === 1 ? '' : 's'}` : ''}. Anything using it
              loses access to this project at once. You can assign it again later.
            </Text>
            <DialogFooter
              submitLabel="Unassign"
              color="red"
              pending={mutation.isPending}
              onCancel={onClose}
              failure={{ title: 'The key was not unassigned', error: mutation.error }}
              focusCancel
            />
          </Stack>
        </form>
      )}
    </ConsoleModal>
  );
}
