// The five service account dialogs of a project page: create, invite, edit roles, remove, rotate a secret.
import { Alert, Button, Checkbox, Group, NumberInput, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMounted } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type RefObject } from 'react';
import { AccessGrantWarning } from '@/components/keys/access-grant-warning';
import { SecretField } from '@/components/keys/create-key-dialog';
import { RoleChangePreview } from '@/components/keys/edit-roles-dialog';
import { notifySuccess } from '@/components/keys/key-mutations';
import { RoleChips } from '@/components/roles/role-chips';
import { RoleMultiSelect } from '@/components/roles/role-multiselect';
import { ConsoleModal } from '@/components/ui/console-modal';
import { FailureText } from '@/components/ui/error-state';
import { ApiCallError } from '@/lib/api/client';
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
import { sameRoles } from '@/lib/api/role-assignments';
import { secretLifetime, serviceAccountName, type ServiceAccount, type ServiceAccountSecret } from '@/lib/api/service-accounts';
import type { Flavor } from '@/lib/roles';
import type { AccountDialogState } from './account-dialog-state';

interface Project {
  id: string;
  name: string;
  orgId: string;
}

interface Props {
  state: AccountDialogState;
  onClose: () => void;
  project: Project;
  flavor: Flavor;
  /** The project's accounts: the invite dialog offers the organization's others. */
  inProject: readonly ServiceAccount[];
  fallbackFocus: RefObject<HTMLElement | null>;
}

const day = (iso: string) => iso.slice(0, 10);

/** Every change refreshes the project's list; the answer itself (which may hold a secret) never goes into the cache. */
function useAccountChange<T, V>(project: Project, run: (variables: V) => Promise<T>, secretBearing = false) {
  const queryClient = useQueryClient();
  return useMutation<T, ApiCallError, V>({
    mutationFn: run,
    ...(secretBearing ? { mutationKey: mutationKeys.createSecret(project.id), gcTime: 0 } : {}),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.serviceAccounts(project.id) }),
  });
}

function Failure({ title, error }: { title: string; error: Error | null }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      <FailureText error={error} />
    </Alert>
  );
}

