// A visible label above a control that is not a form input (a segmented control), tied to it by aria-labelledby.
import { Box, Stack, Text } from '@mantine/core';
import { useId, type ReactNode } from 'react';

export function LabeledControl({ label, children }: { label: string; children: (labelId: string) => ReactNode }) {
  const id = useId();
  return (
    <Stack gap={4} maw="100%">
      <Text component="span" id={id} size="sm" fw={500}>
        {label}
      </Text>
      {/* A segmented control does not wrap: on a narrow screen it scrolls in its own box, not the page. */}
      <Box maw="100%" style={{ overflowX: 'auto' }}>
        {children(id)}
      </Box>
    </Stack>
  );
}
