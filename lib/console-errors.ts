// The one catalogue of the console's own errors (code, status, sentence), the ApiError they are thrown as, and the
// mapping of every failure, the upstream's included, to the Admin API's error shape.
import 'server-only';
import type { ApiErrorBody } from '@/lib/api/schemas';
import { UpstreamError } from '@/lib/atlas/errors';

const reasons: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  421: 'Misdirected Request',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function reasonFor(status: number): string {
  return reasons[status] ?? 'Error';
}

type Extra = Pick<ApiErrorBody, 'currentRoles'> & { retryAfterSeconds?: number };

/** Codes the Admin API also uses keep its meaning, so scripts see the same codes from the console and from upstream. */
const catalogue = {
  // 400 — the field codes are the Admin API's own; `where` is path, query or body, with the field.
  PATH_PARAM_PARSE_ERROR: { status: 400, detail: (problem: string) => `Invalid path parameter ${problem}.` },
  VALIDATION_ERROR: { status: 400, detail: (where: string, problem: string) => `Invalid ${where}: ${problem}.` },
  INVALID_API_KEY_DESC: { status: 400, detail: (where: string, problem: string) => `Invalid ${where}: ${problem}.` },
  MISSING_API_KEY_ROLES: { status: 400, detail: (where: string, problem: string) => `Invalid ${where}: ${problem}.` },
  INVALID_ROLE_FOR_GROUP: { status: 400, detail: (where: string, problem: string) => `Invalid ${where}: ${problem}.` },
  // 401, 403
  NOT_SIGNED_IN: { status: 401, detail: () => 'Sign in to the console first.' },
  CROSS_SITE_REQUEST: { status: 403, detail: () => 'Changes must come from the console itself, not from another site.' },
  NOT_KEY_MANAGER: {
    status: 403,
    detail: () => "Only a Project Owner, a Project User Admin, a Project Access Manager or an Organization Owner may change this project's API keys.",
  },
  NOT_SERVICE_ACCOUNT_MANAGER: {
    status: 403,
    detail: () => "Only a Project Owner or an Organization Owner may change this project's service accounts.",
  },
  NOT_ORG_OWNER: { status: 403, detail: () => "Only an Organization Owner may bring the organization's service accounts into a project." },
  NOT_ORG_READER: { status: 403, detail: () => "Only an Organization Owner or Read Only may list the organization's service accounts." },
  USER_UNAUTHORIZED: {
    status: 403,
    detail: () => 'Only someone who can see the whole organization (Organization Owner) can sign or list reviews.',
  },
  // 404, 405
  NOT_FOUND: { status: 404, detail: () => 'There is no such API path.' },
  GROUP_NOT_FOUND: { status: 404, detail: (groupId: string) => `No project with ID ${groupId} exists or is visible to you.` },
  ORG_NOT_FOUND: { status: 404, detail: (orgId: string) => `No organization with ID ${orgId} exists or is visible to you.` },
  API_KEY_NOT_IN_GROUP: { status: 404, detail: (publicKey: string) => `The key ${publicKey} is not assigned to this project.` },
  SERVICE_ACCOUNT_NOT_IN_GROUP: { status: 404, detail: (clientId: string) => `The service account ${clientId} is not in this project.` },
  SECRET_NOT_FOUND: { status: 404, detail: (name: string, secretId: string) => `The service account ${name} has no secret ${secretId}.` },
  // Ops Manager and Atlas v1.0 have none: the page says so rather than showing an empty list.
  SERVICE_ACCOUNTS_UNAVAILABLE: {
    status: 404,
    detail: () => 'Service accounts are not available on this server (Ops Manager and Atlas v1.0 have none).',
  },
  RESOURCE_NOT_FOUND: { status: 404, detail: (reviewId: string) => `No review with ID ${reviewId} exists.` },
  METHOD_NOT_ALLOWED: { status: 405, detail: (allowed: string[]) => `This path accepts ${allowed.join(' and ')} only.` },
  // 409 — carries the current roles of the key or service account (`what`, e.g. "key abcdefgh"), so the editor can show them.
  ROLES_CHANGED: {
    status: 409,
    detail: (what: string, current: string[]) =>
      `The roles of ${what} in this project changed since you opened it (now: ${current.join(', ') || 'not assigned'}). Reload and try again.`,
    extra: (_what: string, current: string[]): Extra => ({ currentRoles: current }),
  },
  // 413, 415, 421, 429
  REQUEST_TOO_LARGE: { status: 413, detail: (maxBytes: number) => `The body must be at most ${maxBytes} bytes.` },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, detail: () => 'The body must be JSON (Content-Type: application/json).' },
  MISDIRECTED_REQUEST: { status: 421, detail: () => 'This console does not answer for that host name; use its configured address.' },
  TOO_MANY_CHANGES: {
    status: 429,
    detail: (retryAfterSeconds: number) => `Too many changes in a short time; try again in ${retryAfterSeconds} s.`,
    extra: (retryAfterSeconds: number): Extra => ({ retryAfterSeconds }),
  },
  // 500, 503
  UNEXPECTED_ERROR: { status: 500, detail: () => 'The console failed unexpectedly. The problem has been logged.' },
  SESSION_CHECK_FAILED: { status: 503, detail: () => 'The console cannot check your session right now; try again in a moment.' },
} satisfies Record<string, { status: number; detail: (...params: never[]) => string; extra?: (...params: never[]) => Extra }>;

