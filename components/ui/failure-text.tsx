// The body of every failure the console shows: what happened, what to do, and the upstream's own sentence when it adds one.
import { Stack, Text } from '@mantine/core';
import { adviceFor } from '@/lib/api/failure-advice';

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
