// Sends one Admin API call: the flavor's URL and media type, the console's credential, a timeout, retries for GETs.
import 'server-only';
import type { Dispatcher } from 'undici';
import { answerBody, checkAnswer, type AnswerContext } from './answer';
import { exchange, type Authenticator, type HttpMethod, type Received } from './exchange';
import { withRetries, type RetryOptions } from './retry';

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
