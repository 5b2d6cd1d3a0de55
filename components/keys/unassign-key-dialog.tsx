// "Unassign key": names the key and says what stays (the organization, its other projects) before it goes from this one.
import { RemoveFromProjectForm } from '@/components/roles/role-edit';
import { ConsoleModal, type DialogProps } from '@/components/ui/console-modal';
import { projectRolesOf } from '@/lib/api/role-assignments';
import type { ApiKey } from '@/lib/api/schemas';
import { useUnassignKey, type ProjectRef } from './key-mutations';

interface Props extends DialogProps {
  apiKey: ApiKey | undefined;
  project: ProjectRef;
}

export function UnassignKeyDialog({ opened, apiKey, onClose, project, fallbackFocus }: Props) {
  const mutation = useUnassignKey(project);
  const otherProjects = apiKey ? new Set(apiKey.roles.flatMap((r) => (r.groupId && r.groupId !== project.id ? [r.groupId] : []))).size : 0;
  return (
    <ConsoleModal opened={opened && Boolean(apiKey)} onClose={onClose} request={mutation} title="Unassign key" fallbackFocus={fallbackFocus}>
      {apiKey && (
        <RemoveFromProjectForm
          question={
            <>
              Unassign <b>{apiKey.desc}</b> (public key <b>{apiKey.publicKey}</b>) from <b>{project.name}</b>?
            </>
          }
          roles={projectRolesOf(apiKey, project.id)}
          consequences={
            <>
              The key stays in the organization
              {otherProjects > 0 ? ` and keeps its roles in its ${otherProjects} other project${otherProjects === 1 ? '' : 's'}` : ''}. Anything using it
              loses access to this project at once. You can assign it again later.
            </>
          }
          submitLabel="Unassign"
          failureTitle="The key was not unassigned"
          request={mutation}
          onConfirm={() => mutation.mutate(apiKey, { onSuccess: onClose })}
          onCancel={onClose}
        />
      )}
    </ConsoleModal>
  );
}
