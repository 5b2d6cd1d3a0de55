// A read-only value of a new key with a copy button: selectable, labelled, and in monospace.
import { TextInput } from '@mantine/core';
import { CopyValueButton } from '@/components/ui/copy-value-button';

interface Props {
  label: string;
  value: string;
}

export function SecretField({ label, value }: Props) {
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
