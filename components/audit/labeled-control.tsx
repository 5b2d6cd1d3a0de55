// A visible label above a control that is not a form input (a segmented control), tied to it by aria-labelledby.
import { Stack, Text } from '@mantine/core';
import { useId, type ReactNode } from 'react';

export function LabeledControl({ label, children }: { label: string; children: (labelId: string) => ReactNode }) {
  const id = useId();
  return (
    <Stack gap={4}>
      <Text component="span" id={id} size="sm" fw={500}>
        {label}
      </Text>
      {children(id)}
    </Stack>
  );
}
