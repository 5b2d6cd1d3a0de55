'use client';
// A console page whose server part failed: a plain sentence and a retry; the details stay in the server log.
import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';

export default function ConsoleError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error ? String(error.digest) : undefined;
  return (
    <Stack maw={640}>
      <Title order={1} size="h2">
        Something went wrong
      </Title>
      <Alert color="red" variant="light" title="This page could not be loaded" role="alert">
        <Text size="sm">The console or the Admin API behind it did not answer as expected. Trying again usually helps.</Text>
        {digest && (
          <Text size="xs" c="dimmed" mt="xs">
            Reference for the administrator: {digest}
          </Text>
        )}
      </Alert>
      <Button w="fit-content" leftSection={<IconRefresh size={16} aria-hidden />} onClick={retry}>
        Try again
      </Button>
    </Stack>
  );
}
