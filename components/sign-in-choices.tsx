'use client';
// The sign-in buttons: single sign-on, and in demo mode one button per person of the demo organization.
import { Alert, Button, Divider, Stack, Text, UnstyledButton, Group, Paper } from '@mantine/core';
import { useState } from 'react';
import { useLive } from '@/components/ui/use-live';
import type { DemoPerson } from '@/lib/auth/demo';
import { signInWith } from './session-actions';

interface Props {
  sso: boolean;
  people: DemoPerson[];
  callbackUrl: string;
}

export function SignInChoices({ sso, people, callbackUrl }: Props) {
  const live = useLive();
  const [pending, setPending] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const go = async (provider: string, email?: string) => {
    setPending(email ?? provider);
    setFailed(false);
    try {
      await signInWith(provider, email ? { email, callbackUrl } : { callbackUrl });
    } catch {
      // Its code or the console could not be reached: the buttons come back for another try.
      setPending(null);
      setFailed(true);
    }
  };
  return (
    <Stack>
      {failed && (
        <Alert color="red" variant="light" title="Sign-in did not start">
          The console could not be reached. Check your connection and try again.
        </Alert>
      )}
      {sso && (
        <Button size="md" onClick={() => void go('oidc')} loading={pending === 'oidc'} disabled={!live}>
          Sign in with single sign-on
        </Button>
      )}
      {sso && people.length > 0 && <Divider label="or" />}
      {people.length > 0 && (
        <Stack gap="xs">
          <Alert color="blue" variant="light" title="Demo mode">
            The console runs against the bundled Admin API emulator. Pick a person of the demo organization; no password is needed.
          </Alert>
          {people.map((person) => (
            <UnstyledButton
              key={person.email}
              onClick={() => void go('demo', person.email)}
              disabled={!live || pending !== null}
              aria-label={`Sign in as ${person.email}`}
            >
              <Paper withBorder p="sm" radius="md">
                <Group justify="space-between" gap="xs">
                  <Text fw={600}>{person.name}</Text>
                  <Text size="sm" c="dimmed">
                    {person.email}
                  </Text>
                </Group>
                <Text size="sm" mt={4} data-testid="demo-person-roles">
                  {pending === person.email ? 'Signing in…' : person.summary}
                </Text>
              </Paper>
            </UnstyledButton>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
