// The five service account dialogs of a project page: create, invite, edit roles, remove, rotate a secret.
import { Alert, Button, Group, NumberInput, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMounted } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ComponentProps, type ReactNode } from 'react';
import { notifySuccess, type ProjectRef } from '@/components/keys/key-mutations';
import { RoleChips } from '@/components/roles/role-chips';
import { GrantRolesField, RemoveFromProjectForm, RoleEditForm, useRoleEdit } from '@/components/roles/role-edit';
import { ConsoleModal, DialogFooter, FailureAlert, type DialogProps } from '@/components/ui/console-modal';
import { OneTimeSecret, SecretField } from '@/components/ui/one-time-secret';
import type { ApiCallError } from '@/lib/api/client';
import {
  createSecret,
  createServiceAccount,
  deleteSecret,
  inviteServiceAccount,
  mutationKeys,
  orgServiceAccountsQuery,
  queryKeys,
  removeServiceAccount,
  setServiceAccountRoles,
} from '@/lib/api/queries';
import { secretLifetime, serviceAccountName, type ServiceAccount, type ServiceAccountSecret } from '@/lib/api/service-accounts';
import type { Flavor } from '@/lib/roles';

export type AccountDialog = 'create' | 'invite' | 'edit' | 'remove' | 'rotate';

/** Which dialog is open, and for which account; the page keeps it and loads this module once one opens. */
export interface AccountDialogState {
  open: AccountDialog | null;
  account?: ServiceAccount;
}

interface Props {
  state: AccountDialogState;
  onClose: () => void;
  project: ProjectRef;
  flavor: Flavor;
  /** The project's accounts: the invite dialog offers the organization's others. */
  inProject: readonly ServiceAccount[];
  fallbackFocus: DialogProps['fallbackFocus'];
}

type ProjectDialogProps = DialogProps & { project: ProjectRef };

const day = (iso: string) => iso.slice(0, 10);

/** After a change that needs nothing more from the person: say it is done, and close. */
const finished = (title: string, name: string, onClose: () => void) => () => {
  notifySuccess(title, name);
  onClose();
};

/** Every change refreshes the project's list; the answer itself (which may hold a secret) never goes into the cache. */
function useAccountChange<T, V>(project: ProjectRef, run: (variables: V) => Promise<T>, secretBearing = false) {
  const queryClient = useQueryClient();
  return useMutation<T, ApiCallError, V>({
    mutationFn: run,
    ...(secretBearing ? { mutationKey: mutationKeys.createSecret(project.id), gcTime: 0 } : {}),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.serviceAccounts(project.id) }),
  });
}

type RevealProps = Omit<ComponentProps<typeof OneTimeSecret>, 'what' | 'children'> & { clientId: string; secret: ServiceAccountSecret; children?: ReactNode };

/** The one-time reveal of a secret, with the same save acknowledgement as a new key's private key. */
function SecretReveal({ clientId, secret, children, ...acknowledgement }: RevealProps) {
  return (
    <OneTimeSecret what="secret" {...acknowledgement}>
      {children}
      <SecretField label="Client ID" value={clientId} />
      <SecretField label="Client secret" value={secret.secret ?? ''} />
      <Text size="sm">Expires {day(secret.expiresAt)}.</Text>
    </OneTimeSecret>
  );
}

function LifetimeField({ value, onChange }: { value: number | string; onChange: (value: number | string) => void }) {
  return (
    <NumberInput
      label="Secret lifetime (hours)"
      description={`Default ${secretLifetime.defaultHours} hours (30 days); at least ${secretLifetime.minHours}, at most ${secretLifetime.maxHours} (365 days), or less if the organization says so.`}
      min={secretLifetime.minHours}
      max={secretLifetime.maxHours}
      allowDecimal={false}
      value={value}
      onChange={onChange}
    />
  );
}

const validHours = (value: number | string) => typeof value === 'number' && Number.isInteger(value) && value >= secretLifetime.minHours && value <= secretLifetime.maxHours;

