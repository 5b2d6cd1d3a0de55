// One organization key in the assign picker: description first, then public key and id (people confuse the two),
// then where the key already holds roles, so the choice is made knowing what it reaches.
import { Stack, Text } from '@mantine/core';
import type { ApiKey } from '@/lib/api/schemas';
import { rolesInWords } from '@/lib/roles-in-words';

interface Props {
  apiKey: ApiKey;
  projectNames: ReadonlyMap<string, string>;
}

export function OrgKeyOption({ apiKey, projectNames }: Props) {
  return (
    <Stack gap={0}>
      <Text size="sm" fw={500}>
        {apiKey.desc}
      </Text>
      <Text size="xs" c="dimmed" ff="monospace">
        public key {apiKey.publicKey} · id {apiKey.id}
      </Text>
      <Text size="xs" c="dimmed" lineClamp={2}>
        {rolesInWords(apiKey.roles, (id) => projectNames.get(id))}
      </Text>
    </Stack>
  );
}
