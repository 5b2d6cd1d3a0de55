// Giving, changing and taking roles in a project, the same for keys and service accounts: the roles field of a grant,
// the edit form with its lost-update guard and its preview of what saving adds and removes, the removal's
// confirmation, and the caution when an added role grants access.
import { Alert, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { DialogFooter } from '@/components/ui/console-modal';
import { ApiCallError } from '@/lib/api/client';
import { diffRoles, sameRoles } from '@/lib/api/role-assignments';
import type { ApiErrorBody } from '@/lib/api/schemas';
import { accessGrantingRoles, describeRole, type Flavor } from '@/lib/roles';
import { RoleChips } from './role-chips';
import { RoleMultiSelect } from './role-multiselect';

/** What a dialog's request tells its form. */
interface RequestState {
  isPending: boolean;
  error: Error | null;
}

export function isRolesChanged(error: unknown): error is ApiCallError {
  return error instanceof ApiCallError && error.body.errorCode === 'ROLES_CHANGED';
}

/**
 * The roles being edited and the ones the person started from (`seen`, sent as expectedRoles). A save refused with 409
 * ROLES_CHANGED is the `conflict`; `reload` starts again from the roles the refusal reported.
 */
export function useRoleEdit(initial: readonly string[], mutation: { error: unknown; reset: () => void }) {
  const [seen, setSeen] = useState<string[]>(() => [...initial]);
  const [roles, setRoles] = useState(seen);
  const conflict = isRolesChanged(mutation.error) ? mutation.error.body : undefined;
  const reload = () => {
    const current = conflict?.currentRoles ?? [];
    setSeen(current);
    setRoles(current);
    mutation.reset();
  };
  /** At least one role, a change, and no refusal pending. */
  const savable = roles.length > 0 && !sameRoles(roles, seen) && !conflict;
  return { seen, roles, setRoles, conflict, reload, savable };
}

interface GrantProps {
  flavor: Flavor;
  value: string[];
  onChange: (roles: string[]) => void;
  /** Say that a role is needed only once the person tried to submit without one. */
  showEmptyError?: boolean;
  description: string;
}

/** The roles given to a new key or account, or to one joining the project, with the caution when one grants access. */
export function GrantRolesField({ flavor, value, onChange, showEmptyError = false, description }: GrantProps) {
  return (
    <>
      <RoleMultiSelect flavor={flavor} value={value} onChange={onChange} error={showEmptyError && value.length === 0 ? 'Pick at least one role' : undefined} description={description} />
      <AccessGrantWarning added={value} />
    </>
  );
}

interface EditFormProps {
  edit: ReturnType<typeof useRoleEdit>;
  flavor: Flavor;
  /** Whose roles are edited. */
  heading: ReactNode;
  description: string;
  /** Shown instead of the preview when no role is left. */
  whenEmpty: ReactNode;
  /** Shown when the save was refused because the roles changed meanwhile. */
  whenChanged: (conflict: ApiErrorBody) => ReactNode;
  request: RequestState;
  onSave: () => void;
  onCancel: () => void;
}

/** The edit of one holder's roles in a project: the roles, what saving does (or why it cannot), and Save. */
export function RoleEditForm({ edit, flavor, heading, description, whenEmpty, whenChanged, request, onSave, onCancel }: EditFormProps) {
  const { seen, roles, setRoles, conflict, savable } = edit;
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (savable) onSave();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{heading}</Text>
        <RoleMultiSelect flavor={flavor} value={roles} onChange={setRoles} autoFocus description={description} />
        {roles.length === 0 ? whenEmpty : <RoleChangePreview before={seen} after={roles} />}
        {conflict && whenChanged(conflict)}
        <DialogFooter
          submitLabel="Save"
          pending={request.isPending}
          onCancel={onCancel}
          failure={{ title: 'The roles were not saved', error: conflict ? null : request.error }}
          disabled={!savable}
        />
      </Stack>
    </form>
  );
}

interface RemoveFormProps {
  /** Who leaves which project, as a question. */
  question: ReactNode;
  /** Its roles in this project, which it loses. */
  roles: readonly string[];
  /** What stays: the organization, other projects, secrets. */
  consequences: ReactNode;
  submitLabel: string;
  failureTitle: string;
  request: RequestState;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Taking a key or account out of a project: who, the roles it loses here, what stays; Cancel has the focus. */
export function RemoveFromProjectForm({ question, roles, consequences, submitLabel, failureTitle, request, onConfirm, onCancel }: RemoveFormProps) {
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    onConfirm();
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <Text>{question}</Text>
        <RoleChips roles={roles} label="Roles it loses in this project" />
        <Text size="sm">{consequences}</Text>
        <DialogFooter submitLabel={submitLabel} color="red" pending={request.isPending} onCancel={onCancel} failure={{ title: failureTitle, error: request.error }} focusCancel />
      </Stack>
    </form>
  );
}

/** One side of a change, labelled; nothing when it is empty. */
export function RoleDeltaLine({ label, roles, chipsLabel, labelWidth }: { label: string; roles: readonly string[]; chipsLabel: string; labelWidth?: number }) {
  if (roles.length === 0) return null;
  return (
    <Group gap="xs">
      <Text size="sm" w={labelWidth}>
        {label}
      </Text>
      <RoleChips roles={roles} label={chipsLabel} />
    </Group>
  );
}

/** What saving will do, before it is done: the roles that will be added and the ones that will be removed. */
export function RoleChangePreview({ before, after }: { before: readonly string[]; after: readonly string[] }) {
  const { added, removed } = diffRoles(before, after);
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
          <RoleDeltaLine label="Will add" roles={added} chipsLabel="Roles to add" labelWidth={90} />
          <RoleDeltaLine label="Will remove" roles={removed} chipsLabel="Roles to remove" labelWidth={90} />
          <AccessGrantWarning added={added} />
        </>
      )}
    </Stack>
  );
}

/** The caution shown when a change would give a role that grants access: its holder could then hand out access itself. */
function AccessGrantWarning({ added }: { added: readonly string[] }) {
  const granting = added.filter((r) => accessGrantingRoles.includes(r)).map((r) => describeRole(r).label);
  if (granting.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title={`${granting.join(' and ')} grants access`} data-testid="access-grant-warning">
      Anything that uses this key could then add keys and people to the project and change their roles, its own included. Give
      such a role only to a key whose job is to manage access here.
    </Alert>
  );
}