/** The one-time reveal of a secret, with the same save acknowledgement as a new key's private key. */
function SecretReveal({ clientId, secret, saved, onSavedChange, onDone }: { clientId: string; secret: ServiceAccountSecret; saved: boolean; onSavedChange: (saved: boolean) => void; onDone: () => void }) {
  return (
    <Stack>
      <SecretField label="Client ID" value={clientId} />
      <SecretField label="Client secret" value={secret.secret ?? ''} />
      <Text size="sm">Expires {day(secret.expiresAt)}.</Text>
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title="This is the only time the secret is shown">
        Copy it into your secret store now. The console does not keep it, and neither the console nor the Admin API can show it again.
      </Alert>
      <Checkbox label="I have saved the secret" checked={saved} onChange={(event) => onSavedChange(event.currentTarget.checked)} />
      <Group justify="flex-end">
        <Button onClick={onDone} disabled={!saved}>
          Done
        </Button>
      </Group>
    </Stack>
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

function CreateDialog({ opened, onClose, project, flavor, fallbackFocus }: { opened: boolean; onClose: () => void; project: Project; flavor: Flavor; fallbackFocus: Props['fallbackFocus'] }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [hours, setHours] = useState<number | string>(secretLifetime.defaultHours);
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState(false);
  const mutation = useAccountChange(project, (body: Parameters<typeof createServiceAccount>[1]) => createServiceAccount(project.id, body), true);
  const created = mutation.data;
  const dismissable = !mutation.isPending && (!created || saved);
  const close = () => {
    if (!dismissable) return;
    mutation.reset();
    onClose();
  };
  const nameProblem = serviceAccountName.safeParse(name).error?.issues[0]?.message;
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (nameProblem || roles.length === 0 || !validHours(hours)) return;
    mutation.mutate({ name: name.trim(), description: description.trim(), roles, secretExpiresAfterHours: Number(hours) });
  };
  const secret = created?.secrets.find((s) => s.secret);
  return (
    <ConsoleModal
      opened={opened}
      onClose={close}
      title="Create service account"
      closeOnEscape={dismissable}
      closeOnClickOutside={dismissable}
      withCloseButton={dismissable}
      fallbackFocus={fallbackFocus}
    >
      {created && secret ? (
        <Stack>
          <Text size="sm">
            The service account <b>{created.name}</b> was created in this project.
          </Text>
          <SecretReveal clientId={created.clientId} secret={secret} saved={saved} onSavedChange={setSaved} onDone={close} />
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={tried ? nameProblem : undefined} data-autofocus maxLength={64} />
            <Textarea label="Description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} maxLength={250} autosize minRows={2} />
            <RoleMultiSelect
              flavor={flavor}
              value={roles}
              onChange={setRoles}
              error={tried && roles.length === 0 ? 'Pick at least one role' : undefined}
              description="What the account may do in this project. Pick the least that works."
            />
            <AccessGrantWarning added={roles} />
            <LifetimeField value={hours} onChange={setHours} />
            {tried && !validHours(hours) && (
              <Text size="sm" c="red">
                The lifetime must be a whole number of hours from {secretLifetime.minHours} to {secretLifetime.maxHours}.
              </Text>
            )}
            <Failure title="The service account was not created" error={mutation.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={mutation.isPending}>
                Cancel
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                Create service account
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </ConsoleModal>
  );
}

function InviteDialog({ opened, onClose, project, flavor, inProject, fallbackFocus }: { opened: boolean; onClose: () => void; project: Project; flavor: Flavor; inProject: readonly ServiceAccount[]; fallbackFocus: Props['fallbackFocus'] }) {
  const org = useQuery({ ...orgServiceAccountsQuery(project.orgId), enabled: opened });
  const [clientId, setClientId] = useState<string | null>(null);
  const [roles, setRoles] = useState<string[]>([]);
  const mutation = useAccountChange(project, (v: { clientId: string; roles: string[] }) => inviteServiceAccount(project.id, v.clientId, { roles: v.roles }));
  const here = new Set(inProject.map((a) => a.clientId));
  const offered = (org.data?.results ?? []).filter((a) => !here.has(a.clientId));
  const close = () => {
    if (mutation.isPending) return;
    mutation.reset();
    onClose();
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!clientId || roles.length === 0) return;
    mutation.mutate(
      { clientId, roles },
      {
        onSuccess: (account) => {
          notifySuccess('Service account invited', account.name);
          close();
        },
      },
    );
  };
  return (
    <ConsoleModal opened={opened} onClose={close} title="Invite existing service account" fallbackFocus={fallbackFocus}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {org.isError && <Failure title="The organization’s service accounts could not be read" error={org.error} />}
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
          <RoleMultiSelect flavor={flavor} value={roles} onChange={setRoles} description={`The account’s roles in ${project.name}.`} />
          <AccessGrantWarning added={roles} />
          <Failure title="The service account was not invited" error={mutation.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={mutation.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={!clientId || roles.length === 0}>
              Invite
            </Button>
          </Group>
        </Stack>
      </form>
    </ConsoleModal>
  );
}

function EditRolesDialog({ opened, onClose, project, flavor, account, fallbackFocus }: { opened: boolean; onClose: () => void; project: Project; flavor: Flavor; account: ServiceAccount; fallbackFocus: Props['fallbackFocus'] }) {
  const [seen, setSeen] = useState(account.roles);
  const [roles, setRoles] = useState(account.roles);
  const mutation = useAccountChange(project, (v: { roles: string[]; expectedRoles: string[] }) => setServiceAccountRoles(project.id, account.clientId, v));
  const conflict = mutation.error instanceof ApiCallError && mutation.error.body.errorCode === 'ROLES_CHANGED' ? mutation.error.body : undefined;
  const unchanged = sameRoles(roles, seen);
  const close = () => {
    if (mutation.isPending) return;
    onClose();
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (roles.length === 0 || unchanged || conflict) return;
    mutation.mutate(
      { roles, expectedRoles: seen },
      {
        onSuccess: () => {
          notifySuccess('Roles saved', account.name);
          onClose();
        },
      },
    );
  };
  const reload = () => {
    const current = conflict?.currentRoles ?? [];
    setSeen(current);
    setRoles(current);
    mutation.reset();
  };
  return (
    <ConsoleModal opened={opened} onClose={close} title="Edit roles" fallbackFocus={fallbackFocus}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            Service account <b>{account.name}</b> · <code>{account.clientId}</code>
          </Text>
          <RoleMultiSelect flavor={flavor} value={roles} onChange={setRoles} autoFocus description={`The account’s roles in ${project.name}; its roles elsewhere do not change.`} />
          {roles.length === 0 ? (
            <Alert color="yellow" variant="light" title="A service account needs at least one role here">
              To take it out of this project, remove it from the project instead.
            </Alert>
          ) : (
            <RoleChangePreview before={seen} after={roles} />
          )}
          {conflict && (
            <Alert color="orange" variant="light" title="Someone changed these roles meanwhile" role="alert">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{conflict.detail}</Text>
                <RoleChips roles={conflict.currentRoles ?? []} label="Its roles now" />
                <Button size="xs" variant="default" onClick={reload}>
                  Start again from the current roles
                </Button>
              </Stack>
            </Alert>
          )}
          {!conflict && <Failure title="The roles were not saved" error={mutation.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={mutation.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={roles.length === 0 || unchanged || Boolean(conflict)}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </ConsoleModal>
  );
}

function RemoveDialog({ opened, onClose, project, account, fallbackFocus }: { opened: boolean; onClose: () => void; project: Project; account: ServiceAccount; fallbackFocus: Props['fallbackFocus'] }) {
  const mutation = useAccountChange(project, () => removeServiceAccount(project.id, account.clientId));
  const close = () => {
    if (!mutation.isPending) onClose();
  };
  const lastExpiry = account.secrets.map((s) => s.expiresAt).sort().at(-1);
  return (
    <ConsoleModal opened={opened} onClose={close} title="Remove from project" fallbackFocus={fallbackFocus}>
      <Stack>
        <Text>
          Remove <b>{account.name}</b> from <b>{project.name}</b>?
        </Text>
        <RoleChips roles={account.roles} label="Roles it loses in this project" />
        <Text size="sm">
          The service account stays in the organization and keeps its roles elsewhere. Its secrets stay valid until they expire
          {lastExpiry ? ` (the last on ${day(lastExpiry)})` : ''} or are deleted: removing it from the project does not revoke them.
        </Text>
        <Failure title="The service account was not removed" error={mutation.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={mutation.isPending} data-autofocus>
            Cancel
          </Button>
          <Button
            color="red"
            loading={mutation.isPending}
            onClick={() =>
              mutation.mutate(undefined, {
                onSuccess: () => {
                  notifySuccess('Removed from the project', account.name);
                  onClose();
                },
              })
            }
          >
            Remove from project
          </Button>
        </Group>
      </Stack>
    </ConsoleModal>
  );
}

/** Rotation in two steps a person can see: a new secret (shown once), then the old one deleted. */
function RotateDialog({ opened, onClose, project, account, fallbackFocus }: { opened: boolean; onClose: () => void; project: Project; account: ServiceAccount; fallbackFocus: Props['fallbackFocus'] }) {
  const [hours, setHours] = useState<number | string>(secretLifetime.defaultHours);
  const [saved, setSaved] = useState(false);
  const [deleted, setDeleted] = useState<string[]>([]);
  const create = useAccountChange(project, (h: number) => createSecret(project.id, account.clientId, { secretExpiresAfterHours: h }), true);
  const remove = useAccountChange(project, (secretId: string) => deleteSecret(project.id, account.clientId, secretId));
  const fresh = create.data;
  const busy = create.isPending || remove.isPending;
  const dismissable = !busy && (!fresh || saved);
  const close = () => {
    if (!dismissable) return;
    create.reset();
    onClose();
  };
  const old = account.secrets.filter((s) => s.id !== fresh?.id && !deleted.includes(s.id));
  return (
    <ConsoleModal
      opened={opened}
      onClose={close}
      title="Rotate secret"
      closeOnEscape={dismissable}
      closeOnClickOutside={dismissable}
      withCloseButton={dismissable}
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
                disabled={!fresh || !saved || busy}
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
          <SecretReveal clientId={account.clientId} secret={fresh} saved={saved} onSavedChange={setSaved} onDone={close} />
        ) : (
          <>
            <LifetimeField value={hours} onChange={setHours} />
            <Failure title="No new secret was created" error={create.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={busy}>
                Cancel
              </Button>
              <Button loading={create.isPending} disabled={!validHours(hours)} onClick={() => create.mutate(Number(hours))}>
                Create new secret
              </Button>
            </Group>
          </>
        )}
        <Failure title="The old secret was not deleted" error={remove.error} />
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
