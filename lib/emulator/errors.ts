// The one catalogue of Admin API errors the emulator answers: each code's status and detail sentence, and the error it throws.
import { STATUS_CODES } from 'node:http';

/** Codes and sentences follow mongodb/docs `api-errors.txt` and shared/reference/atlas-api.md; the arguments become `parameters`. */
const catalogue = {
  // 400 — note that an unknown key is a 400 upstream, not a 404.
  API_KEY_NOT_FOUND: { status: 400, detail: (apiKeyId: string, where: string) => `No API key with ID ${apiKeyId} exists in ${where}.` },
  API_KEY_ALREADY_IN_GROUP: {
    status: 400,
    detail: (apiKeyId: string, groupId: string) => `API key ${apiKeyId} is already assigned to project ${groupId}.`,
  },
  CANNOT_ADD_ORG_ROLE: {
    status: 400,
    detail: (roleName: string) => `Organization role ${roleName} cannot be granted in a project.`,
  },
  INVALID_API_KEY_DESC: { status: 400, detail: () => 'The API key description must be between 1 and 250 characters long.' },
  INVALID_ROLE_FOR_ORG: { status: 400, detail: (roleName: string) => `Role ${roleName} is not valid for an organization.` },
  INVALID_ROLE_FOR_GROUP: { status: 400, detail: (roleName: string) => `Role ${roleName} is not valid for a project.` },
  INVALID_SECRET_EXPIRATION: {
    status: 400,
    detail: (maxHours: string) => `A service account secret must expire after between 8 and ${maxHours} hours.`,
  },
  MISSING_SERVICE_ACCOUNT_ROLES: { status: 400, detail: () => 'A service account must be given at least one role in the project.' },
  MISSING_API_KEY_ROLES: { status: 400, detail: () => 'An API key must be given at least one role.' },
  PATH_PARAM_PARSE_ERROR: {
    status: 400,
    detail: (name: string, value: string) => `Path parameter ${name} must be 24 hexadecimal digits, not ${value}.`,
  },
  VALIDATION_ERROR: { status: 400, detail: (problem: string) => `Invalid request: ${problem}.` },
  // 401 — also for a caller who lacks the role: the upstream answers 401, not 403, and without a challenge.
  USER_UNAUTHORIZED: { status: 401, detail: () => 'You are not authorized for this resource.' },
  NOT_IN_GROUP: { status: 401, detail: (groupId: string) => `Current user is not in the group ${groupId}, or the group does not exist.` },
  // 404
  GROUP_NOT_FOUND: { status: 404, detail: (groupId: string) => `No group with ID ${groupId} exists.` },
  INVALID_GROUP_ID: { status: 404, detail: (groupId: string) => `An invalid group ID ${groupId} was specified.` },
  ORG_NOT_FOUND: { status: 404, detail: (orgId: string) => `No organization with ID ${orgId} exists.` },
  RESOURCE_NOT_FOUND: { status: 404, detail: (path: string) => `Cannot find resource ${path}.` },
  TEAM_NOT_FOUND: { status: 404, detail: (teamId: string, orgId: string) => `No team with ID ${teamId} exists in organization ${orgId}.` },
  SERVICE_ACCOUNT_NOT_FOUND: { status: 404, detail: (clientId: string, where: string) => `No service account with client ID ${clientId} exists in ${where}.` },
  SERVICE_ACCOUNT_SECRET_NOT_FOUND: {
    status: 404,
    detail: (secretId: string, clientId: string) => `No secret with ID ${secretId} exists for service account ${clientId}.`,
  },
  USER_NOT_FOUND: { status: 404, detail: (username: string) => `No user with username ${username} exists in this organization.` },
  // 409
  DUPLICATE_TEAM_NAME: { status: 409, detail: (name: string) => `A team named ${name} already exists in this organization.` },
  SERVICE_ACCOUNT_ALREADY_IN_GROUP: {
    status: 409,
    detail: (clientId: string, groupId: string) => `Service account ${clientId} is already in project ${groupId}.`,
  },
  USER_ALREADY_IN_ORG: { status: 409, detail: (username: string, orgId: string) => `User ${username} is already in organization ${orgId}.` },
  // 406
  INVALID_VERSION_DATE: { status: 406, detail: () => 'Invalid accept header or version date.' },
  // 429 — v1.0 and v2 name the same limit differently.
  RATE_LIMITED: { status: 429, detail: () => 'Resource requests for this credential are limited; try again later.' },
  RATE_LIMITED_TOKEN_BUCKET: {
    status: 429,
    detail: () => 'Request rate limit exceeded for this credential; retry after the number of seconds in Retry-After.',
  },
  // 500
  UNEXPECTED_ERROR: { status: 500, detail: () => 'Unexpected error.' },
} satisfies Record<string, { status: number; detail: (...params: string[]) => string }>;

export type ErrorCode = keyof typeof catalogue;

/** The Admin API's error body. */
export interface ErrorBody {
  detail: string;
  error: number;
  errorCode: ErrorCode;
  parameters: string[];
  reason: string;
}

export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly body: ErrorBody;

  constructor(code: ErrorCode, parameters: string[]) {
    const entry = catalogue[code];
    const detail = (entry.detail as (...params: string[]) => string)(...parameters);
    super(detail);
    this.status = entry.status;
    this.body = { detail, error: entry.status, errorCode: code, parameters, reason: STATUS_CODES[entry.status] ?? 'Error' };
  }
}

/** `throw apiError('GROUP_NOT_FOUND', groupId)` — the arguments are checked against the code's detail template. */
export function apiError<C extends ErrorCode>(code: C, ...parameters: Parameters<(typeof catalogue)[C]['detail']>): ApiError {
  return new ApiError(code, parameters);
}
