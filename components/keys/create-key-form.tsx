// The first step of "Create API key": a description and at least one role.
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { RoleMultiSelect } from '@/components/roles/role-multiselect';
import { FailureText } from '@/components/ui/failure-text';
import type { CreateKeyBody } from '@/lib/api/schemas';
import type { Flavor } from '@/lib/roles';
import { AccessGrantWarning } from './access-grant-warning';
import { DescriptionField, descriptionError } from './description-field';

interface Props {
  flavor: Flavor;
  pending: boolean;
  error: Error | null;
  onSubmit: (body: CreateKeyBody) => void;
  onCancel: () => void;
}

export function CreateKeyForm({ flavor, pending, error, onSubmit, onCancel }: Props) {
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
        {error && (
          <Alert color="red" variant="light" title="The key was not created" role="alert">
            <FailureText error={error} />
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            Create key
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
