// Reads an upstream answer: its JSON when it succeeded, otherwise the UpstreamError it stands for.
import 'server-only';
import { STATUS_CODES } from 'node:http';
import { credentialError, invalidResponse, UpstreamError, type CallScope, type CredentialName } from './errors';
import type { RawResponse, Received } from './exchange';
import { retryAfterMs } from './retry';
import { wireError } from './wire';

export interface AnswerContext {
  /** The call in words for error details, e.g. `GET /groups/{id}/apiKeys`. */
  what: string;
  credential: CredentialName;
  scope: CallScope;
}

const accessListCodes = new Set([
  'IP_ADDRESS_NOT_ON_ACCESS_LIST',
  'IP_ADDRESS_NOT_ON_WHITELIST',
  'ORG_REQUIRES_ACCESS_LIST',
  'ORG_REQUIRES_WHITELIST',
]);

/** Throws the UpstreamError an answer stands for unless it is a 2xx. */
export function checkAnswer(answer: RawResponse, context: AnswerContext): void {
  if (answer.status < 200 || answer.status > 299) throw answerError(answer, context);
}

const asciiSpace = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]);

/** `text.trim() === ''` without decoding a body that starts like JSON; only a non-ASCII start is decoded to decide. */
function isBlank(answer: Received): boolean {
  for (const byte of answer.bytes) {
    if (asciiSpace.has(byte)) continue;
    return byte < 0x80 ? false : answer.text.trim() === '';
  }
  return true;
}

/** A 2xx answer, or undefined when it has no body (204, or an empty 200). */
export function answerBody(answer: Received, context: AnswerContext): Received | undefined {
  checkAnswer(answer, context);
  return isBlank(answer) ? undefined : answer;
}

/** JSON of an answer's body; never quotes the body, which may hold a private key. */
export function parseBody(text: string | undefined, what: string): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidResponse(what, 'not JSON');
  }
}

/** The parsed JSON of a 2xx answer, or undefined when it has no body (204, or an empty 200). */
export function readAnswer(answer: RawResponse, context: AnswerContext): unknown {
  checkAnswer(answer, context);
  return parseBody(answer.text.trim() === '' ? undefined : answer.text, context.what);
}

function errorBody(text: string) {
  try {
    return wireError.safeParse(JSON.parse(text)).data ?? {};
  } catch {
    return {};
  }
}

export function answerError(answer: RawResponse, context: AnswerContext): UpstreamError {
  const body = errorBody(answer.text);
  const reason = body.reason ?? STATUS_CODES[answer.status] ?? 'Error';
  const errorCode = body.errorCode ?? reason.toUpperCase().replace(/\W+/g, '_');
  const fields = { status: answer.status, errorCode, reason };
  // Only the console's credential is sent upstream, so a 401 that survives authentication is about it, not the person.
  if (answer.status === 401) {
    const rejected = answer.headers['www-authenticate'] !== undefined;
    return credentialError(fields, context.credential, rejected ? 'rejected' : 'lacks-role', context.scope);
  }
  if (answer.status === 403 && accessListCodes.has(errorCode)) {
    return credentialError(fields, context.credential, 'not-on-access-list', context.scope);
  }
  const detail = body.detail ?? `The Admin API answered ${context.what} with ${answer.status} ${reason}.`;
  const retryAfter = answer.status === 429 ? retryAfterMs(answer.headers['retry-after']) : undefined;
  return new UpstreamError({ kind: 'upstream', ...fields, detail, ...(retryAfter === undefined ? {} : { retryAfterSeconds: retryAfter / 1000 }) });
}
