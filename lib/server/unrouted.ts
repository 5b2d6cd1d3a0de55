// The JSON answers for what no route handles under /api/: an unknown path (404) or a method a route lacks (405).
import 'server-only';
import { consoleError, errorBody } from '@/lib/console-errors';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const methods: readonly Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

const noStore = { 'Cache-Control': 'no-store' };

export function unknownPath(): Response {
  return Response.json(errorBody(consoleError('NOT_FOUND')), { status: 404, headers: noStore });
}

/**
 * Handlers for every method the route does not serve, so Next.js's own empty 405 never answers:
 * `export const { PUT, PATCH, DELETE, POST } = otherMethods('GET')`.
 */
export function otherMethods(...allowed: Method[]): Record<Method, () => Response> {
  const allow = [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  const refuse = () =>
    Response.json(errorBody(consoleError('METHOD_NOT_ALLOWED', allowed)), {
      status: 405,
      headers: { ...noStore, Allow: allow },
    });
  return Object.fromEntries(methods.filter((m) => !allowed.includes(m)).map((m) => [m, refuse])) as Record<Method, () => Response>;
}

export const everyMethod = Object.fromEntries(methods.map((m) => [m, unknownPath])) as Record<Method, () => Response>;
