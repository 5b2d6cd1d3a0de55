import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { getAuthOptions } from '@/lib/auth/options';
import { otherMethods } from '@/lib/server/unrouted';

async function handler(req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(req, ctx, await getAuthOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };

export const { PUT, PATCH, DELETE } = otherMethods('GET', 'POST');
