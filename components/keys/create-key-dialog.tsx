// "Create API key": a description and roles, then the one-time reveal of the private key; closing drops the private key
// from memory and the mutation cache.
import { Alert, Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type RefObject } from 'react';
import { RoleMultiSelect } from '@/components/roles/role-multiselect';
import { ConsoleModal, DialogFooter } from '@/components/ui/console-modal';
import { CopyValueButton } from '@/components/ui/copy-value-button';
import { keyDescription, type ApiKey, type CreateKeyBody } from '@/lib/api/schemas';
import type { Flavor } from '@/lib/roles';
import { AccessGrantWarning } from './access-grant-warning';
import { useCreateKey, type ProjectRef } from './key-mutations';

interface Props {
  opened: boolean;
  onClose: () => void;
  project: ProjectRef;
  flavor: Flavor;
  fallbackFocus: RefObject<HTMLElement | null>;
}

export function CreateKeyDialog({ opened, onClose, project, flavor, fallbackFocus }: Props) {
  const { mutation, forget } = useCreateKey(project);
  const [saved, setSaved] = useState(false);
  const created = mutation.data;
  // While the request runs, closing would lose the answer and with it the only copy of the private key;
  // once it is shown, the reveal cannot be dismissed by accident until the person confirms it is saved.
  const busy = mutation.isPending || (Boolean(created) && !saved);
  // Forgetting swaps the reveal back to the form, so it waits until the dialog has faded out (the form would
  // otherwise take focus while closing); unmounting before then drops the mutation anyway (gcTime 0).
  const forgetAfterClose = () => {
    forget();
    setSaved(false);
  };
  return (
    <ConsoleModal opened={opened} onClose={onClose} busy={busy} title="Create API key" fallbackFocus={fallbackFocus} onExitTransitionEnd={forgetAfterClose}>
      {created ? (
        <PrivateKeyReveal apiKey={created} saved={saved} onSavedChange={setSaved} onDone={onClose} />
      ) : (
        <CreateKeyForm flavor={flavor} pending={mutation.isPending} error={mutation.error} onSubmit={(body) => mutation.mutate(body)} onCancel={onClose} />
      )}
    </ConsoleModal>
  );
}

interface FormProps {
  flavor: Flavor;
  pending: boolean;
  error: Error | null;
  onSubmit: (body: CreateKeyBody) => void;
  onCancel: () => void;
}

function CreateKeyForm({ flavor, pending, error, onSubmit, onCancel }: FormProps) {
  const [desc, setDesc] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [tried, setTried] = useState(false);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (descriptionError(desc) || roles.length === 0) return;
    onSubmit({ desc: desc.trim(), roles });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <DescriptionField value={desc} onChange={setDesc} showEmptyError={tried} />
        <RoleMultiSelect
          flavor={flavor}
          value={roles}
          onChange={setRoles}
          error={tried && roles.length === 0 ? 'Pick at least one role' : undefined}
          description="What the key may do in this project. Pick the least that works."
        />
        <AccessGrantWarning added={roles} />
        <DialogFooter submitLabel="Create key" pending={pending} onCancel={onCancel} failure={{ title: 'The key was not created', error }} />
      </Stack>
    </form>
  );
}

const maxDescriptionLength = 250;

/** Checked by the same schema the server uses. */
function descriptionError(value: string): string | undefined {
  const result = keyDescription.safeParse(value);
  const message = result.success ? undefined : result.error.issues[0]?.message;
  return message ? message.charAt(0).toUpperCase() + message.slice(1) : undefined;
}

interface DescriptionFieldProps {
  value: string;
  onChange: (value: string) => void;
  /** Show "must not be empty" only once the person tried to submit; "too long" shows as soon as it is. */
  showEmptyError: boolean;
}

function DescriptionField({ value, onChange, showEmptyError }: DescriptionFieldProps) {
  const length = value.trim().length;
  const error = length > maxDescriptionLength || showEmptyError ? descriptionError(value) : undefined;
  return (
    <TextInput
      label="Description"
      placeholder="What uses this key, e.g. “Terraform CI for payments”"
      withAsterisk
      data-autofocus
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      description={`${length} / ${maxDescriptionLength} characters`}
      error={error}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      autoComplete="off"
    />
  );
}

interface RevealProps {
  apiKey: ApiKey;
  saved: boolean;
  onSavedChange: (saved: boolean) => void;
  onDone: () => void;
}

/** Copy it, confirm it is saved, then it is gone for good. */
function PrivateKeyReveal({ apiKey, saved, onSavedChange, onDone }: RevealProps) {
  return (
    <Stack>
      <Text size="sm">
        The key <b>{apiKey.desc}</b> was created and assigned to this project.
      </Text>
      <SecretField label="Public key" value={apiKey.publicKey} />
      <SecretField label="Private key" value={apiKey.privateKey} />
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title="This is the only time the private key is shown">
        Copy it into your secret store now. The console does not keep it, and neither the console nor the Admin API can show it again.
      </Alert>
      <Checkbox label="I have saved the private key" checked={saved} onChange={(event) => onSavedChange(event.currentTarget.checked)} />
      <Group justify="flex-end">
        <Button onClick={onDone} disabled={!saved}>
          Done
        </Button>
      </Group>
    </Stack>
  );
}

/** A read-only value of the new key with a copy button: selectable, labelled, and in monospace. */
export function SecretField({ label, value }: { label: string; value: string }) {
  return (
    <TextInput
      label={label}
      value={value}
      readOnly
      onFocus={(event) => event.currentTarget.select()}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      rightSection={<CopyValueButton value={value} what={label.toLowerCase()} />}
    />
  );
}
