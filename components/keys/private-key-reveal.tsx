// The one-time reveal of a new key's private key: copy it, confirm it is saved, then it is gone for good.
import { Alert, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ApiKey } from '@/lib/api/schemas';
import { SecretField } from './secret-field';

interface Props {
  apiKey: ApiKey;
  saved: boolean;
  onSavedChange: (saved: boolean) => void;
  onDone: () => void;
}

export function PrivateKeyReveal({ apiKey, saved, onSavedChange, onDone }: Props) {
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
