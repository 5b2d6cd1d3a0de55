// One Admin API call over HTTP: the exchange itself, retries for GETs, and the answer read into JSON or the
// UpstreamError it stands for.
import 'server-only';
import { STATUS_CODES } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { request, type Dispatcher } from 'undici';
import {
  credentialError,
  invalidResponse,
  networkError,
  timeoutError,
  UpstreamError,
  type CallScope,
  type CredentialName,
} from './errors';
import { wireError } from './wire';

// One HTTP exchange with the upstream over the keep-alive dispatcher, bounded by a timeout, read to the end.
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** An answer as it came off the wire: its bytes, decoded to text only when something reads `text`. */
export interface Received extends RawResponse {
  readonly bytes: Buffer;
}

function received(status: number, headers: RawResponse['headers'], bytes: Buffer): Received {
  let text: string | undefined;
  return {
    status,
    headers,
    bytes,
    get text() {
      text ??= bytes.toString('utf8');
      return text;
    },
  };
}

export interface Outgoing {
  method: HttpMethod;
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

/** Never throws anything but an UpstreamError of kind 'timeout' or 'network'; the original error (which may name headers) is dropped. */
export async function exchange(dispatcher: Dispatcher, outgoing: Outgoing, timeoutMs: number): Promise<Received> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const answer = await request(outgoing.url, {
      method: outgoing.method,
      headers: outgoing.headers,
      body: outgoing.body,
      dispatcher,
      signal,
    });
    // Reading the whole body gives the connection back to the pool and keeps the timeout over the body too. Bytes, not
    // text: an unchanged list is recognised by comparing them, and decoding 100 KB costs more than parsing it.
    const bytes = Buffer.from(await answer.body.arrayBuffer());
    return received(answer.statusCode, answer.headers, bytes);
  } catch (error) {
    if (signal.aborted) throw timeoutError(outgoing.url.host, timeoutMs);
    const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
    throw networkError(outgoing.url.host, code);
  }
}

/** Sends one request with the given Authorization header value, or none; over `via` when given, else the shared dispatcher. */
export type Attempt<R extends RawResponse = RawResponse> = (authorization: string | undefined, via?: Dispatcher) => Promise<R>;

export interface Authenticator {
  readonly credential: CredentialName;
  /** Runs the request with credentials, answering a challenge or refreshing a token at most once, never looping on 401. */
  send<R extends RawResponse>(method: string, uri: string, attempt: Attempt<R>): Promise<R>;
}

// When a failed upstream call is tried again: only GETs, only on 429, 5xx or a lost connection, bounded in count and time.
export interface RetryOptions {
  maxAttempts: number;
  maxTotalMs: number;
  baseDelayMs: number;
}

/**
 * `maxTotalMs` is the request's time budget for retries: a person waits this long at most, and a longer Retry-After
 * ends the retries at once, its 429 (with that Retry-After) passed on.
 */
export const defaultRetry: RetryOptions = { maxAttempts: 3, maxTotalMs: 5_000, baseDelayMs: 200 };

/** Retry-After in seconds, as the Admin API sends it; anything else is ignored. */
export function retryAfterMs(header: string | string[] | undefined): number | undefined {
  const value = [header ?? []].flat()[0]?.trim();
  return value && /^\d+$/.test(value) ? Number(value) * 1000 : undefined;
}

/** Exponential backoff with jitter (half fixed, half random), never shorter than what the upstream asked for. */
export function backoffMs(retryNumber: number, baseDelayMs: number, retryAfter: number | undefined, random = Math.random): number {
  const exponential = baseDelayMs * 2 ** (retryNumber - 1);
  return Math.max(retryAfter ?? 0, Math.round(exponential / 2 + (random() * exponential) / 2));
}

function retryAfterOf(outcome: RawResponse | UpstreamError): number | undefined {
  return outcome instanceof UpstreamError ? undefined : retryAfterMs(outcome.headers['retry-after']);
}

