// The signed-in person of a request, read from the next-auth JWT cookie.
import 'server-only';
import { getServerSession } from 'next-auth';
import { getToken } from 'next-auth/jwt';
import type { NextRequest } from 'next/server';
import { cache } from 'react';
import { authSecret, getAuthOptions } from './options';
import { isSessionRevoked } from './revocation';
import { decodeOnce } from './token-memo';

export interface Person {
  email: string;
  name: string;
}

/** For route handlers: decodes the session cookie without another round trip; a signed-out session holds nobody. */
export async function personFromRequest(req: NextRequest): Promise<Person | null> {
  const token = await getToken({ req, secret: authSecret(), decode: decodeOnce });
  if (!token?.email || typeof token.sid !== 'string' || (await isSessionRevoked(token.sid))) return null;
  return { email: token.email, name: token.name ?? token.email };
}

/** For server components: once per request. */
export const currentPerson = cache(async (): Promise<Person | null> => {
  const session = await getServerSession(await getAuthOptions());
  const email = session?.user?.email;
  return email ? { email, name: session.user?.name ?? email } : null;
});
