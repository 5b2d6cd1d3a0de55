// The public key of a row, in monospace with a copy button: the value people paste into their tools.
import { Code, Group } from '@mantine/core';
import { CopyValueButton } from '@/components/ui/copy-value-button';

export function PublicKeyCell({ publicKey }: { publicKey: string }) {
  if (!publicKey) return <Code>…</Code>;
  return (
    <Group gap={4} wrap="nowrap">
      <Code>{publicKey}</Code>
      <CopyValueButton value={publicKey} what={`public key ${publicKey}`} />
    </Group>
  );
}
