// One HTTP exchange with the upstream over the keep-alive dispatcher, bounded by a timeout, read to the end.
import 'server-only';
import { request, type Dispatcher } from 'undici';
import { networkError, timeoutError, type CredentialName } from './errors';

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
