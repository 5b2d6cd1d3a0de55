// "Create API key": a description and roles, then the one-time reveal of the private key; closing drops the private key
// from memory and the mutation cache.
import { Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { GrantRolesField } from '@/components/roles/role-edit';
import { ConsoleModal, DialogFooter, type DialogProps } from '@/components/ui/console-modal';
import { OneTimeSecret, SecretField } from '@/components/ui/one-time-secret';
import { keyDescription, type CreateKeyBody } from '@/lib/api/schemas';
import type { Flavor } from '@/lib/roles';
import { useCreateKey, type ProjectRef } from './key-mutations';

interface Props extends DialogProps {
  project: ProjectRef;
  flavor: Flavor;
}

export function CreateKeyDialog({ opened, onClose, project, flavor, fallbackFocus }: Props) {
  const { mutation, forget } = useCreateKey(project);
  const [saved, setSaved] = useState(false);
  const created = mutation.data;
  // While the request runs, closing would lose the answer and with it the only copy of the private key;
  // once it is shown, the reveal cannot be dismissed by accident until the person confirms it is saved.
  const unsaved = Boolean(created) && !saved;
  // Forgetting swaps the reveal back to the form, so it waits until the dialog has faded out (the form would
  // otherwise take focus while closing); unmounting before then drops the mutation anyway (gcTime 0).
  const forgetAfterClose = () => {
    forget();
    setSaved(false);
  };
  return (
    <ConsoleModal opened={opened} onClose={onClose} request={mutation} busy={unsaved} title="Create API key" fallbackFocus={fallbackFocus} onExitTransitionEnd={forgetAfterClose}>
      {created ? (
        <OneTimeSecret what="private key" saved={saved} onSavedChange={setSaved} onDone={onClose}>
          <Text size="sm">
            The key <b>{created.desc}</b> was created and assigned to this project.
          </Text>
          <SecretField label="Public key" value={created.publicKey} />
          <SecretField label="Private key" value={created.privateKey} />
        </OneTimeSecret>
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
        <GrantRolesField flavor={flavor} value={roles} onChange={setRoles} showEmptyError={tried} description="What the key may do in this project. Pick the least that works." />
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
