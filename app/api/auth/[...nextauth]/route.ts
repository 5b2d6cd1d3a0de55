import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { getAuthOptions } from '@/lib/auth/options';
import { errorResponse, toApiError } from '@/lib/console-errors';
import { checkHost } from '@/lib/server/host-guard';
import { otherMethods } from '@/lib/server/unrouted';

async function handler(req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) {
  try {
    // A DNS name rebound to this console must not reach the password-less demo sign-in.
    checkHost(req);
  } catch (error) {
    return errorResponse(toApiError(error));
  }
  return NextAuth(req, ctx, await getAuthOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };

export const { PUT, PATCH, DELETE } = otherMethods('GET', 'POST');
