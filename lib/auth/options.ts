// next-auth configuration: OpenID Connect for real organizations, the `demo` provider against the emulator.
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getConfig } from '@/lib/config';
import { escapeForLog } from '@/lib/log-text';
import { localCallbackPath } from './callback-url';
import { isDemoMode, listDemoPeople } from './demo';
import { isSessionRevoked, revokeSession } from './revocation';

const sessionMaxAgeSeconds = 8 * 60 * 60;

export function authSecret(): string {
  return getConfig().NEXTAUTH_SECRET;
}

function oidcProvider(issuer: string, clientId: string, clientSecret: string): NextAuthOptions['providers'][number] {
  return {
    id: 'oidc',
    name: 'Single sign-on',
    type: 'oauth',
    wellKnown: new URL('.well-known/openid-configuration', issuer.endsWith('/') ? issuer : `${issuer}/`).toString(),
    clientId,
    clientSecret,
    idToken: true,
    checks: ['pkce', 'state'],
    authorization: { params: { scope: 'openid email profile' } },
    profile(claims: { sub: string; email?: string; email_verified?: boolean; name?: string }) {
      return { id: claims.sub, email: claims.email_verified === true ? claims.email : null, name: claims.name ?? claims.email };
    },
  };
}

function demoProvider() {
  return CredentialsProvider({
    id: 'demo',
    name: 'Demo',
    credentials: { email: { label: 'Email', type: 'email' } },
    async authorize(credentials) {
      const email = z.email().safeParse(credentials?.email?.trim().toLowerCase());
      if (!email.success) return null;
      const person = (await listDemoPeople()).find((p) => p.email === email.data);
      return person ? { id: person.email, email: person.email, name: person.name } : null;
    },
  });
}

/** next-auth's messages can quote what a browser sent (a callback URL, an email): one escaped line each. */
function messageOf(metadata: unknown): string {
  const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
  return error instanceof Error ? `${error.name}: ${error.message}` : '';
}

const logger: NextAuthOptions['logger'] = {
  error: (code, metadata) => console.error(escapeForLog(`next-auth ${code} ${messageOf(metadata)}`)),
  warn: (code) => console.warn(escapeForLog(`next-auth ${code}`)),
  debug: () => undefined,
};

export async function getAuthOptions(): Promise<NextAuthOptions> {
  const env = getConfig();
  const providers: NextAuthOptions['providers'] = [];
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_CLIENT_ID && env.AUTH_OIDC_CLIENT_SECRET) {
    providers.push(oidcProvider(env.AUTH_OIDC_ISSUER, env.AUTH_OIDC_CLIENT_ID, env.AUTH_OIDC_CLIENT_SECRET));
  }
  if (await isDemoMode()) providers.push(demoProvider());
  return {
    secret: authSecret(),
    logger,
    providers,
    session: { strategy: 'jwt', maxAge: sessionMaxAgeSeconds },
    pages: { signIn: '/signin', error: '/signin' },
    events: {
      signOut: async ({ token }) => {
        if (typeof token.sid === 'string' && typeof token.exp === 'number') await revokeSession(token.sid, token.exp);
      },
    },
    callbacks: {
      // The person is the verified email; a provider that gives none cannot sign anyone in.
      signIn: ({ user }) => Boolean(user.email),
      // next-auth's own check throws (a 500) on a callback URL it cannot parse; this one falls back to /projects.
      redirect: ({ url, baseUrl }) => new URL(localCallbackPath(url, baseUrl), baseUrl).href,
      // Each sign-in gets its own session id, which sign-out revokes; a token without one, or revoked, holds nobody.
      jwt: async ({ token, user }) => {
        if (user?.email) return { ...token, email: user.email.toLowerCase(), name: user.name, sid: randomUUID() };
        return typeof token.sid === 'string' && !(await isSessionRevoked(token.sid)) ? token : {};
      },
      session: ({ session, token }) => ({ ...session, user: { email: token.email, name: token.name } }),
    },
  };
}
