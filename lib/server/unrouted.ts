// The JSON answers for what no route handles under /api/: an unknown path (404) or a method a route lacks (405).
import 'server-only';
import { ApiError, errorBody } from '@/lib/console-errors';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const methods: readonly Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

const noStore = { 'Cache-Control': 'no-store' };

export function unknownPath(): Response {
  return Response.json(errorBody(new ApiError(404, 'NOT_FOUND', 'There is no such API path.')), { status: 404, headers: noStore });
}

/**
 * Handlers for every method the route does not serve, so Next.js's own empty 405 never answers:
 * `export const { PUT, PATCH, DELETE, POST } = otherMethods('GET')`.
 */
export function otherMethods(...allowed: Method[]): Record<Method, () => Response> {
  const allow = [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  const refuse = () =>
    Response.json(errorBody(new ApiError(405, 'METHOD_NOT_ALLOWED', `This path accepts ${allowed.join(' and ')} only.`)), {
      status: 405,
      headers: { ...noStore, Allow: allow },
    });
  return Object.fromEntries(methods.filter((m) => !allowed.includes(m)).map((m) => [m, refuse])) as Record<Method, () => Response>;
}

export const everyMethod = Object.fromEntries(methods.map((m) => [m, unknownPath])) as Record<Method, () => Response>;
