// What a console page shows while its server part loads: the shape of a list page, not a spinner.
import { Group, Skeleton, Stack } from '@mantine/core';

export function PageSkeleton() {
  return (
    <Stack role="status" aria-label="Loading">
      <Group justify="space-between">
        <Skeleton h={32} w={240} />
        <Skeleton h={36} w={260} />
      </Group>
      {Array.from({ length: 6 }, (_, i) => (
        <Skeleton key={i} h={40} />
      ))}
    </Stack>
  );
}
