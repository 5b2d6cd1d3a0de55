// A standards-compliant OpenID Connect provider on loopback (the `oidc-provider` package) for the sign-in test.
import { createServer, type Server } from 'node:http';
import { e2eConsole, oidcIssuerPort } from './servers';

export async function startOidcIssuer(): Promise<{ close: () => Promise<void> }> {
  const { default: Provider } = await import('oidc-provider');
  const provider = new Provider(e2eConsole.oidcIssuer, {
    clients: [
      {
        client_id: e2eConsole.env.AUTH_OIDC_CLIENT_ID,
        client_secret: e2eConsole.env.AUTH_OIDC_CLIENT_SECRET,
        redirect_uris: [`${e2eConsole.url}/api/auth/callback/oidc`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    // Any login is accepted by the provider's development screens; the login is the person's email.
    async findAccount(_ctx, sub) {
      return { accountId: sub, claims: async () => ({ sub, email: sub, email_verified: true, name: sub }) };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    pkce: { required: () => true },
    // The console reads the person from the ID token, as it does with most providers.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
  });
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(oidcIssuerPort, '127.0.0.1', resolve));
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
