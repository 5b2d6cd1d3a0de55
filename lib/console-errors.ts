// The console's one error class and the mapping of every failure to the Admin API's error shape.
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

export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly status: number,
    readonly errorCode: string,
    readonly detail: string,
    readonly extra: Pick<ApiErrorBody, 'currentRoles'> & { retryAfterSeconds?: number } = {},
  ) {
    super(detail);
  }
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
  return new ApiError(500, 'UNEXPECTED_ERROR', 'The console failed unexpectedly. The problem has been logged.');
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