function CreateDialog({ opened, onClose, project, flavor, fallbackFocus }: ProjectDialogProps & { flavor: Flavor }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [hours, setHours] = useState<number | string>(secretLifetime.defaultHours);
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState(false);
  const mutation = useAccountChange(project, (body: Parameters<typeof createServiceAccount>[1]) => createServiceAccount(project.id, body), true);
  const created = mutation.data;
  const nameProblem = serviceAccountName.safeParse(name).error?.issues[0]?.message;
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (nameProblem || roles.length === 0 || !validHours(hours)) return;
    mutation.mutate({ name: name.trim(), description: description.trim(), roles, secretExpiresAfterHours: Number(hours) });
  };
  const secret = created?.secrets.find((s) => s.secret);
  return (
    <ConsoleModal opened={opened} onClose={onClose} request={mutation} busy={Boolean(created) && !saved} title="Create service account" fallbackFocus={fallbackFocus}>
      {created && secret ? (
        <SecretReveal clientId={created.clientId} secret={secret} saved={saved} onSavedChange={setSaved} onDone={onClose}>
          <Text size="sm">
            The service account <b>{created.name}</b> was created in this project.
          </Text>
        </SecretReveal>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={tried ? nameProblem : undefined} data-autofocus maxLength={64} />
            <Textarea label="Description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} maxLength={250} autosize minRows={2} />
            <GrantRolesField flavor={flavor} value={roles} onChange={setRoles} showEmptyError={tried} description="What the account may do in this project. Pick the least that works." />
            <LifetimeField value={hours} onChange={setHours} />
            {tried && !validHours(hours) && (
              <Text size="sm" c="red">
                The lifetime must be a whole number of hours from {secretLifetime.minHours} to {secretLifetime.maxHours}.
              </Text>
            )}
            <DialogFooter
              submitLabel="Create service account"
              pending={mutation.isPending}
              onCancel={onClose}
              failure={{ title: 'The service account was not created', error: mutation.error }}
            />
          </Stack>
        </form>
      )}
    </ConsoleModal>
  );
}

function InviteDialog({ opened, onClose, project, flavor, inProject, fallbackFocus }: ProjectDialogProps & { flavor: Flavor; inProject: readonly ServiceAccount[] }) {
  const org = useQuery({ ...orgServiceAccountsQuery(project.orgId), enabled: opened });
  const [clientId, setClientId] = useState<string | null>(null);
  const [roles, setRoles] = useState<string[]>([]);
  const mutation = useAccountChange(project, (v: { clientId: string; roles: string[] }) => inviteServiceAccount(project.id, v.clientId, { roles: v.roles }));
  const here = new Set(inProject.map((a) => a.clientId));
  const offered = (org.data?.results ?? []).filter((a) => !here.has(a.clientId));
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!clientId || roles.length === 0) return;
    const name = offered.find((a) => a.clientId === clientId)?.name ?? clientId;
    mutation.mutate({ clientId, roles }, { onSuccess: finished('Service account invited', name, onClose) });
  };
  return (
    <ConsoleModal opened={opened} onClose={onClose} request={mutation} title="Invite existing service account" fallbackFocus={fallbackFocus}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {org.isError && <FailureAlert title="The organization’s service accounts could not be read" error={org.error} />}
          <Select
            label="Service account"
            description="The organization’s service accounts that are not in this project yet."
            placeholder={org.isPending ? 'Loading…' : offered.length === 0 ? 'Every service account is in this project already' : 'Pick one'}
            data={offered.map((a) => ({ value: a.clientId, label: `${a.name} (${a.clientId})` }))}
            value={clientId}
            onChange={setClientId}
            searchable
            data-autofocus
          />
          <GrantRolesField flavor={flavor} value={roles} onChange={setRoles} description={`The account’s roles in ${project.name}.`} />
          <DialogFooter
            submitLabel="Invite"
            pending={mutation.isPending}
            onCancel={onClose}
            failure={{ title: 'The service account was not invited', error: mutation.error }}
            disabled={!clientId || roles.length === 0}
          />
        </Stack>
      </form>
    </ConsoleModal>
  );
}

function EditRolesDialog({ opened, onClose, project, flavor, account, fallbackFocus }: ProjectDialogProps & { flavor: Flavor; account: ServiceAccount }) {
  const mutation = useAccountChange(project, (v: { roles: string[]; expectedRoles: string[] }) => setServiceAccountRoles(project.id, account.clientId, v));
  const edit = useRoleEdit(account.roles, mutation);
  const save = () => mutation.mutate({ roles: edit.roles, expectedRoles: edit.seen }, { onSuccess: finished('Roles saved', account.name, onClose) });
  return (
    <ConsoleModal opened={opened} onClose={onClose} request={mutation} title="Edit roles" fallbackFocus={fallbackFocus}>
      <RoleEditForm
        edit={edit}
        flavor={flavor}
        heading={
          <>
            Service account <b>{account.name}</b> · <code>{account.clientId}</code>
          </>
        }
        description={`The account’s roles in ${project.name}; its roles elsewhere do not change.`}
        whenEmpty={
          <Alert color="yellow" variant="light" title="A service account needs at least one role here">
            To take it out of this project, remove it from the project instead.
          </Alert>
        }
        whenChanged={(conflict) => (
          <Alert color="orange" variant="light" title="Someone changed these roles meanwhile" role="alert">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{conflict.detail}</Text>
              <RoleChips roles={conflict.currentRoles ?? []} label="Its roles now" />
              <Button size="xs" variant="default" onClick={edit.reload}>
                Start again from the current roles
              </Button>
            </Stack>
          </Alert>
        )}
        request={mutation}
        onSave={save}
        onCancel={onClose}
      />
    </ConsoleModal>
  );
}

