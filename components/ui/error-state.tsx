// How a failure is told: what happened, what to do, the upstream's own sentence; for a failed load, with a way to try again.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { adviceFor } from '@/lib/api/failure-advice';

interface Props {
  title: string;
  error: Error;
  onRetry: () => void;
  retrying?: boolean;
}

/** A failed load: what could not be loaded and why, and a way to try again. */
export function ErrorState({ title, error, onRetry, retrying }: Props) {
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle aria-hidden />} role="alert">
      <Group justify="space-between" align="center" gap="md">
        <FailureText error={error} />
        <Button variant="default" size="xs" leftSection={<IconRefresh size={14} aria-hidden />} onClick={onRetry} loading={retrying}>
          Retry
        </Button>
      </Group>
    </Alert>
  );
}

/** The body of every failure the console shows, in a failed load's state or a dialog's footer. */
export function FailureText({ error }: { error: Error }) {
  const { what, todo, detail } = adviceFor(error);
  return (
    <Stack gap={4}>
      <Text size="sm">
        {what} {todo}
      </Text>
      {detail && (
        <Text size="xs" data-testid="error-detail">
          {detail}
        </Text>
      )}
    </Stack>
  );
}
