// One organization key in the assign picker: description first, then public key and id, since people confuse the two.
import { Stack, Text } from '@mantine/core';
import type { ApiKey } from '@/lib/api/schemas';

export function OrgKeyOption({ apiKey }: { apiKey: ApiKey }) {
  return (
    <Stack gap={0}>
      <Text size="sm" fw={500}>
        {apiKey.desc}
      </Text>
      <Text size="xs" c="dimmed" ff="monospace">
        public key {apiKey.publicKey} · id {apiKey.id}
      </Text>
    </Stack>
  );
}
