// "Unassign key": names the key and says what stays (the organization, its other projects) before it goes from this one.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { RefObject } from 'react';
import { RoleChips } from '@/components/roles/role-chips';
import { ConsoleModal } from '@/components/ui/console-modal';
import { FailureText } from '@/components/ui/failure-text';
import { projectRolesOf } from '@/lib/api/role-assignments';
import type { ApiKey } from '@/lib/api/schemas';
import type { ProjectRef } from './use-key-list-cache';
import { useUnassignKey } from './use-unassign-key';

interface Props {
  opened: boolean;
  apiKey: ApiKey | undefined;
  onClose: () => void;
  project: ProjectRef;
  fallbackFocus: RefObject<HTMLElement | null>;
}

export function UnassignKeyDialog({ opened, apiKey, onClose, project, fallbackFocus }: Props) {
  const mutation = useUnassignKey(project);
  const close = () => {
    if (mutation.isPending) return;
    mutation.reset();
    onClose();
  };
  const otherProjects = apiKey ? new Set(apiKey.roles.flatMap((r) => (r.groupId && r.groupId !== project.id ? [r.groupId] : []))).size : 0;
  return (
    <ConsoleModal
      opened={opened && Boolean(apiKey)}
      onClose={close}
      title="Unassign key"
      closeOnEscape={!mutation.isPending}
      closeOnClickOutside={!mutation.isPending}
      withCloseButton={!mutation.isPending}
      fallbackFocus={fallbackFocus}
    >
      {apiKey && (
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
          {mutation.error && (
            <Alert color="red" variant="light" title="The key was not unassigned" role="alert">
              <FailureText error={mutation.error} />
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={mutation.isPending} data-autofocus>
              Cancel
            </Button>
            <Button color="red" loading={mutation.isPending} onClick={() => mutation.mutate(apiKey, { onSuccess: close })}>
              Unassign
            </Button>
          </Group>
        </Stack>
      )}
    </ConsoleModal>
  );
}