export type ConsoleErrorCode = keyof typeof catalogue;

export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly status: number,
    readonly errorCode: string,
    readonly detail: string,
    readonly extra: Extra = {},
  ) {
    super(detail);
  }
}

/** `throw consoleError('GROUP_NOT_FOUND', groupId)`: the arguments are checked against the code's sentence. */
export function consoleError<C extends ConsoleErrorCode>(code: C, ...params: Parameters<(typeof catalogue)[C]['detail']>): ApiError {
  const entry = catalogue[code] as { status: number; detail: (...p: unknown[]) => string; extra?: (...p: unknown[]) => Extra };
  return new ApiError(entry.status, code, entry.detail(...params), entry.extra?.(...params));
}

/** When the upstream limits the console without saying for how long: about what its token buckets take to refill one. */
const ownRetryEstimateSeconds = 10;

/** Upstream failures keep their code and detail; statuses that would mislead the browser are translated. */
function fromUpstream(error: UpstreamError): ApiError {
  switch (error.kind) {
    case 'timeout':
      return new ApiError(504, error.errorCode, error.detail);
    case 'network':
    case 'invalid-response':
    case 'credential':
      return new ApiError(502, error.errorCode, error.detail);
    default:
      if (error.status === 429) {
        return new ApiError(429, error.errorCode, error.detail, { retryAfterSeconds: error.retryAfterSeconds ?? ownRetryEstimateSeconds });
      }
      if (error.status >= 500) {
        return new ApiError(502, error.errorCode, `The Admin API failed (${error.status} ${error.errorCode}): ${error.detail}`);
      }
      // A 401 from the upstream concerns the console's credential, never the person's session.
      if (error.status === 401 || error.status === 403) return new ApiError(502, error.errorCode, error.detail);
      return new ApiError(error.status, error.errorCode, error.detail);
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof UpstreamError) return fromUpstream(error);
  return consoleError('UNEXPECTED_ERROR');
}

export function errorBody(error: ApiError): ApiErrorBody {
  return {
    error: error.status,
    errorCode: error.errorCode,
    detail: error.detail,
    reason: reasonFor(error.status),
    ...(error.extra.currentRoles ? { currentRoles: error.extra.currentRoles } : {}),
  };
}

export function errorResponse(error: ApiError): Response {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (error.extra.retryAfterSeconds !== undefined) headers['Retry-After'] = String(error.extra.retryAfterSeconds);
  return Response.json(errorBody(error), { status: error.status, headers });
}
