// The one wrapper of every session route: origin, session, validation, permissions, rate limit and error mapping.
import 'server-only';
import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import { jsonOf } from '@/lib/atlas/answer-memo';
import { resolveProjectAccess, type ProjectAccess } from './access';
import { personFromRequest, type Person } from '@/lib/auth/session';
import { consoleError, errorResponse, toApiError } from '@/lib/console-errors';
import { checkBody, checkQuery } from './control-characters';
import { checkHost, currentHostPolicy } from './host-guard';
import { escapeForLog } from '@/lib/log-text';
import { takeMutationToken } from './mutation-quota';
import { readJsonBody } from './read-json-body';
import { isCrossSite } from './same-origin';
import { validationError } from './validation-error';

/**
 * signed-in: any session; read-project: any role in the project; manage-keys: Project Owner, User Admin, Access
 * Manager or Org Owner; manage-service-accounts: Project Owner or Org Owner; invite-service-accounts: Org Owner.
 */
type Access = 'signed-in' | 'read-project' | 'manage-keys' | 'manage-service-accounts' | 'invite-service-accounts';

/** What each project access needs beyond reading, and the error (403) a person gets without it. */
const refusals: Partial<Record<Access, { allowed: (project: ProjectAccess) => boolean; code: 'NOT_KEY_MANAGER' | 'NOT_SERVICE_ACCOUNT_MANAGER' | 'NOT_ORG_OWNER' }>> = {
  'manage-keys': { allowed: (p) => p.canManageKeys, code: 'NOT_KEY_MANAGER' },
  'manage-service-accounts': { allowed: (p) => p.canManageServiceAccounts, code: 'NOT_SERVICE_ACCOUNT_MANAGER' },
  'invite-service-accounts': { allowed: (p) => p.canInviteServiceAccounts, code: 'NOT_ORG_OWNER' },
};

interface RouteSpec<A extends Access, P, Q, B> {
  access: A;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
}

export interface RouteContext<A extends Access, P, Q, B> {
  req: NextRequest;
  person: Person;
  params: P;
  query: Q;
  body: B;
  project: A extends 'signed-in' ? undefined : ProjectAccess;
}

type Handler<A extends Access, P, Q, B> = (ctx: RouteContext<A, P, Q, B>) => Promise<unknown>;

function parse<T>(where: 'path' | 'query' | 'body', schema: z.ZodType<T> | undefined, value: unknown): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(where, result.error);
  return result.data;
}

export function withRoute<A extends Access, P = undefined, Q = undefined, B = undefined>(
  spec: RouteSpec<A, P, Q, B>,
  handler: Handler<A, P, Q, B>,
) {
  return async (req: NextRequest, segment: { params: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    try {
      const policy = currentHostPolicy();
      checkHost(req, policy);
      const mutation = req.method !== 'GET' && req.method !== 'HEAD';
      if (mutation && isCrossSite(req, policy)) {
        throw consoleError('CROSS_SITE_REQUEST');
      }
      const person = await personFromRequest(req);
      if (!person) throw consoleError('NOT_SIGNED_IN');
      const params = parse('path', spec.params, await segment.params);
      checkQuery(req.nextUrl.searchParams);
      const query = parse('query', spec.query, Object.fromEntries(req.nextUrl.searchParams));
      const rawBody = spec.body ? await readJsonBody(req) : undefined;
      checkBody(rawBody);
      const body = parse('body', spec.body, rawBody);
      if (mutation) {
        const quota = await takeMutationToken(person.email);
        if (!quota.ok) throw consoleError('TOO_MANY_CHANGES', quota.retryAfterSeconds);
      }
      let project: ProjectAccess | undefined;
      if (spec.access !== 'signed-in') {
        const groupId = (params as { groupId?: unknown }).groupId;
        if (typeof groupId !== 'string') throw new Error('a project route needs a validated groupId');
        project = await resolveProjectAccess(person.email, groupId);
        const refusal = refusals[spec.access];
        if (refusal && !refusal.allowed(project)) throw consoleError(refusal.code);
      }
      const result = await handler({ req, person, params, query, body, project } as RouteContext<A, P, Q, B>);
      if (result instanceof Response) return result;
      if (result === undefined) return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
      // A shared upstream answer (see `Shared`) was serialized once, for everyone it is sent to.
      return new Response(jsonOf(result) ?? JSON.stringify(result), { headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.status === 500) console.error(escapeForLog(`${req.method} ${req.nextUrl.pathname} failed: ${describe(error)}`));
      return errorResponse(apiError);
    }
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : 'non-error thrown';
}
