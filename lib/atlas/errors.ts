// The one error lib/atlas throws: an upstream failure in the Admin API's own shape, free of secrets.
import 'server-only';

export type UpstreamErrorKind = 'upstream' | 'timeout' | 'network' | 'invalid-response' | 'credential';

export class UpstreamError extends Error {
  override name = 'UpstreamError';
  status: number;
  errorCode: string;
  detail: string;
  reason: string;
  kind: UpstreamErrorKind;
  /** A 429's Retry-After, when the upstream sent one. */
  retryAfterSeconds?: number;

  constructor(fields: UpstreamErrorFields) {
    // The message is the detail alone, so a stack trace says nothing the browser may not see.
    super(fields.detail);
    this.status = fields.status;
    this.errorCode = fields.errorCode;
    this.detail = fields.detail;
    this.reason = fields.reason;
    this.kind = fields.kind;
    if (fields.retryAfterSeconds !== undefined) this.retryAfterSeconds = fields.retryAfterSeconds;
  }

  toJSON(): { error: number; errorCode: string; detail: string; reason: string } {
    return { error: this.status, errorCode: this.errorCode, detail: this.detail, reason: this.reason };
  }
}

/** What an UpstreamError is made of, field by field: nothing else the caller holds is copied onto it. */
export type UpstreamErrorFields = Pick<UpstreamError, 'status' | 'errorCode' | 'detail' | 'reason' | 'kind' | 'retryAfterSeconds'>;

export function timeoutError(host: string, timeoutMs: number): UpstreamError {
  return new UpstreamError({
    kind: 'timeout',
    status: 504,
    errorCode: 'UPSTREAM_TIMEOUT',
    reason: 'Gateway Timeout',
    detail: `The Admin API at ${host} did not answer within ${timeoutMs / 1000} seconds. Try again in a moment.`,
  });
}

const connectionProblems: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  ENOTFOUND: 'the host name could not be resolved',
  EAI_AGAIN: 'the host name could not be resolved',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
  UND_ERR_SOCKET: 'the connection closed before an answer arrived',
  UND_ERR_CLOSED: 'the connection closed before an answer arrived',
};

/** `code` is a Node or undici error code; only our own sentence for it reaches the error, never the original message. */
export function networkError(host: string, code: string | undefined): UpstreamError {
  const problem = (code && connectionProblems[code]) ?? 'the connection failed';
  return new UpstreamError({
    kind: 'network',
    status: 502,
    errorCode: 'UPSTREAM_UNREACHABLE',
    reason: 'Bad Gateway',
    detail: `The console could not reach the Admin API at ${host}: ${problem}. Try again in a moment.`,
  });
}

export function invalidResponse(what: string, problem: string): UpstreamError {
  return new UpstreamError({
    kind: 'invalid-response',
    status: 502,
    errorCode: 'INVALID_UPSTREAM_RESPONSE',
    reason: 'Bad Gateway',
    detail: `The Admin API answered ${what} with data the console cannot use (${problem}).`,
  });
}

/** Which of the console's credentials is meant, in words an operator recognises. */
export type CredentialName = 'API key' | 'service account';

/** Where the failed call was made: a project's resources or the organization's. */
export type CallScope = 'project' | 'organization';

/**
 * A 401 (or an access-list 403) that survived authentication concerns the console's own credential, never the
 * signed-in person: the sentence says which role or setting the credential needs.
 */
export function credentialError(
  answer: { status: number; errorCode: string; reason: string },
  credential: CredentialName,
  problem: 'rejected' | 'lacks-role' | 'not-on-access-list',
  scope: CallScope,
): UpstreamError {
  const detail = {
    rejected: `The Admin API rejected the console's ${credential}: check that it exists and that the configured secret is right.`,
    'lacks-role':
      scope === 'project'
        ? `The console's ${credential} lacks the Project Owner or Organization Owner role needed for this project.`
        : `The console's ${credential} lacks the Organization Owner role needed for this organization.`,
    'not-on-access-list': `The console's ${credential} may not be used from this server's address: add the address to the ${credential}'s access list.`,
  }[problem];
  return new UpstreamError({ kind: 'credential', ...answer, detail });
}
