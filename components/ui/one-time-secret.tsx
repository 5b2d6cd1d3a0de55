// A credential shown once (a new key's private key, a service account's secret): its values with copy buttons, the
// warning that nothing can show it again, and the acknowledgement without which the dialog cannot be done with.
import { Alert, Button, Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { CopyValueButton } from './copy-value-button';

interface Props {
  /** What is shown once, as the warning and the acknowledgement name it: "private key", "secret". */
  what: string;
  saved: boolean;
  onSavedChange: (saved: boolean) => void;
  onDone: () => void;
  /** The values (SecretField) and whatever the person should read with them. */
  children: ReactNode;
}

/** Copy it, confirm it is saved, then it is gone for good. */
export function OneTimeSecret({ what, saved, onSavedChange, onDone, children }: Props) {
  return (
    <Stack>
      {children}
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title={`This is the only time the ${what} is shown`}>
        Copy it into your secret store now. The console does not keep it, and neither the console nor the Admin API can show it again.
      </Alert>
      <Checkbox label={`I have saved the ${what}`} checked={saved} onChange={(event) => onSavedChange(event.currentTarget.checked)} />
      <Group justify="flex-end">
        <Button onClick={onDone} disabled={!saved}>
          Done
        </Button>
      </Group>
    </Stack>
  );
}

/** A read-only value of the new credential with a copy button: selectable, labelled, and in monospace. */
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
