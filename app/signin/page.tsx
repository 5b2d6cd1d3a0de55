import { Alert, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInChoices } from '@/components/sign-in-choices';
import { localCallbackPath } from '@/lib/auth/callback-url';
import { isDemoMode, listDemoPeople } from '@/lib/auth/demo';
import { currentPerson } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';

export const metadata: Metadata = { title: 'Sign in' };

const errors: Record<string, string> = {
  CredentialsSignin: 'That person is not in the demo organization.',
  AccessDenied: 'Your sign-in provider did not confirm your email address.',
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string; callbackUrl?: string }> }) {
  const { error, callbackUrl } = await searchParams;
  // Without a configured public URL, only relative callbacks can be known to stay on this console.
  const target = localCallbackPath(callbackUrl, getConfig().NEXTAUTH_URL ?? 'http://console.invalid');
  if (await currentPerson()) redirect(target);
  const demo = await isDemoMode();
  const people = demo ? await listDemoPeople() : [];
  const sso = Boolean(getConfig().AUTH_OIDC_ISSUER);
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} w="100%" maw={520} component="main">
        <Stack>
          <Title order={1} size="h2">
            Atlas Keys Console
          </Title>
          <Text c="dimmed">Sign in to manage and audit your projects&apos; API keys.</Text>
          {error && (
            <Alert color="red" title="Sign-in failed" role="alert">
              {errors[error] ?? 'Sign-in did not succeed. Try again.'}
            </Alert>
          )}
          {!demo && !sso && (
            <Alert color="yellow" title="No sign-in method">
              Configure AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET.
            </Alert>
          )}
          <SignInChoices sso={sso} people={people} callbackUrl={target} />
        </Stack>
      </Paper>
    </Center>
  );
}