function RemoveDialog({ opened, onClose, project, account, fallbackFocus }: ProjectDialogProps & { account: ServiceAccount }) {
  const mutation = useAccountChange(project, () => removeServiceAccount(project.id, account.clientId));
  const lastExpiry = account.secrets.map((s) => s.expiresAt).sort().at(-1);
  const remove = () => mutation.mutate(undefined, { onSuccess: finished('Removed from the project', account.name, onClose) });
  return (
    <ConsoleModal opened={opened} onClose={onClose} request={mutation} title="Remove from project" fallbackFocus={fallbackFocus}>
      <RemoveFromProjectForm
        question={
          <>
            Remove <b>{account.name}</b> from <b>{project.name}</b>?
          </>
        }
        roles={account.roles}
        consequences={
          <>
            The service account stays in the organization and keeps its roles elsewhere. Its secrets stay valid until they expire
            {lastExpiry ? ` (the last on ${day(lastExpiry)})` : ''} or are deleted: removing it from the project does not revoke them.
          </>
        }
        submitLabel="Remove from project"
        failureTitle="The service account was not removed"
        request={mutation}
        onConfirm={remove}
        onCancel={onClose}
      />
    </ConsoleModal>
  );
}

/** Rotation in two steps a person can see: a new secret (shown once), then the old one deleted. */
function RotateDialog({ opened, onClose, project, account, fallbackFocus }: ProjectDialogProps & { account: ServiceAccount }) {
  const [hours, setHours] = useState<number | string>(secretLifetime.defaultHours);
  const [saved, setSaved] = useState(false);
  const [deleted, setDeleted] = useState<string[]>([]);
  const create = useAccountChange(project, (h: number) => createSecret(project.id, account.clientId, { secretExpiresAfterHours: h }), true);
  const remove = useAccountChange(project, (secretId: string) => deleteSecret(project.id, account.clientId, secretId));
  const fresh = create.data;
  const old = account.secrets.filter((s) => s.id !== fresh?.id && !deleted.includes(s.id));
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (validHours(hours)) create.mutate(Number(hours));
  };
  return (
    <ConsoleModal
      opened={opened}
      onClose={onClose}
      request={create}
      busy={remove.isPending || (Boolean(fresh) && !saved)}
      title="Rotate secret"
      fallbackFocus={fallbackFocus}
    >
      <Stack>
        <Text size="sm">
          Service account <b>{account.name}</b>. First create a new secret and put it where the old one is used; then delete the old one.
        </Text>
        <Stack gap={4} aria-label="Current secrets">
          {old.map((secret) => (
            <Group key={secret.id} justify="space-between" data-testid="rotate-old-secret">
              <Text size="sm">
                {secret.maskedSecretValue ?? secret.id} · expires {day(secret.expiresAt)} · {secret.lastUsedAt ? `last used ${day(secret.lastUsedAt)}` : 'never used'}
              </Text>
              <Button
                size="xs"
                color="red"
                variant="light"
                disabled={!fresh || !saved || remove.isPending}
                onClick={() => remove.mutate(secret.id, { onSuccess: () => setDeleted((d) => [...d, secret.id]) })}
              >
                Delete this secret
              </Button>
            </Group>
          ))}
          {old.length === 0 && (
            <Text size="sm" c="dimmed">
              No other secret remains.
            </Text>
          )}
        </Stack>
        {fresh ? (
          <SecretReveal clientId={account.clientId} secret={fresh} saved={saved} onSavedChange={setSaved} onDone={onClose} />
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack>
              <LifetimeField value={hours} onChange={setHours} />
              <DialogFooter
                submitLabel="Create new secret"
                pending={create.isPending}
                onCancel={onClose}
                failure={{ title: 'No new secret was created', error: create.error }}
                disabled={!validHours(hours)}
              />
            </Stack>
          </form>
        )}
        <FailureAlert title="The old secret was not deleted" error={remove.error} />
      </Stack>
    </ConsoleModal>
  );
}

export function ServiceAccountDialogs({ state, onClose, project, flavor, inProject, fallbackFocus }: Props) {
  // Loaded on demand: a modal mounted already open would not know where to return focus, so it opens one render later.
  const mounted = useMounted();
  const open = mounted ? state.open : null;
  const common = { onClose, project, fallbackFocus };
  const { account } = state;
  return (
    <>
      {state.open === 'create' && <CreateDialog opened={open === 'create'} flavor={flavor} {...common} />}
      {state.open === 'invite' && <InviteDialog opened={open === 'invite'} flavor={flavor} inProject={inProject} {...common} />}
      {state.open === 'edit' && account && <EditRolesDialog opened={open === 'edit'} flavor={flavor} account={account} {...common} />}
      {state.open === 'remove' && account && <RemoveDialog opened={open === 'remove'} account={account} {...common} />}
      {state.open === 'rotate' && account && <RotateDialog opened={open === 'rotate'} account={account} {...common} />}
    </>
  );
}
