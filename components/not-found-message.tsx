// What a page that does not exist says, inside the console's frame: a project one has no role in looks exactly like a missing one.
import { Stack, Text, Title } from '@mantine/core';
import { LinkAnchor } from '@/components/ui/link-anchor';

export function NotFoundMessage() {
  return (
    <Stack maw={560} gap="sm">
      <Title order={1} size="h2">
        Not found
      </Title>
      <Text>This page does not exist, or it belongs to a project in which you have no role.</Text>
      <Text>
        If you need access, ask a Project Owner of that project or an Organization Owner.{' '}
        <LinkAnchor href="/projects" underline="always">
          Back to your projects
        </LinkAnchor>
      </Text>
    </Stack>
  );
}