function retryable(outcome: RawResponse | UpstreamError): boolean {
  if (outcome instanceof UpstreamError) return outcome.kind === 'network';
  return outcome.status === 429 || outcome.status >= 500;
}

/**
 * Runs `attempt` until it gives an answer worth keeping and returns the last answer (an error status included)
 * or throws the last error. Each attempt gets `timeoutMs`, capped so that retries end within `maxTotalMs`.
 */
export async function withRetries<R extends RawResponse>(
  method: HttpMethod,
  policy: RetryOptions & { timeoutMs: number },
  attempt: (timeoutMs: number) => Promise<R>,
): Promise<R> {
  // A write that failed may still have happened upstream, so it is never sent twice.
  if (method !== 'GET') return attempt(policy.timeoutMs);
  const deadline = Date.now() + policy.maxTotalMs;
  let timeoutMs = policy.timeoutMs;
  for (let attemptNumber = 1; ; attemptNumber += 1) {
    let outcome: R | UpstreamError;
    try {
      outcome = await attempt(timeoutMs);
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      outcome = error;
    }
    const wait = retryable(outcome) && attemptNumber < policy.maxAttempts ? backoffMs(attemptNumber, policy.baseDelayMs, retryAfterOf(outcome)) : undefined;
    const remaining = deadline - Date.now() - (wait ?? 0);
    if (wait === undefined || remaining <= 0) {
      if (outcome instanceof UpstreamError) throw outcome;
      return outcome;
    }
    await sleep(wait);
    timeoutMs = Math.min(policy.timeoutMs, remaining);
  }
}

// Reads an upstream answer: its JSON when it succeeded, otherwise the UpstreamError it stands for.
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

// Sends one Admin API call: the flavor's URL and media type, the console's credential, a timeout, retries for GETs.
export interface AtlasCall {
  method: HttpMethod;
  /** Built by `paths`, relative to the base URL. */
  path: string;
  /** A list value repeats the parameter, as `eventType` does. */
  query?: Record<string, string | string[]>;
  body?: unknown;
  /** A resource version other than the flavor's default (Atlas v2 dates its media types per resource). */
  mediaType?: string;
}

export interface TransportOptions {
  baseUrl: URL;
  mediaType: string;
  authenticator: Authenticator;
  dispatcher: Dispatcher;
  timeoutMs: number;
  retry: RetryOptions;
}

/** Resolves to a 2xx answer with a body (undefined when empty) or rejects with an UpstreamError. */
export type Transport = (call: AtlasCall) => Promise<Received | undefined>;

export function createTransport({ baseUrl, mediaType, authenticator, dispatcher, timeoutMs, retry }: TransportOptions): Transport {
  const base = `${baseUrl.origin}${baseUrl.pathname.replace(/\/+$/, '')}`;
  return async ({ method, path, query = {}, body, mediaType: callMediaType = mediaType }) => {
    const url = new URL(base + path);
    for (const [name, value] of Object.entries(query)) {
      for (const one of [value].flat()) url.searchParams.append(name, one);
    }
    // Digest signs the request-target exactly as it goes on the wire.
    const uri = url.pathname + url.search;
    const headers: Record<string, string> = { accept: callMediaType };
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined) headers['content-type'] = callMediaType;
    const answer = await withRetries(method, { ...retry, timeoutMs }, (attemptTimeoutMs) =>
      authenticator.send(method, uri, (authorization, via = dispatcher) =>
        exchange(via, { method, url, headers: authorization ? { ...headers, authorization } : headers, body: payload }, attemptTimeoutMs),
      ),
    );
    const context: AnswerContext = {
      what: `${method} ${path}`,
      credential: authenticator.credential,
      scope: path.startsWith('/groups/') ? 'project' : 'organization',
    };
    if (method !== 'DELETE') return answerBody(answer, context);
    // A DELETE's success is its status; an odd body must not make a removal that happened look failed.
    checkAnswer(answer, context);
    return undefined;
  };
}
