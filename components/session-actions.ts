// Signing in and out from the browser. next-auth's browser client (with its Babel helpers) is needed only by these
// clicks, so it loads then instead of with every page.

export async function signInWith(provider: string, options: { callbackUrl: string; email?: string }): Promise<void> {
  const { signIn } = await import('next-auth/react');
  await signIn(provider, options);
}

export async function signOutToSignIn(): Promise<void> {
  const { signOut } = await import('next-auth/react');
  await signOut({ callbackUrl: '/signin' });
}
