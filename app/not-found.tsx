// Any unknown address: inside the console's frame for a signed-in person, with a way to sign in for anyone else.
import { Center, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { ConsoleShell } from '@/components/console-shell';
import { NotFoundMessage } from '@/components/not-found-message';
import { LinkAnchor } from '@/components/ui/link-anchor';
import { orgDetails } from '@/lib/server/access';
import { isDemoMode } from '@/lib/auth/demo';
import { currentPerson } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Not found' };

export default async function NotFound() {
  const person = await currentPerson();
  if (!person) {
    return (
      <Center mih="100vh" p="md" component="main">
        <Stack maw={480} gap="sm">
          <Title order={1} size="h2">
            Not found
          </Title>
          <Text>
            This page does not exist. <LinkAnchor href="/signin" underline="always">Sign in to the Atlas Keys Console</LinkAnchor>
          </Text>
        </Stack>
      </Center>
    );
  }
  const [org, demo] = await Promise.all([orgDetails(), isDemoMode()]);
  return (
    <ConsoleShell org={org} person={person} demo={demo}>
      <NotFoundMessage />
    </ConsoleShell>
  );
}
